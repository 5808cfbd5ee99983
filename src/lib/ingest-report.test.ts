import { describe, expect, it } from 'vitest';
import { groupText, groupWarnings, linesText, reportWarning, type ReportWarning } from './ingest-report.ts';

const numbering = (lineStart: number, lineEnd: number, message = '「妇女与健康」的策略措施编号为 1、2、4，缺少 3。请核对原文是否漏印或错印编号。'): ReportWarning => ({
  code: 'numbering', message, list: '妇女与健康', kind: 'measure', missing: [3], repeated: [], lineStart, lineEnd,
});

describe('linesText', () => {
  it('one line, a range, several places; nothing for a document-wide warning', () => {
    expect(linesText([{ lineStart: 17, lineEnd: 17 }])).toBe('第 17 行');
    expect(linesText([{ lineStart: 17, lineEnd: 67 }])).toBe('第 17–67 行');
    expect(linesText([{ lineStart: 12, lineEnd: 12 }, { lineStart: 40, lineEnd: 41 }, { lineStart: 12, lineEnd: 12 }])).toBe('第 12、40–41 行');
    expect(linesText([{}])).toBe('');
  });
});

describe('groupWarnings', () => {
  it('folds warnings of one code and one wording, keeping every line and the first-seen order', () => {
    const city: ReportWarning = { code: 'unknown-city', message: '原文未写明所属城市。请补充。' };
    const groups = groupWarnings([numbering(5, 9), city, numbering(20, 20), numbering(30, 31, '「妇女与教育」的策略措施编号为 1、3，缺少 2。请核对原文是否漏印或错印编号。')]);
    expect(groups.map((g) => [g.code, g.lines, g.warnings.length])).toEqual([
      ['numbering', '第 5–9、20 行', 2],
      ['unknown-city', '', 1],
      ['numbering', '第 30–31 行', 1],
    ]);
    expect(groupText(groups[0]!)).toBe('第 5–9、20 行：「妇女与健康」的策略措施编号为 1、2、4，缺少 3。请核对原文是否漏印或错印编号。');
    expect(groupText(groups[1]!)).toBe('原文未写明所属城市。请补充。');
  });

  it('the schema keeps the old warnings valid and takes the new fields', () => {
    expect(reportWarning.safeParse({ code: 'structure', message: 'x', note: 'empty-list' }).success).toBe(true);
    expect(reportWarning.safeParse({ code: 'structure', message: 'x', note: 'empty-list', lineStart: 3, lineEnd: 3 }).success).toBe(true);
    expect(reportWarning.safeParse({ code: 'near-duplicate', message: 'x', other: 'a.txt', similarity: 0.9, containment: 0.9 }).success).toBe(true);
    expect(reportWarning.safeParse({ code: 'near-duplicate', message: 'x', other: 'a.txt', similarity: 0.9, containment: 0.9, relation: 'other-place' }).success).toBe(true);
    expect(reportWarning.safeParse({ code: 'implausible-date', message: 'x', date: '2032-01-01', problem: 'after-today', from: 'sidecar', today: '2026-12-02' }).success).toBe(true);
    expect(reportWarning.safeParse({ code: 'implausible-date', message: 'x', date: '2032-01-01', problem: 'too-late', from: 'sidecar' }).success).toBe(false);
  });
});
