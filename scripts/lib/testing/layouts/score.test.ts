import { describe, expect, it } from 'vitest';
import type { ReportWarning } from '../../../../src/lib/ingest-report.ts';
import type { Item } from '../../types.ts';
import { generateDocument } from './generate.ts';
import { BASE } from './dimensions.ts';
import { ingestAndScore } from './ingest.ts';
import { numberValue, scoreDocument } from './score.ts';
import type { TruthItem } from './truth.ts';

const truth = (over: Partial<TruthItem> & Pick<TruthItem, 'number' | 'text'>): TruthItem => ({ kind: 'measure', population: '妇女', domain: '妇女与健康', ...over });
const item = (over: Partial<Item> & Pick<Item, 'number' | 'text'>): Item => ({
  id: `x-${over.number}`, docId: 'x', kind: 'measure', population: '妇女', domain: '妇女与健康', domainSource: 'structure', title: '', section: [],
  leadDepartments: [], partnerDepartments: [], blockStart: 0, textStart: 0, blockEnd: 0, ...over,
});
const numbering: ReportWarning = { code: 'numbering', message: 'measures under 妇女与健康 are numbered 1 3 (no 2)', list: '妇女与健康', kind: 'measure', missing: [2], repeated: [], lineStart: 1, lineEnd: 3 };

const expected = [
  truth({ number: 1, text: '加强母婴安全保障。实施母婴安全行动提升计划。' }),
  truth({ number: 2, text: '完善妇幼健康服务体系。提升服务能力。' }),
  truth({ number: 3, text: '加强妇女全生命周期的健康服务。建立健康管理模式。' }),
];

describe('scoreDocument', () => {
  it('counts every item right when kind, domain, number and text come back (whitespace aside)', () => {
    const got = [item({ number: '1', text: '加强母婴安全保障。实施母婴 安全行动提升计划。' }), item({ number: '（2）', text: expected[1]!.text }), item({ number: '⑶', text: expected[2]!.text })];
    const score = scoreDocument(expected, got, []);
    expect(score).toMatchObject({ expected: 3, right: 3, extra: 0, silentLoss: false });
    expect(score.wrong).toEqual([]);
  });

  it('names a lost item, a wrong domain, a wrong number, a changed text and an extra item', () => {
    const got = [
      item({ number: '1', text: expected[0]!.text, domain: '妇女与教育' }),
      item({ number: '4', text: expected[2]!.text }),
      item({ number: '5', text: '一段不属于任何条目的文字，被当成了条目。' }),
    ];
    const score = scoreDocument([...expected, truth({ number: 4, text: '促进健康孕育。普及生殖健康知识。' })], [...got, item({ number: '4', text: '促进健康孕育。普及⽣殖健康知识。' })], [numbering]);
    expect(score.right).toBe(0);
    const byProblem = (p: string) => score.wrong.filter((w) => w.problems.includes(p as never));
    expect(byProblem('wrong-domain').map((w) => w.expected!.number)).toEqual([1]);
    expect(byProblem('wrong-number').map((w) => [w.expected!.number, w.got!.number])).toEqual([[3, 4]]);
    expect(byProblem('missed').map((w) => w.expected!.number)).toEqual([2]);
    expect(byProblem('text-differs').map((w) => w.expected!.number)).toEqual([4]);
    expect(byProblem('extra').map((w) => w.got!.number)).toEqual([5]);
    expect(score.silentLoss).toBe(false);
  });

  it('calls a loss silent unless a warning says what was not recognised', () => {
    const got = [item({ number: '1', text: expected[0]!.text })];
    expect(scoreDocument(expected, got, []).silentLoss).toBe(true);
    expect(scoreDocument(expected, got, [{ code: 'unknown-city', message: 'the text names no city' }]).silentLoss).toBe(true);
    // Missing domains count only when the document has them: an excerpt lacks the others by design.
    expect(scoreDocument(expected, got, [{ code: 'missing-domains', message: '…', population: '妇女', domains: ['妇女与教育'] }]).silentLoss).toBe(true);
    expect(scoreDocument(expected, got, [{ code: 'missing-domains', message: '…', population: '妇女', domains: ['妇女与健康'] }]).silentLoss).toBe(false);
    expect(scoreDocument(expected, got, [numbering]).silentLoss).toBe(false);
    expect(scoreDocument(expected, got, [numbering]).warnings).toEqual([numbering.message]);
  });

  it("checks a task list's departments", () => {
    const e = [truth({ number: 1, text: '加强母婴安全保障。', lead: ['市卫健局'], partner: ['市妇联', '市医保局'] })];
    expect(scoreDocument(e, [item({ number: '1', text: '加强母婴安全保障。', leadDepartments: ['市卫健局'], partnerDepartments: ['市医保局', '市妇联'] })], []).right).toBe(1);
    const wrong = scoreDocument(e, [item({ number: '1', text: '加强母婴安全保障。', leadDepartments: ['市卫健局', '市妇联', '市医保局'] })], []);
    expect(wrong.wrong[0]!.problems).toEqual(['departments-differ']);
  });

  it('places report items by section heading and number, or by position in prose', () => {
    const e = [truth({ kind: 'report', domain: null, population: null, section: 2, number: 1, text: '甲。' }), truth({ kind: 'report', domain: null, population: null, section: 2, number: 2, text: '乙。' })];
    const numbered = [item({ kind: 'report', domain: null, number: '（一）', text: '甲。', section: ['二、聚焦重点'] }), item({ kind: 'report', domain: null, number: '（二）', text: '乙。', section: ['二、聚焦重点'] })];
    expect(scoreDocument(e, numbered, []).right).toBe(2);
    const prose = numbered.map((i) => ({ ...i, number: '' }));
    expect(scoreDocument(e, prose, []).right).toBe(2);
    expect(scoreDocument(e, [numbered[1]!, { ...numbered[0]!, section: ['三、其他'] }], []).wrong.map((w) => w.problems)).toEqual([['wrong-number']]);
  });

  it('reads printed numbers in every style', () => {
    expect(['4', '４', '（4）', '(4)', '⑷', '④', '4.'].map(numberValue)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(['（二）', '二、', '十二', '二十', '二十三', '三是'].map(numberValue)).toEqual([2, 2, 12, 20, 23, 3]);
    expect(numberValue('')).toBeNull();
  });
});

describe('ingestAndScore on a generated document that was tampered with', () => {
  it('scores below 100 % and names the lost item, the wrong domain and the wrong number', async () => {
    const layout = { ...BASE.plan, subset: 'domains' as const };
    const doc = await generateDocument({ layout, varied: null }, 3, 11);
    const text = new TextDecoder().decode(doc.bytes);
    const lines = text.split('\n');
    const domains = [...new Set(doc.expected.map((i) => i.domain))];
    expect(domains.length).toBeGreaterThanOrEqual(2);
    const [first, second] = domains as string[];
    const goals = doc.expected.filter((i) => i.domain === first && i.kind === 'goal');
    const measures = doc.expected.filter((i) => i.domain === first && i.kind === 'measure');
    // 1. Lose goal 2 of the first domain.
    const lost = goals[1]!;
    const lostAt = lines.findIndex((l) => l === `2.${lost.text}`);
    expect(lostAt).toBeGreaterThan(0);
    lines.splice(lostAt, 1);
    // 2. Print the last measure of the first domain one number too high.
    const last = measures[measures.length - 1]!;
    const lastAt = lines.findIndex((l) => l === `${last.number}.${last.text}`);
    lines[lastAt] = `${last.number + 1}.${last.text}`;
    // 3. Head the second domain with a domain the document does not have.
    const headingAt = lines.findIndex((l) => l.includes(second!) && !l.includes('。', l.indexOf(second!) + second!.length + 1));
    const other = second!.startsWith('妇女') ? (second === '妇女与法律' ? '妇女与环境' : '妇女与法律') : second === '儿童与环境' ? '儿童与安全' : '儿童与环境';
    lines[headingAt] = lines[headingAt]!.replace(second!, other);
    const tampered = { ...doc, bytes: new TextEncoder().encode(lines.join('\n')) };

    const { score } = await ingestAndScore(tampered);
    const secondCount = doc.expected.filter((i) => i.domain === second).length;
    expect(score.expected).toBe(doc.expected.length);
    expect(score.right).toBe(doc.expected.length - 1 - 1 - secondCount);
    const missed = score.wrong.filter((w) => w.problems.includes('missed'));
    expect(missed.map((w) => w.expected!.text)).toEqual([lost.text]);
    const wrongNumber = score.wrong.filter((w) => w.problems.includes('wrong-number'));
    expect(wrongNumber.map((w) => [w.expected!.number, w.got!.number])).toEqual([[last.number, last.number + 1]]);
    const wrongDomain = score.wrong.filter((w) => w.problems.includes('wrong-domain'));
    expect(wrongDomain).toHaveLength(secondCount);
    expect(new Set(wrongDomain.map((w) => w.got!.domain))).toEqual(new Set([other]));
    // The numbering gaps are reported, so this loss is not silent.
    expect(score.silentLoss).toBe(false);
  });
});
