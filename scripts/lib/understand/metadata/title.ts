/** The document's title: where it starts after the letterhead and number, where a wrapped title ends, and its spacing. */
import { canonicalDomain } from '../domains.ts';
import type { Block } from '../../types.ts';
import { DATE } from './date.ts';
import { DOC_NUMBER_AT_END, DOC_NUMBER_ONLY } from './doc-number.ts';

/**
 * Title ends: a title block group stops after one of these (`…的通知`, `…审议意见`), also when
 * followed by the period or a note in brackets (`…纲要（2021—2030年）（节选）`).
 */
const DOC_TYPE_END = /(通知|意见|报告|清单|分工|分解表?|规划|纲要|讲话|决定|办法|方案|计划|条例|规定|批复|函|纪要|记录)[）)]?(?:[（(][^（）()]{1,20}[）)])*$/;
/**
 * Blocks that never continue a title: a section heading (`二、发展领域…`, `第一部分`, `（一）`, `1.`,
 * `主要目标：`) or a domain heading (`儿童与福利`).
 */
const SECTION_START = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百0-9]{1,4}(?:部分|章|节|篇|编|条)|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,3}[.．、]|(?:主要目标|策略措施)[:：]?$)/;
const ATTACHMENT = /^附件\s*[0-9一二三四五六七八九十]*[:：]?$/;

/**
 * The title: a level-1 Markdown heading, or the first run of short unpunctuated blocks after
 * the letterhead (`…人民政府文件`), document number and `附件1`; a title wrapped over several
 * blocks (000, 001) is joined. A file holding several attachments (附件1, 附件2) with titles of
 * their own gets them all, joined by `；`.
 */
export function inferTitle(blocks: Block[]): string {
  const first = blocks.find((b) => b.text.trim() !== '');
  if (!first) return '';
  if (first.headingDepth === 1) return tidyTitle(first.text);
  const titles: string[] = [];
  let i = blocks.indexOf(first);
  const startsWithAttachment = ATTACHMENT.test(first.text.trim());
  while (i < blocks.length && i < 8 && isFrontMatter(blocks[i]!.text)) i++;
  const main = titleAt(blocks, i);
  if (main) titles.push(main);
  if (startsWithAttachment) {
    blocks.forEach((b, k) => {
      if (k > i && ATTACHMENT.test(b.text.trim())) {
        const t = titleAt(blocks, k + 1);
        if (t) titles.push(t);
      }
    });
  }
  return titles.join('；') || tidyTitle(first.text.slice(0, 80));
}

function isFrontMatter(text: string): boolean {
  const t = text.trim();
  return ATTACHMENT.test(t) || /^\S{2,30}文件$/.test(t) || DOC_NUMBER_ONLY.test(t) || t === '';
}

function titleAt(blocks: Block[], start: number): string | null {
  const parts: string[] = [];
  for (let k = start; k < blocks.length && parts.length < 4; k++) {
    const b = blocks[k]!;
    const t = b.text.trim();
    // A table row, or a cell of a Word table flattened to text (`\t序号`), is no title.
    if (b.cells && (b.cells.filter(Boolean).length > 1 || (b.cells.length > 1 && b.cells[0] === ''))) break;
    if (/[，。；：:！？]$|[。；]/.test(t) || DATE.test(t) || t.length > 120) break;
    // A title ends before the document number and the first heading of the text.
    if (parts.length > 0 && (DOC_NUMBER_ONLY.test(t) || SECTION_START.test(t) || (t.length <= 30 && canonicalDomain(t)))) break;
    // A number printed on the title's own line (`…纲要（节选） 国发〔2021〕16号`) is not title.
    const numberAfter = DOC_NUMBER_AT_END.exec(t);
    if (numberAfter && numberAfter.index > 0) {
      parts.push(t.slice(0, numberAfter.index).trim());
      break;
    }
    parts.push(t);
    const sofar = tidyTitle(parts.join(''));
    const next = blocks[k + 1]?.text.trim() ?? '';
    if (DOC_TYPE_END.test(sofar) && !continuesTitle(sofar, next)) return sofar;
  }
  return parts.length > 0 && parts.length < 4 ? tidyTitle(parts.join('')) : null;
}

/**
 * A title wrapped after a kind word still goes on: `…关于印发阜新市妇女发展规划` + `（2021—2030
 * 年）和…的通知`. A `关于` title is whole only at `…的通知`/`…的报告`.
 */
function continuesTitle(sofar: string, next: string): boolean {
  return /^[（(和及与、]/.test(next) || (/关于/.test(sofar) && !/的[^的]{1,8}$/.test(sofar)) || TASK_LIST_TAIL.test(next);
}

/** `…规划（2021—2030年）` wrapped before `重点任务分工` / `重点任务清单`: the list's own kind word. */
const TASK_LIST_TAIL = /^[^，。；：:\s]{0,10}(?:清单|分工|分解表?)(?:方案)?$/;

/**
 * Spaces left by PDF and Word extraction go (`（2021—2030 年）`, `人民政府 关于《…》 落实`);
 * a space between two words of a web title stays (`会议记录 妇女儿童工作会议讲话`).
 */
export function tidyTitle(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?=[0-9年月日（）()《》〈〉〔〕“”—]|关于|落实|印发)/g, '')
    .replace(/(?<=[0-9（）()《》〈〉〔〕“”—]) /g, '');
}
