/**
 * A heading's words without its dress. Plans print the same heading many ways: `（一）妇女与健康。`,
 * `一、妇女与健康`, `【妇女与健康】`, `第三章 儿童与健康`, `（一）、妇女与健康：`, `“妇女与健康”领域`,
 * `**主要目标**` (Markdown bold), `妇 女 与 健 康` (a centred heading spaced out). What is left
 * once the numbering, brackets and quotes, emphasis, trailing punctuation and a trailing `领域`
 * are taken away is what the recognisers compare with the words they know (a domain name, a
 * list heading, a part title), exactly: a paragraph with anything more is no such heading.
 */

/** Leading markers: `第三章`, `第二部分`, `领域一`, `（一）`, `一、`, `4.`, `⑷`, `④`, `Ⅳ.`, with the separator after them. */
const MARKER = new RegExp(
  '^(?:' +
    [
      '第[0-9０-９一二三四五六七八九十百零〇两]{1,4}(?:部分|章|节|篇|编)',
      '(?:发展)?领域[0-9０-９一二三四五六七八九十]{1,3}',
      '[（(〔［\\[【]?[0-9０-９一二三四五六七八九十]{1,3}[）)〕］\\]】]?',
      '[⑴-⒇①-⑳]',
      '[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,4}',
    ].join('|') +
    ')[、.．,，:：]*',
);

/** Brackets and quotes a heading may be wrapped in (`【妇女与健康】`, `“妇女与健康”领域`), and Markdown emphasis. */
const WRAPPERS = /[【】〔〕［］[\]「」『』“”"《》〈〉*＊]/g;

const TRAILING_PUNCTUATION = /[。．.:：;；，,、!！]+$/;

/** The heading's text without spaces and Markdown emphasis: `**三、 组织实施**` → `三、组织实施`. */
export function compactHeading(text: string): string {
  return text.replace(/\s+/g, '').replace(/[*＊]/g, '');
}

/**
 * The words of a heading without its dress: `（一）、妇女与健康。` → `妇女与健康`, `【主要目标】` →
 * `主要目标`, `第三章 儿童与健康领域` → `儿童与健康`. Text that is not a heading comes back with
 * its words (and whatever else it holds), so an exact comparison rejects it.
 */
export function headingCore(text: string): string {
  let core = compactHeading(text);
  // Two markers at most: `第二章第一节`, `（一）1.` are rare, `（一）、` is one marker and its separator.
  for (let k = 0; k < 2; k++) {
    const m = MARKER.exec(core);
    if (!m || m[0].length === 0 || m[0].length === core.length) break;
    core = core.slice(m[0].length);
  }
  core = core.replace(WRAPPERS, '').replace(TRAILING_PUNCTUATION, '');
  return core.endsWith('领域') && core.length > 2 ? core.slice(0, -2) : core;
}

/** Whether the heading is numbered (`（一）`, `一、`, `第三章`…): a marker, then words. */
export function hasHeadingMarker(text: string): boolean {
  const core = compactHeading(text);
  const m = MARKER.exec(core);
  return !!m && m[0].length > 0 && m[0].length < core.length;
}
