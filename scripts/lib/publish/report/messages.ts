/**
 * Every sentence the editor's report says, in one place and one voice: Simplified Chinese,
 * short and plain, what was found and then, in the imperative, what to do. The file and the
 * lines are not part of a message: the terminal and the about page put them in front
 * (`⚠ 001_….txt 第 17–67 行：…`), so that repeated warnings can be grouped with all their
 * lines (src/lib/ingest-report.ts `groupWarnings`).
 */
import { DOCUMENT_KIND_LABEL, ITEM_KIND_LABEL, LEVEL_LABEL, type DocumentKind, type ItemKind, type Level } from '../../../../src/lib/vocabulary.ts';
import type { StructureNoteCode } from '../../understand/structure/notes.ts';

/** A sentence ends in 。 once, whatever the part before it ended with. */
const sentence = (s: string) => `${s.replace(/[。；;，,\s]+$/, '')}。`;

/** `1–8、10、12–13`: numbers as runs, for a list that misses many. */
export function numberRuns(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join('、'));
    i = j + 1;
  }
  return runs.join('、');
}

/** A printed marker without its trailing mark: `一、` → `一`, `4.` → `4`, `（二）` stays. */
const printedNumber = (n: string) => n.trim().replace(/[、.．]$/, '');

export const MESSAGES = {
  noItems: (kind: DocumentKind, sidecar: string, reason?: string) =>
    `${sentence(reason ?? `未识别出任何目标或措施，全文仍作为文档正文发布`)}${
      kind === 'tasklist'
        ? '请核对任务清单表头的列名（如“发展领域”“主要目标”“策略措施”“牵头部门”）和各条目的编号（如“1.”）'
        : '请核对各领域和「主要目标」「策略措施」的标题与编号是否按国家纲要的写法（如“（一）妇女与健康”“主要目标：”“1.”）'
    }；如本文件不是${DOCUMENT_KIND_LABEL[kind]}，请在 ${sidecar} 中写明 "kind"。`,

  /** An opinion, report or speech in which neither sections nor points were recognised. */
  noItemsAround: (kind: DocumentKind, sidecar: string, reason: string) =>
    `${sentence(reason)}请核对各部分的标题与编号（如“一、”“（一）”“一是”）；如本文件不是${DOCUMENT_KIND_LABEL[kind]}，请在 ${sidecar} 中写明 "kind"。`,

  numbering: (list: string, kind: ItemKind, printed: readonly string[], missing: readonly number[], repeated: readonly number[]) => {
    const problems = [missing.length ? `缺少 ${numberRuns(missing)}` : '', repeated.length ? `其中 ${repeated.join('、')} 重复出现` : ''].filter(Boolean).join('，');
    // A list printed from its 9th item on misses exactly 1–8: an excerpt, which is fine.
    const excerpt = missing.length > 0 && repeated.length === 0 && missing.every((n, k) => n === k + 1);
    const fix = repeated.length
      ? '请核对原文是否错印编号，或两组条目是否连在了一起。'
      : excerpt
        ? '如原文是节选，可不处理；否则请核对原文是否漏印或错印编号。'
        : '请核对原文是否漏印或错印编号。';
    // A list outside any domain is named by its own heading (`策略措施：`): not `「策略措施：」的策略措施`.
    const label = ITEM_KIND_LABEL[kind];
    const subject = list.replace(/[：:\s]+$/, '') === label ? `「${label}」` : `「${list}」的${label}`;
    return `${subject}编号为 ${printed.map(printedNumber).join('、')}，${problems}。${fix}`;
  },

  unassignedText: (blocks: number, chars: number, excerpt: string, moreRuns: number) =>
    `有 ${blocks} 段文字（${chars} 字）不属于任何目标或措施：“${excerpt}”${moreRuns ? `（此后另有 ${moreRuns} 处同类文字，一并列出行号）。` : /[。！？]$/.test(excerpt) ? '' : '。'}可能是编号未被识别的目标或措施，请核对原文的编号写法（如“1.”“（1）”）。`,

  missingDomains: (population: string, domains: readonly string[]) =>
    `${population}规划中未识别出以下领域：${domains.join('、')}。如原文是节选，可不处理；否则请核对这些领域标题的写法（标题应单独成行，如“${domains[0]}”，可带“（一）”“一、”等序号）。`,

  emptyList: (domain: string, found: ItemKind, lacking: ItemKind) =>
    `「${domain}」有${ITEM_KIND_LABEL[found]}，但未识别出${ITEM_KIND_LABEL[lacking]}。请核对该领域「${ITEM_KIND_LABEL[lacking]}」的标题及其下的编号（1. 2. …）。`,

  /** A recogniser's note (already Chinese, structure/*) with what the editor can do about it. */
  structure: (code: StructureNoteCode | string, note: string) => `${sentence(note)}${STRUCTURE_FIX[code as StructureNoteCode] ?? ''}`,

  uncertainBreak:
    '此行写满并以句末标点结束，下一行没有首行缩进，无法判断是否另起一段，已与下一行合为一段（一条）。如原文在此分段，请在源文件中用空行或首行缩进把两段分开后重新构建。',

  unknownCity: (sidecar: string) => `原文未写明所属城市。请在 ${sidecar} 中补充 "city"（及 "province"），例如 {"city": "鞍山市", "province": "辽宁省"}。`,

  nearDuplicate: {
    'same-document': (other: string, share: string) =>
      `与 ${other} 的文字大部分相同（${share}），两份文件地方和类型相同，可能是同一文件收录了两次。请保留其一；如一份是另一份的一部分，请保留完整的一份。`,
    'other-place': (other: string, share: string, here: string, there: string, sidecar: string) =>
      `${here}的文件大部分文字与${there}的文件（${other}）相同（${share}）。不同地方的文件沿用上级或同级文件的文字属正常情况，两份都会发布，无需处理；如本文件的地方或级别有误，请在 ${sidecar} 中改正。`,
    'other-kind': (other: string, share: string, kind: string, otherKind: string) =>
      `与 ${other} 的文字大部分相同（${share}），两份文件地方相同，但一份是${kind}、一份是${otherKind}。如为同一文件，请保留其一；否则请核对两份文件的类型，必要时在 .meta.json 中写明 "kind"。`,
    'place-unknown': (other: string, share: string, sidecar: string) =>
      `与 ${other} 的文字大部分相同（${share}），其中至少一份未写明所属地方，无法判断是否为同一文件。如为同一文件，请保留其一；如属不同地方，请在 ${sidecar} 中补充 "city"。`,
  },
  share: (similarity: number, containment: number) => `相似度 ${percent(similarity)}，较短一份的 ${percent(containment)} 见于另一份`,

  implausibleDate: {
    'after-today': (date: string, today: string, where: DateWhere) => `${dateSubject(date, where)}晚于今天（${today}）。${dateFix(where)}`,
    'before-period': (date: string, period: string, where: DateWhere) => `${dateSubject(date, where)}早于标题所写的规划期（${period}）。${dateFix(where)}`,
    'after-period': (date: string, period: string, where: DateWhere) =>
      `${dateSubject(date, where)}晚于标题所写的规划期（${period}），而规划通常在规划期的头几年印发。${dateFix(where)}`,
  },

  /** A place for the near-duplicate sentence: the city, else the province, else the level. */
  place: (city: string | null, province: string | null, level: Level) => city ?? province ?? `${LEVEL_LABEL[level]}地方`,
} as const;

const percent = (x: number) => `${Math.round(x * 100)}%`;

export interface DateWhere {
  from: 'sidecar' | 'text';
  sidecar: string;
}
const dateSubject = (date: string, where: DateWhere) => (where.from === 'sidecar' ? `${where.sidecar} 中的日期 ${date} ` : `从正文读出的日期 ${date} `);
const dateFix = (where: DateWhere) =>
  where.from === 'sidecar' ? `请核对并改正 ${where.sidecar} 中的 "date"。` : `请核对原文；如日期读错，请在 ${where.sidecar} 中写明正确的 "date"。`;

/** What the editor can do about each kind of recogniser note. */
const STRUCTURE_FIX: Partial<Record<StructureNoteCode, string>> = {
  'list-without-domain': '如原文在此之前有领域标题，请核对其写法（如“（一）妇女与健康”）；如原文是不分领域的节选，可不处理。',
  'empty-list': '请核对该标题之下的条目是否有编号（如“1.”“（1）”）。',
  'unknown-domain': '请核对该标题或单元格是否写错，或改为 15 个发展领域之一（如“妇女与健康”）。',
  'row-numbering': '请核对该处的序号，以及各列是否错位（某行多出或缺少单元格）。',
  'carried-department': '如该行确有自己的牵头部门，请在原文中填写；如原表为合并单元格，可不处理。',
};

/** The terminal's words for the report's fields. */
export const FIELD_LABEL: Record<string, string> = { city: '城市', province: '省份', date: '日期', docNumber: '文号', issuer: '发文机关', title: '标题', level: '层级', kind: '类型', populations: '人群' };
