/**
 * What a screen reader hears for each item's "条目页 →" link on a document page: the item's
 * number and title ("4 加强母婴安全保障"), so 339 links are not all called the same. Where two
 * items of one document share number and title (a goal and a measure of the same wording, a
 * speech printed twice), the kind, then the top section, then the occurrence tells them apart.
 */
import { itemTitle } from '../lib/display';
import { itemIndex } from '../lib/kb';
import { ITEM_KIND_LABEL } from '../lib/vocabulary';

let names: Promise<Map<string, string>> | undefined;

/** Item id → unique (within its document) name, for every item; built once per build. */
export function itemLinkNames(): Promise<Map<string, string>> {
  names ??= itemIndex().then(({ byDocument }) => {
    const out = new Map<string, string>();
    for (const items of byDocument.values()) {
      let named = items.map((i) => ({ id: i.id, name: `${i.number} ${itemTitle(i)}`.trim() }));
      const refinements: ((k: number) => string)[] = [
        (k) => ITEM_KIND_LABEL[items[k]!.kind],
        (k) => items[k]!.section[0] ?? '',
      ];
      for (const refine of [...refinements, null]) {
        const count = new Map<string, number>();
        for (const n of named) count.set(n.name, (count.get(n.name) ?? 0) + 1);
        if (named.every((n) => count.get(n.name) === 1)) break;
        const seen = new Map<string, number>();
        named = named.map((n, k) => {
          if (count.get(n.name) === 1) return n;
          const extra = refine ? refine(k) : `第 ${(seen.get(n.name) ?? 0) + 1} 处`;
          seen.set(n.name, (seen.get(n.name) ?? 0) + 1);
          return extra ? { id: n.id, name: `${n.name}（${extra}）` } : n;
        });
      }
      for (const n of named) out.set(n.id, n.name);
    }
    return out;
  });
  return names;
}
