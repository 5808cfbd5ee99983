import { describe, expect, it } from 'vitest';
import type { ReportWarning } from '../../../../src/lib/ingest-report.ts';
import { fixtureKb } from '../../testing/fixture.ts';
import { addCountLine, documentLine, documentLines, INFO_MARK, warningCountLine, warningLines } from './format.ts';
import { documentReport } from './summary.ts';

const kb = fixtureKb();
const report = (id: string) => documentReport(kb.documents.find((d) => d.id === id)!);

/** A structure note printed for every list of an excerpt: same wording, other lines. */
const note = (line: number, heading = '策略措施：'): ReportWarning => ({
  code: 'structure',
  note: 'list-without-domain',
  message: `「${heading}」之前没有可识别的发展领域标题。请核对。`,
  lineStart: line,
  lineEnd: line,
});

describe('terminal lines', () => {
  it('one line per document, in Chinese: kind, encoding, paragraphs, items, what is unknown', () => {
    expect(documentLine(report('fx_001'))).toBe('  fx_001.txt  发展规划  utf-8  8 段  3 条  未知：发文机关');
    expect(documentLine(report('zz_bad'))).toBe('  zz_bad.txt  讲话  utf-8  3 段  2 条  未知：城市、省份、日期、文号、发文机关');
  });

  it('a warning names the file, the lines and the message; a document-wide one has no lines', () => {
    const fx = { ...report('fx_001'), warnings: [note(17), { code: 'unknown-city' as const, message: '原文未写明所属城市。请补充。' }] };
    expect(warningLines(fx)).toEqual(['⚠ fx_001.txt 第 17 行：「策略措施：」之前没有可识别的发展领域标题。请核对。', '⚠ fx_001.txt：原文未写明所属城市。请补充。']);
  });

  it('repeated warnings are grouped: one line per kind and wording, with all their lines', () => {
    const lines = Array.from({ length: 16 }, (_, k) => 10 + 5 * k);
    const warnings = [...lines.map((l) => note(l)), note(200, '主要目标：'), { ...note(300), lineEnd: 302 }];
    const printed = warningLines({ source: 'x.txt', warnings });
    expect(printed).toHaveLength(2);
    expect(printed[0]).toBe(`⚠ x.txt 第 ${lines.join('、')}、300–302 行：「策略措施：」之前没有可识别的发展领域标题。请核对。`);
    expect(printed[1]).toBe('⚠ x.txt 第 200 行：「主要目标：」之前没有可识别的发展领域标题。请核对。');
  });

  it('the count line counts what the editor reads (groups), and sets information apart', () => {
    const fx = report('fx_001');
    const warned = { ...fx, warnings: [note(1), note(2), { code: 'unknown-city' as const, message: 'x' }] };
    expect(warningCountLine([fx, warned], 'public/data/ingest-report.json')).toBe('⚠ 2 条提示需要核对，涉及 1 份文档（详见 public/data/ingest-report.json）');
    expect(warningCountLine([fx], 'x')).toBe('没有需要核对的提示');
    const county = { code: 'near-duplicate' as const, message: '彰武县的文件大部分文字与阜新市的文件相同。', other: 'a.txt', similarity: 0.9, containment: 0.9, relation: 'other-place' as const };
    const informed = { ...fx, warnings: [county] };
    expect(warningLines(informed)[0]).toMatch(new RegExp(`^${INFO_MARK} fx_001\\.txt：彰武县`));
    expect(warningCountLine([informed], 'r.json')).toBe(`没有需要核对的提示；另有 1 条说明（${INFO_MARK}，无需处理）（详见 r.json）`);
    expect(warningCountLine([informed, warned], 'r.json')).toBe(`⚠ 2 条提示需要核对，涉及 1 份文档；另有 1 条说明（${INFO_MARK}，无需处理）（详见 r.json）`);
  });

  it('the add command’s account: domains with goals and measures, departments with their roles', () => {
    const lines = documentLines(report('da_003')).join('\n');
    expect(lines).toMatch(/^da_003\.txt {2}→ {2}da_003$/m);
    expect(lines).toMatch(/类型 {4}重点任务清单 {4}层级 县级 {4}编码 utf-8/);
    expect(lines).toMatch(/地方 {4}大安市，吉林省/);
    expect(lines).toMatch(/条目 {4}1 条：策略措施 1 条$/m);
    expect(lines).toMatch(/妇女与健康 {2}主要目标 0 条，策略措施 1 条/);
    expect(lines).toMatch(/部门 {4}3 个：市妇联（牵头 0，配合 1）；市卫健局（牵头 1，配合 0）；市医保局（牵头 0，配合 1）/);
    expect(documentLines(report('zz_bad')).join('\n')).toMatch(/领域 {4}文件结构中未写明领域\n {2}无领域 {2}2 条（网站按文字推断其领域）/);
    // No English words left for the editor, apart from the file names, the title and the encoding.
    for (const id of ['fx_001', 'da_003', 'zz_bad']) {
      for (const line of documentLines(report(id)).slice(2)) expect(line.replace(/utf-8/g, ''), line).not.toMatch(/[a-z]{3,}/i);
    }
  });
});

describe('the add command’s count line', () => {
  it('counts what needs checking and sets information apart', () => {
    const county = { code: 'near-duplicate' as const, message: 'x', other: 'a.txt', similarity: 0.9, containment: 0.9, relation: 'other-place' as const };
    const city = { code: 'unknown-city' as const, message: 'y' };
    expect(addCountLine({ warnings: [] })).toBe('没有需要核对的提示。');
    expect(addCountLine({ warnings: [county] })).toBe(`没有需要核对的提示；1 条说明（${INFO_MARK}）无需处理。`);
    expect(addCountLine({ warnings: [city, county] })).toBe(`⚠ 以上 1 条提示请核对，1 条说明（${INFO_MARK}）无需处理；无论有无提示，文档都全文发布。`);
  });
});
