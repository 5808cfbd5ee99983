/**
 * One order for Chinese names everywhere (emit's data files and every page): the collation
 * readers expect (pinyin order, `zh-Hans-CN`), not UTF-16 code points, so the same list of
 * cities reads the same on every page. The collator is built once; `localeCompare` would
 * build one per call.
 */
const collator = new Intl.Collator('zh-Hans-CN');

export const byChinese = (a: string, b: string): number => collator.compare(a, b);

/** Code-point order, for ids: ASCII, stable across ICU versions. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
