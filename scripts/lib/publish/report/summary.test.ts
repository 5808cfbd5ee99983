import { describe, expect, it } from 'vitest';
import { reportSummary } from '../../../../src/lib/ingest-report.ts';
import { documentReport } from './summary.ts';
import { reportData, reportDocuments } from './index.ts';
import { fixtureKb } from '../../testing/fixture.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { SEED } from '../../testing/seeds.ts';

describe('documentReport on made-up documents', () => {
  const kb = fixtureKb();
  const byId = new Map(kb.documents.map((d) => [d.id, documentReport(d)]));

  it('counts goals and measures per structural domain, in national order', () => {
    expect(byId.get('fx_001')).toMatchObject({
      kind: 'plan', level: 'city', city: '阜新市', items: 3, withoutDomain: 0,
      itemsByKind: { goal: 1, measure: 2, recommendation: 0, report: 0, speech: 0 },
      domains: [{ domain: '妇女与健康', population: '妇女', goals: 1, measures: 1 }, { domain: '妇女与法律', population: '妇女', goals: 0, measures: 1 }],
      unknown: ['issuer'],
    });
  });

  it('lists the departments with how often each leads or partners', () => {
    expect(byId.get('da_003')!.departments).toEqual([
      { name: '市妇联', lead: 0, partner: 1 },
      { name: '市卫健局', lead: 1, partner: 0 },
      { name: '市医保局', lead: 0, partner: 1 },
    ]);
  });

  it('an inferred domain is not the document’s: such items count as without a domain', () => {
    expect(byId.get('zz_bad')).toMatchObject({ domains: [], withoutDomain: 2, itemsByKind: { speech: 2 } });
  });
});

describe('the report of the real seeds', () => {
  const reports = reportDocuments(seedKb().documents);
  const of = (source: string) => reports.find((r) => r.source === source)!;

  it('the Fuxin plans and the Da’an lists give all 15 domains with goals and measures; only the lists name departments', () => {
    for (const seed of [SEED.fuxinPlans, SEED.daanTaskLists]) {
      const r = of(seed);
      expect(r.domains).toHaveLength(15);
      for (const d of r.domains) expect(d.goals * d.measures, `${seed} ${d.domain}`).toBeGreaterThan(0);
      expect(r.withoutDomain).toBe(0);
      expect(r.domains.reduce((n, d) => n + d.goals + d.measures, 0)).toBe(r.items);
    }
    expect(of(SEED.daanTaskLists).departments.length).toBeGreaterThan(10);
    expect(of(SEED.daanTaskLists).departments.some((d) => d.name === '市卫健局' && d.lead > 0)).toBe(true);
    expect(of(SEED.fuxinPlans).departments).toEqual([]);
  });

  it('opinions, reports and speeches have no domains of their own', () => {
    for (const seed of [SEED.ansanOpinion, SEED.jinganReport, SEED.speeches]) expect(of(seed)).toMatchObject({ domains: [], withoutDomain: of(seed).items });
  });

  it('totals: every item counted once by kind; warnings counted', () => {
    const { summary, documents } = reportData(reports);
    expect(documents.map((d) => d.source)).toEqual(Object.values(SEED).sort());
    expect(summary.documents).toBe(5);
    expect(Object.values(summary.itemsByKind).reduce((a, b) => a + b, 0)).toBe(summary.items);
    expect(summary.items).toBe(seedKb().documents.reduce((n, d) => n + d.items.length, 0));
    expect(summary.warnings).toBe(reports.reduce((n, r) => n + r.warnings.length, 0));
    expect(reportSummary([])).toMatchObject({ documents: 0, items: 0, warnings: 0 });
  });
});
