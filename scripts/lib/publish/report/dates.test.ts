import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipeline.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import type { KbDocument } from '../../types.ts';
import { dateWarnings, planPeriod, todayIso } from './dates.ts';
import { warningLines } from './format.ts';
import { reportDocuments } from './index.ts';

/** A plan of the class: a title with its period, a body, and a signature date. */
function plan(title: string, date: string, kind = '规划'): string {
  return [
    title,
    '为贯彻落实男女平等基本国策，制定本' + kind + '。',
    '一、发展领域、主要目标和策略措施',
    '（一）妇女与健康。',
    '主要目标：',
    '1.孕产妇死亡率控制在10/10万以下。',
    '策略措施：',
    '1.加强母婴安全保障。',
    date,
  ].join('\n');
}
const ingest = (text: string, sidecar?: object, name = 'x.txt') => ingestDocument(name, Buffer.from(text), sidecar && JSON.stringify(sidecar));

describe('planPeriod', () => {
  it('reads the period however the title prints it', () => {
    for (const [title, period] of [
      ['铁岭市妇女发展规划（2021—2030年）', { start: 2021, end: 2030 }],
      ['铁岭市儿童发展规划(2021-2030年)', { start: 2021, end: 2030 }],
      ['某县妇女发展规划（２０２１－２０３０年）', { start: 2021, end: 2030 }],
      ['某市“十四五”妇女儿童发展规划（2021年—2025年）', { start: 2021, end: 2025 }],
      ['某区妇女发展规划（2021～2030 年）', { start: 2021, end: 2030 }],
    ] as const) {
      expect(planPeriod(title), title).toEqual(period);
    }
    expect(planPeriod('市人大常委会关于我市妇女儿童权益保障情况报告的审议意见')).toBeNull();
    expect(planPeriod('2023年妇女儿童工作会议记录')).toBeNull();
    expect(planPeriod('（2030—2021年）')).toBeNull();
  });
});

describe('dateWarnings', () => {
  const today = '2026-12-02';
  // Generated: every combination of title period, date source and position of the date.
  const titles = ['铁岭市妇女发展规划（2021—2030年）', '铁岭市儿童发展规划(2021-2030年)', '铁岭市妇女儿童发展规划（2021年—2025年）'];

  it.each(titles)('%s: a sidecar date after the period, before it, after today; none inside it', (title) => {
    const { start, end } = planPeriod(title)!;
    const text = plan(title, `${start + 1}年7月12日`);
    const at = (date: string) => dateWarnings(ingest(text, { date }), today);
    expect(at(`${start + 1}-07-12`)).toEqual([]);
    expect(at(`${Math.min(end, 2026)}-01-01`)).toEqual([]);
    const late = at(`${end + 2}-05-01`);
    expect(late).toEqual([expect.objectContaining({ code: 'implausible-date', problem: end + 2 > 2026 ? 'after-today' : 'after-period', from: 'sidecar' })]);
    expect(late[0]!.message).toContain('x.txt.meta.json 中的日期');
    expect(late[0]!.message).toMatch(/请核对并改正 x\.txt\.meta\.json 中的 "date"。$/);
    const early = at(`${start - 2}-03-01`);
    expect(early).toEqual([expect.objectContaining({ problem: 'before-period', periodStart: start, periodEnd: end })]);
    expect(early[0]!.message).toContain(`早于标题所写的规划期（${start}—${end}年）`);
  });

  it('the issue’s case: a 2021–2030 plan of 2022 given 2032 in its sidecar, before 2032', () => {
    const doc = ingest(plan('铁岭市妇女发展规划（2021—2030年）', '2022年7月12日'), { date: '2032-07-12' });
    const [w] = dateWarnings(doc, '2031-01-01');
    expect(w).toMatchObject({ problem: 'after-today', today: '2031-01-01' });
    const [after] = dateWarnings(doc, '2040-01-01');
    expect(after).toMatchObject({ problem: 'after-period' });
    expect(after!.message).toBe(
      'x.txt.meta.json 中的日期 2032-07-12 晚于标题所写的规划期（2021—2030年），而规划通常在规划期的头几年印发。请核对并改正 x.txt.meta.json 中的 "date"。',
    );
  });

  it('a date read from the text names its line and the sidecar that can correct it', () => {
    const doc = ingest(plan('铁岭市妇女发展规划（2021—2030年）', '2027年7月12日'));
    expect(doc.date).toBe('2027-07-12');
    const warnings = dateWarnings(doc, today);
    expect(warnings).toEqual([expect.objectContaining({ problem: 'after-today', from: 'text', lineStart: 9, lineEnd: 9 })]);
    expect(warningLines({ source: 'x.txt', warnings })).toEqual([
      '⚠ x.txt 第 9 行：从正文读出的日期 2027-07-12 晚于今天（2026-12-02）。请核对原文；如日期读错，请在 x.txt.meta.json 中写明正确的 "date"。',
    ]);
  });

  it('reports after the period are fine (a final evaluation); before it they are not', () => {
    const report = (date: string) => ingest(plan('铁岭市妇女发展规划（2021—2030年）实施情况终期评估报告', date, '报告'));
    expect(report('2031年3月1日').kind).toBe('report');
    expect(dateWarnings(report('2031年3月1日'), '2032-01-01')).toEqual([]);
    expect(dateWarnings(report('2019年3月1日'), today)).toEqual([expect.objectContaining({ problem: 'before-period' })]);
  });

  it('no date, no period: nothing to say; after today still is', () => {
    const undated = ingest(plan('铁岭市妇女发展规划（2021—2030年）', ''));
    expect(undated.date).toBeNull();
    expect(dateWarnings(undated, today)).toEqual([]);
    const opinion = ingest('市人大常委会关于我市妇女儿童权益保障情况报告的审议意见\n一、加强工作。\n2027年6月27日');
    expect(dateWarnings(opinion, today)).toEqual([expect.objectContaining({ problem: 'after-today' })]);
    expect(dateWarnings(opinion, '2027-06-27')).toEqual([]);
  });

  it('today is injected through the report; by default it is the real clock', () => {
    const doc = ingest(plan('铁岭市妇女发展规划（2021—2030年）', '2022年7月12日'), { date: '2029-01-01' });
    const codes = (d: string) => reportDocuments([doc] as KbDocument[], { today: d })[0]!.warnings.map((w) => w.code);
    expect(codes('2028-01-01')).toContain('implausible-date');
    expect(codes('2030-01-01')).not.toContain('implausible-date');
    expect(todayIso(new Date('2026-03-04T23:59:00Z'))).toBe('2026-03-04');
    expect(todayIso()).toMatch(/^20\d{2}-\d{2}-\d{2}$/);
  });

  it('the seeds’ dates are all plausible', () => {
    for (const doc of seedKb().documents) expect(dateWarnings(doc, today), doc.source).toEqual([]);
  });
});
