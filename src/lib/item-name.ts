/**
 * How the site names an item wherever it refers to one: domain, kind and number
 * (`儿童与健康 主要目标 3`). A plan numbers goals and measures from 1 in each of its 15 domains,
 * so `第 3 条` or `阜新市 1` alone names up to 30 items; the three together name one item of a
 * document. Items of opinions, reports and speeches are numbered within their sections and
 * their domain is inferred, so they are named by kind and number (`审议建议 二是`).
 */
import { ITEM_KIND_LABEL, NO_DOMAIN, STRUCTURED_ITEM_KINDS, type DomainName, type ItemKind } from './vocabulary.ts';

export interface NamedItem {
  domain: DomainName | null;
  kind: ItemKind;
  number: string;
}

/** `儿童与健康 主要目标 3`; `审议建议 二是`; a number the source left out is left out. */
export function itemName(item: NamedItem): string {
  const number = item.number.trim();
  const parts = STRUCTURED_ITEM_KINDS.has(item.kind) ? [item.domain ?? NO_DOMAIN, ITEM_KIND_LABEL[item.kind], number] : [ITEM_KIND_LABEL[item.kind], number];
  return parts.filter(Boolean).join(' ');
}

/** The name with the city first, where items of several documents are listed together (`阜新市 儿童与健康 主要目标 9`). */
export function placedItemName(city: string, item: NamedItem): string {
  return `${city} ${itemName(item)}`;
}
