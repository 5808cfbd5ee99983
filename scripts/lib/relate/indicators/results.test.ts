/**
 * Targets against results, end to end: a 监测统计报告 for 阜新市 written here from the 阜新 plan's
 * own indicators (values chosen to meet or miss each target), ingested with the seed plan, and
 * read back from the indicator entries the pages show.
 */
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultRows, type ResultStatus } from '../../../../src/lib/targets.ts';
import type { IndicatorEntry } from '../../../../src/lib/schemas.ts';
import { buildKnowledgeBase } from '../../pipeline.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { SEED, SEEDS_DIR } from '../../testing/seeds.ts';
import type { KnowledgeBase, Target } from '../../types.ts';
import { lowerIsBetter } from './catalogue.ts';
import { indicatorEntries } from './entries.ts';
import { pairResults } from './results.ts';

const LEVELS = new Set(['atLeast', 'atMost', 'hold', 'about']);
const round = (x: number) => Number(x.toFixed(2));

/** A value reached that meets the target, or one that does not. */
function reachedValue(t: Target, meet: boolean): number {
  const lower = t.comparator === 'atMost' || ((t.comparator === 'hold' || t.comparator === 'about') && lowerIsBetter(t.indicator));
  const v = lower ? (t.valueMax ?? t.value) : t.value;
  if (lower) return meet ? round(v * 0.9) : round(v * 1.2 + 0.1);
  return meet ? (t.unit === '%' && v >= 100 ? 100 : round(v + 0.5)) : round(v * 0.8);
}

let written: { indicator: string; value: number; unit: string; meet: boolean; itemId: string; text: string; year: number | null }[];
let entries: IndicatorEntry[];
let fuxinTargets: Target[];

beforeAll(async () => {
  const seeds = seedKb();
  fuxinTargets = seeds.targets!.filter((t) => t.city === '阜新市' && LEVELS.has(t.comparator));
  // One reached value per indicator 阜新 sets a level for, every other one missing its target.
  const first = new Map<string, Target>();
  for (const t of fuxinTargets) if (!first.has(t.indicator)) first.set(t.indicator, t);
  written = [...first.values()].map((t, k) => ({ indicator: t.indicator, value: reachedValue(t, k % 2 === 0), unit: t.unit, meet: k % 2 === 0, itemId: t.itemId, text: t.text, year: t.year }));
  const report = [
    '阜新市妇女儿童发展规划2025年度监测统计报告',
    '阜新市统计局',
    '2026年4月20日',
    '一、主要指标监测情况',
    ...written.map((w, k) => `（${k + 1}）2025年，全市${w.indicator}为${w.value}${w.unit}。`),
    '二、下一步工作',
    '（一）持续加强监测评估。',
  ].join('\n');
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-results-'));
  await copyFile(path.join(SEEDS_DIR, SEED.fuxinPlans), path.join(dir, SEED.fuxinPlans));
  await writeFile(path.join(dir, '005_fuxin_monitoring.txt'), report);
  const { kb } = await buildKnowledgeBase(dir);
  entries = indicatorEntries(kb);
}, 120_000);

describe('a city\'s plan targets against its monitoring report', () => {
  it('reads the report\'s values as reached, for 阜新市, and pairs nearly every one with its target', () => {
    const paired = written.filter((w) => entries.find((e) => e.name === w.indicator)?.results?.length);
    console.log(`paired ${paired.length}/${written.length}; not paired: ${written.filter((w) => !paired.includes(w)).map((w) => w.indicator).join('、')}`);
    expect(written.length).toBeGreaterThan(40);
    expect(paired.length / written.length).toBeGreaterThanOrEqual(0.95);
  });

  it('says for each target whether the value reached meets it, and when not, whether its year is past', () => {
    let checked = 0;
    for (const w of written) {
      const e = entries.find((x) => x.name === w.indicator);
      for (const row of e ? resultRows(e) : []) {
        checked++;
        expect(row.reached.comparator).toBe('reached');
        expect(row.reached.value).toBe(w.value);
        expect(row.reached.year).toBe(2025);
        expect(row.reached.docKind).toBe('report');
        expect(row.target.docKind).toBe('plan');
        expect(row.target.cityName).toBe('阜新市');
        // The value was made to meet (or miss) the indicator's first target; another target of it
        // (the same indicator for 2030) is judged by plain inequality.
        const firstTarget = row.target.itemId === w.itemId && row.target.text === w.text && row.target.year === w.year;
        const t = row.target;
        const meets = firstTarget ? w.meet : t.comparator === 'atMost' ? w.value <= (t.valueMax ?? t.value) : t.comparator === 'atLeast' ? w.value >= t.value : undefined;
        if (meets === undefined) continue;
        const expected: ResultStatus = meets ? 'met' : t.year !== null && t.year <= 2025 ? 'missed' : 'notYet';
        expect(row.status, `${w.indicator} ${row.target.text} vs ${w.value}`).toBe(expected);
      }
    }
    expect(checked).toBeGreaterThan(40);
    // 孕产妇死亡率: 10.5/10万 by 2025 and 10/10万 by 2030, one value reached for both.
    const mmr = resultRows(entries.find((e) => e.name === '孕产妇死亡率')!);
    expect(mmr.map((r) => [r.target.year, r.reached.value])).toEqual([
      [2025, written.find((w) => w.indicator === '孕产妇死亡率')!.value],
      [2030, written.find((w) => w.indicator === '孕产妇死亡率')!.value],
    ]);
    expect(mmr.map((r) => r.label)[0]).toMatch(/^(已达到目标|未达到目标)$/);
  });
});

describe('pairResults', () => {
  const base = { citySlug: 'fuxin', unit: '%', valueMax: null, year: null } as const;
  it('pairs a city\'s plan levels with its latest reached value in the same unit, nothing else', () => {
    const list = [
      { ...base, docKind: 'plan', comparator: 'atLeast', value: 90 },
      { ...base, docKind: 'plan', comparator: 'decreaseBy', value: 20 },
      { ...base, docKind: 'report', comparator: 'reached', value: 85, year: 2022 },
      { ...base, docKind: 'report', comparator: 'reached', value: 92, year: 2024 },
      { ...base, docKind: 'report', comparator: 'reached', value: 99, year: 2024, citySlug: 'daan' },
      // A plan's own statement of where it starts is not a result.
      { ...base, docKind: 'plan', comparator: 'reached', value: 80, year: 2020 },
    ] as const;
    expect(pairResults(list, false, 'unknown')).toEqual([{ target: 0, reached: 3, status: 'met' }]);
  });

  it('pairs nothing for documents without a city, or without a report', () => {
    const unknown = [
      { ...base, citySlug: 'unknown', docKind: 'plan', comparator: 'atLeast', value: 90 },
      { ...base, citySlug: 'unknown', docKind: 'speech', comparator: 'reached', value: 95 },
    ] as const;
    expect(pairResults(unknown, false, 'unknown')).toEqual([]);
    expect(pairResults([{ ...base, docKind: 'plan', comparator: 'atLeast', value: 90 }], false, 'unknown')).toEqual([]);
  });

  it('on the seeds nothing pairs: no report states a value reached for a plan\'s city', () => {
    const kb: KnowledgeBase = seedKb();
    expect(indicatorEntries(kb).filter((e) => e.results?.length)).toEqual([]);
  });
});
