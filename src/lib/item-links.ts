/**
 * What other documents contribute to an item page, as HTML: the plan measures an opinion,
 * report or speech item addresses (or, on a plan measure, the items that address it), the
 * related items in other cities and the topic the item is compared in. These are the only parts of an item page that change when
 * another document arrives, so `astro build` renders placeholders in their place
 * (src/pages/items/[id].astro) and the build fills them from the ingest's links
 * (scripts/lib/build/fill.ts) without Astro: an item page as Astro renders it then depends on
 * its own document only, and a new plan does not re-render the other documents' pages
 * (docs/scale.md, "Rebuilding what changed"). `astro dev` shows the same HTML in place.
 *
 * Plain data in, a string out, byte for byte what the Astro components it replaced rendered
 * (Astro's escaping, no whitespace between tags), so the site is the same either way.
 */
import { itemTitle } from './display.ts';
import { itemName } from './item-name.ts';
import { domainUrl, itemUrl, topicUrl } from './urls.ts';
import { DOMAINS, STRUCTURED_ITEM_KINDS, type DomainName, type ItemKind } from './vocabulary.ts';

/** The placeholders Astro renders; fill.ts replaces them. One of each per item page. */
export const LINKS_PLACEHOLDER = '<!--kb-item-links-->';
export const TOPIC_PLACEHOLDER = '<!--kb-item-topic-->';

/**
 * The fields of an item entry that other documents change (the ingest links, and clusters
 * topics, across the corpus): shown only through the placeholders, so the render cache's key
 * leaves them out (scripts/lib/build/key.ts).
 */
export const FILLED_FIELDS = ['related', 'addresses', 'addressedBy', 'topic'] as const;

/** An entry without FILLED_FIELDS: what Astro's item page is rendered from. */
export function ownPart<T extends Record<string, unknown>>(entry: T): Omit<T, (typeof FILLED_FIELDS)[number]> {
  const own = { ...entry };
  for (const f of FILLED_FIELDS) delete own[f];
  return own;
}

/** What an item page shows of another item it names (the fields linkedItem keeps). */
export interface LinkedItem {
  id: string;
  cityName: string;
  number: string;
  title: string;
  text: string;
  kind: ItemKind;
  domain: DomainName | null;
}

/** The fields of the page's own item the two sections read. */
export interface LinkingItem {
  kind: ItemKind;
  related: readonly { id: string; score: number; sharedTerms: readonly string[] }[];
  addresses?: readonly { id: string; score: number }[];
  addressedBy?: readonly { id: string; score: number }[];
  otherDomains?: readonly string[];
  /** The topic (各城市对照) the item belongs to: a cluster of items across cities. */
  topic?: { id: string; title: string } | null;
}

/** Only what the sections show of a named item: a lookup of these stays small at any scale. */
export function linkedItem(i: LinkedItem): LinkedItem {
  const title = i.title ?? '';
  // itemTitle reads the text only when the title is empty, and only its first 40 characters.
  return { id: i.id, cityName: i.cityName, number: i.number, title, text: title.trim() ? '' : i.text.replace(/\s+/g, ' ').trim().slice(0, 41), kind: i.kind, domain: i.domain };
}

// Astro's escapeHTML (astro/dist/runtime/server/escape.js): text and attributes alike here.
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
const esc = (value: string) => value.replace(/[&<>'"]/g, (c) => ENTITY[c]!);
// Astro's attribute escaping (toAttributeString): only & and ".
const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** What an item of each kind around the plans is called in a heading. */
const SPOKEN_AS: Partial<Record<ItemKind, string>> = { recommendation: '审议意见', report: '落实情况', speech: '讲话' };

/** The opinions, reports and speeches joined to the plans (was AroundMeasures.astro). */
function aroundMeasures(item: LinkingItem, named: (id: string) => LinkedItem | undefined): string {
  const listed = (item.addresses ?? item.addressedBy ?? []).flatMap((a) => {
    const other = named(a.id);
    return other ? [{ ...a, other }] : [];
  });
  if (!item.addresses && listed.length === 0) return '';
  const heading = item.addresses ? `这条${SPOKEN_AS[item.kind] ?? '条目'}涉及的规划措施` : '相关审议意见与落实情况';
  const others = (item.otherDomains ?? []).map((name) => DOMAINS.find((d) => d.name === name)!);
  let html = `<section class="around" data-pagefind-ignore aria-labelledby="around"><h2 id="around">${esc(heading)}</h2>`;
  if (others.length > 0) html += `<p>也涉及：${others.map((d, k) => `${k > 0 ? '、' : ''}<a href="${attr(domainUrl(d.slug))}">${esc(d.name)}</a>`).join('')}</p>`;
  html += listed.length
    ? `<ul class="items">${listed
        .map(
          (r) =>
            `<li><span class="tag">${esc(r.other.cityName)}</span> <a href="${attr(itemUrl(r.id))}"><span class="num">${esc(itemName(r.other))}</span>${esc(itemTitle(r.other))}</a>` +
            `${!STRUCTURED_ITEM_KINDS.has(r.other.kind) && r.other.domain ? ` <span class="tag">${esc(r.other.domain)}</span>` : ''} <span class="muted">相关度 ${r.score.toFixed(2)}</span></li>`,
        )
        .join('')}</ul>`
    : '<p class="muted">未找到相关规划措施。</p>';
  html += `<p class="note">${
    item.addresses
      ? '由程序逐句比对本条与各地规划的措施得出，按相关度排列，仅供参考。'
      : '审议意见、落实情况报告和讲话中谈到这项措施的段落，由程序逐句比对得出，按相关度排列，仅供参考。'
  }</p></section>`;
  return html;
}

const RELATED_HEAD =
  '<table class="cards" role="table" aria-labelledby="related" aria-describedby="score-note"><thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">城市</th><th scope="col" role="columnheader">条目</th><th scope="col" role="columnheader">相似度</th><th scope="col" role="columnheader">共有关键词</th></tr></thead><tbody role="rowgroup">';
const SCORE_NOTE =
  '<p class="note" id="score-note">相似度：两条文字的相近程度，0 到 1，越接近 1 越相近。由程序按两条共有的关键词计算：少见的词分量重，“加强”“完善”这类各地都写的套话分量轻，标题句比正文分量重；“共有关键词”列出贡献最大的几个。只列出其他城市中最相近的条目，分数仅供参考，不表示两地措施相同。见<a href="/methodology/">方法说明</a>。</p>';

/** The related items in other cities. Cards on a phone (site.css, .cards): explicit roles keep it a table for screen readers. */
function relatedItems(item: LinkingItem, named: (id: string) => LinkedItem | undefined): string {
  const related = item.related.flatMap((r) => {
    const other = named(r.id);
    return other ? [{ ...r, other }] : [];
  });
  const body = related.length
    ? `${RELATED_HEAD}${related
        .map(
          (r) =>
            `<tr role="row"><td role="cell" class="nowrap" data-label="城市">${esc(r.other.cityName)}</td><td role="cell" data-label="条目"><a href="${attr(itemUrl(r.id))}">${esc(itemName(r.other))} ${esc(itemTitle(r.other))}</a></td>` +
            `<td role="cell" class="nowrap" data-label="相似度">${r.score.toFixed(2)}</td><td role="cell" data-label="共有关键词">${esc(r.sharedTerms.join('、'))}</td></tr>`,
        )
        .join('')}</tbody></table>${SCORE_NOTE}`
    : '<p class="muted">暂未找到其他城市的相似条目。</p>';
  return `<section class="related" data-pagefind-ignore><h2 id="related">相关条目（其他城市）</h2>${body}</section>`;
}

/** Both sections, in page order: what replaces LINKS_PLACEHOLDER on the item's page. */
export function itemLinksHtml(item: LinkingItem, named: (id: string) => LinkedItem | undefined): string {
  return aroundMeasures(item, named) + relatedItems(item, named);
}

/** The topic row of the item's facts (was in the page's <dl class="meta">): what replaces TOPIC_PLACEHOLDER. */
export function itemTopicHtml(item: LinkingItem): string {
  return item.topic ? `<dt data-pagefind-ignore>主题</dt><dd data-pagefind-ignore><a href="${attr(topicUrl(item.topic.id))}">${esc(item.topic.title)}</a>（各城市对照）</dd>` : '';
}
