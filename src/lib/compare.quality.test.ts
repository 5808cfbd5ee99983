/**
 * The compare page's pairing against the labelled 阜新 ↔ 大安 correspondences (four domains,
 * goals and measures, labelled by reading both texts: src/lib/fixtures/compare-fuxin-daan.json).
 * The floors hold what the pairing reaches on this set, which its options were tuned on (there
 * is no second labelled set yet), less a small margin.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments, type CompareFile } from './compare.ts';
import { DOMAINS } from './vocabulary.ts';
import { compareFiles } from '../../scripts/lib/publish/emit/compare.ts';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';
import { compareLabels, scoreComparison, type Shown } from '../../scripts/lib/testing/compare-labels.ts';

describe('pairing quality on the labelled 阜新 ↔ 大安 set', () => {
  const labels = compareLabels();
  const files = compareFiles(seedKb());
  const file = (id: string) => JSON.parse(files.get(`compare/${id}.json`)!) as CompareFile;
  const [a, b] = [file(labels.a), file(labels.b)];
  const shown: Shown = { pairs: [], possible: [], only: [] };
  for (const slug of labels.domains) {
    const c = compareDocuments(a, b, DOMAINS.find((d) => d.slug === slug)!.name);
    shown.pairs.push(...c.pairs.map((p): [string, string] => [p.a.id, p.b.id]));
    shown.possible.push(...c.possible.map((p): [string, string] => [p.a.id, p.b.id]));
    shown.only.push(...[...c.onlyA, ...c.onlyB].map((o) => o.item.id));
  }
  const score = scoreComparison(labels, shown);

  it('the labels cover every item of the four domains once', () => {
    const labelled = [...labels.groups.flatMap((g) => [...g.a, ...g.b]), ...[...labels.onlyA, ...labels.onlyB].map((o) => o.item)];
    const inDomains = [...a.items, ...b.items].filter((i) => labels.domains.some((d) => i.id.includes(`-${d}-`))).map((i) => i.id);
    expect(labelled.sort()).toEqual(inDomains.sort());
    expect(score.labelledPairs).toBe(93);
    expect(score.splitPairs).toBe(16);
  });

  it('every pair shown is right (precision 1.000: 90 of 90)', () => {
    expect(score.wrongPairs).toEqual([]);
    expect(score.shownPairs).toBeGreaterThanOrEqual(88);
  });

  it('no item that has a counterpart is called “only” (it is paired or 可能对应), and most without one are', () => {
    expect(score.wrongOnly).toEqual([]);
    expect(score.rightOnly).toBeGreaterThanOrEqual(score.trulyOnly - 2);
  });

  it('splits are shown: at most 2 of the 16 item pairs of labelled one-to-many groups missed; 可能对应 pairs are right', () => {
    expect(score.missedSplits.length).toBeLessThanOrEqual(2);
    expect(score.foundPairs).toBeGreaterThanOrEqual(88);
    expect(score.possibleRight).toBe(score.possibleShown);
  });
});
