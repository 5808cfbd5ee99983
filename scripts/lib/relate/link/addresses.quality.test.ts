/**
 * Measured quality of the documents around the plans on the real seeds, through the real
 * pipeline, against the labelled set (fixtures/around-plans.json, built by reading every item
 * of the review opinion 000, the implementation report 002 and the speeches 004): each item's
 * domain (or none), and whether its top 3 addressed measures hold a fitting one.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedKb } from '../../testing/seed-kb.ts';
import type { Address, Item, KnowledgeBase } from '../../types.ts';

interface Label {
  item: string;
  domain: string;
  alsoDomains?: string[];
  measures: string[];
  why?: string;
  repeatOf?: string;
  nearRepeatOf?: string;
}
interface Labels {
  documents: { opinion: string; report: string; speech: string; plans: string[] };
  items: Label[];
  merelySimilar: { a: string; b: string; why: string }[];
}

const labels: Labels = JSON.parse(readFileSync(new URL('./fixtures/around-plans.json', import.meta.url), 'utf8'));

let kb: KnowledgeBase;
let byId: Map<string, Item>;
let addressesOf: Map<string, Address[]>;

beforeAll(() => {
  kb = seedKb();
  byId = new Map(kb.documents.flatMap((d) => d.items).map((i) => [i.id, i]));
  addressesOf = new Map();
  for (const a of kb.addresses ?? []) addressesOf.set(a.source, [...(addressesOf.get(a.source) ?? []), a]);
  for (const list of addressesOf.values()) list.sort((a, b) => b.score - a.score);
}, 120_000);

/** Items read on their own: not printed again from an earlier passage. */
const own = () => labels.items.filter((l) => !l.repeatOf && !l.nearRepeatOf);
const onSubject = () => own().filter((l) => l.domain !== 'none');
const domainRight = (l: Label, strict: boolean) => {
  const got = byId.get(l.item)!.domain;
  return got !== null && (got === l.domain || (!strict && (l.alsoDomains ?? []).includes(got)));
};
const fittingInTop3 = (l: Label) => (addressesOf.get(l.item) ?? []).slice(0, 3).some((a) => l.measures.includes(a.target));

describe('opinions, reports and speeches on the labelled set', () => {
  it('labels name every item of the three documents, and items and measures the pipeline produces', () => {
    const around = kb.documents
      .filter((d) => [labels.documents.opinion, labels.documents.report, labels.documents.speech].includes(d.id))
      .flatMap((d) => d.items.map((i) => i.id));
    expect(labels.items.map((l) => l.item).sort()).toEqual([...around].sort());
    const named = labels.items.flatMap((l) => [...l.measures, ...[l.repeatOf, l.nearRepeatOf].filter((x): x is string => !!x)]);
    expect(named.filter((id) => !byId.has(id))).toEqual([]);
    for (const l of labels.items) for (const m of l.measures) expect(byId.get(m)!.kind).toBe('measure');
  });

  it('at least 7 in 8 items on a plan subject get the right domain and a fitting measure in their top 3', () => {
    const subject = onSubject();
    const strict = subject.filter((l) => domainRight(l, true));
    const domain = subject.filter((l) => domainRight(l, false));
    const top3 = subject.filter(fittingInTop3);
    const both = subject.filter((l) => domainRight(l, false) && fittingInTop3(l));
    const misses = subject
      .filter((l) => !(domainRight(l, false) && fittingInTop3(l)))
      .map((l) => {
        const got = byId.get(l.item)!;
        const top = (addressesOf.get(l.item) ?? []).slice(0, 3).map((a) => byId.get(a.target)!.title);
        return `${l.item} ${got.title}: domain ${got.domain ?? 'none'} (want ${l.domain}), top 3 [${top.join(' | ')}]`;
      });
    const share = (n: number) => `${(n / subject.length).toFixed(3)} (${n}/${subject.length})`;
    console.log(
      `around quality: right domain ${share(domain.length)} (main domain exactly ${share(strict.length)}), fitting measure in top 3 ${share(top3.length)}, both ${share(both.length)}` +
        (misses.length ? `\n  ${misses.join('\n  ')}` : ''),
    );
    expect(both.length / subject.length).toBeGreaterThanOrEqual(BOTH_FLOOR);
    expect(domain.length / subject.length).toBeGreaterThanOrEqual(DOMAIN_FLOOR);
  });

  it('items about the work itself get no domain, and few get measures', () => {
    const work = own().filter((l) => l.domain === 'none');
    const classified = work.filter((l) => byId.get(l.item)!.domain !== null);
    const linked = work.filter((l) => (addressesOf.get(l.item) ?? []).length > 0);
    console.log(
      `around quality: ${work.length - classified.length}/${work.length} items on the work itself abstain, ${linked.length} get measures` +
        (classified.length ? `\n  ${classified.map((l) => `${l.item} ${byId.get(l.item)!.title} → ${byId.get(l.item)!.domain}`).join('\n  ')}` : ''),
    );
    expect((work.length - classified.length) / work.length).toBeGreaterThanOrEqual(ABSTAIN_FLOOR);
  });

  it('speech passages on 组织领导 get no domain (they are about the work, not 妇女参与决策和管理)', () => {
    const leadership = [...byId.values()].filter((i) => i.kind === 'speech' && /^(强化|加强)组织领导$/.test(i.title));
    expect(leadership.length).toBeGreaterThanOrEqual(2);
    for (const i of leadership) expect(i.domain, i.id).toBeNull();
  });

  it('the issue examples: 困境儿童 → the 困境儿童 measures; 普惠服务供给 → 托育', () => {
    const measureTitles = (id: string) => (addressesOf.get(id) ?? []).slice(0, 3).map((a) => byId.get(a.target)!.title);
    const opinion = labels.items.find((l) => byId.get(l.item)!.title === '加大困境儿童保护力度')!;
    expect(byId.get(opinion.item)!.domain).toBe('儿童与福利');
    expect(measureTitles(opinion.item).some((t) => /困境儿童|儿童福利保障/.test(t))).toBe(true);
    const report = labels.items.find((l) => byId.get(l.item)!.title.startsWith('增加普惠服务供给'))!;
    expect(measureTitles(report.item).some((t) => /托育/.test(t))).toBe(true);
  });

  it('marks the labelled repeats and near-repeats, and nothing merely similar', () => {
    for (const l of labels.items.filter((x) => x.repeatOf || x.nearRepeatOf)) {
      const item = byId.get(l.item)!;
      expect(item.repeats, l.item).toBe(l.repeatOf ?? l.nearRepeatOf);
      expect(!!item.nearRepeat, l.item).toBe(!!l.nearRepeatOf);
    }
    for (const m of labels.merelySimilar) {
      expect(byId.get(m.b)!.repeats, m.why).not.toBe(m.a);
    }
    // Repeats are left out of links and addresses.
    const repeated = new Set(labels.items.filter((l) => l.repeatOf || l.nearRepeatOf).map((l) => l.item));
    expect(kb.links.filter((l) => repeated.has(l.source) || repeated.has(l.target))).toEqual([]);
    expect((kb.addresses ?? []).filter((a) => repeated.has(a.source))).toEqual([]);
  });

  it('addresses point from opinion, report and speech items to plan measures, with scores in 0..1', () => {
    expect((kb.addresses ?? []).length).toBeGreaterThan(0);
    for (const a of kb.addresses ?? []) {
      expect(['recommendation', 'report', 'speech']).toContain(byId.get(a.source)!.kind);
      expect(byId.get(a.target)!.kind).toBe('measure');
      expect(a.score).toBeGreaterThan(0);
      expect(a.score).toBeLessThanOrEqual(1);
    }
  });
});

/** The issue's goal, 7 in 8; the others what the method reaches now (README, link quality). */
const BOTH_FLOOR = 7 / 8;
const DOMAIN_FLOOR = 0.9;
const ABSTAIN_FLOOR = 0.8;
