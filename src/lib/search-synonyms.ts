/**
 * Policy words readers use interchangeably (家暴 for 家庭暴力, 婴幼儿照护 for 托育). Applied at index
 * time: an item page whose text holds one word of a group carries the group's other words in a
 * hidden Pagefind meta field (`terms`, see ItemSearchRecord.astro). Pagefind searches meta fields
 * but never shows them in an excerpt, so a query for 家暴 finds the items that say 家庭暴力 while
 * the excerpt under each result is still the item's own words. The search page marks a group's
 * words in excerpts (`synonymsOf`), so the visitor sees why the item was found.
 *
 * Only specific words belong here. A group adds every item holding any of its words to a query
 * for any other, so a word found in many items floods the results: 女性 ↔ 妇女 would send every
 * item about women (about 40% of them) to a query for 女性, which then finds nothing in
 * particular. A site test checks that no word of a group occurs in more than
 * MAX_SHARE of the items, and the browser tests that 女性 stays apart from 妇女.
 */

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // The national outline's 3岁以下婴幼儿照护服务 is what the plans call 托育.
  ['托育', '婴幼儿照护'],
  ['家暴', '家庭暴力'],
  // 视力不良 is the screening statistic, 近视 the word everyone uses.
  ['近视', '视力不良'],
  // The law (未成年人保护法) says 留守未成年人; the plans say 留守儿童.
  ['留守儿童', '留守未成年人'],
  ['校园欺凌', '学生欺凌', '校园霸凌'],
  ['网络沉迷', '沉迷网络'],
  ['妇儿工委', '妇女儿童工作委员会'],
  ['母婴室', '母婴设施'],
  // 进城务工人员随迁子女 are the 流动儿童 of the plans.
  ['随迁子女', '流动儿童'],
];

/** A group's word may occur in at most this share of the items (else it floods; see above). */
export const MAX_SHARE = 0.1;

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The words to add to a page's index for `text`: the other words of each group one of whose words
 * the text holds, in group order, each once. Words the text holds itself are not repeated.
 */
export function synonymTermsFor(text: string, groups: readonly (readonly string[])[] = SYNONYM_GROUPS): string[] {
  const t = squash(text);
  const out = new Set<string>();
  for (const group of groups) {
    if (!group.some((w) => t.includes(w))) continue;
    for (const w of group) if (!t.includes(w)) out.add(w);
  }
  return [...out];
}

/** The other words of the groups that `term` belongs to (for marking excerpts), longest first. */
export function synonymsOf(term: string, groups: readonly (readonly string[])[] = SYNONYM_GROUPS): string[] {
  const out = new Set<string>();
  for (const group of groups) if (group.includes(term)) for (const w of group) if (w !== term) out.add(w);
  return [...out].sort((a, b) => b.length - a.length);
}
