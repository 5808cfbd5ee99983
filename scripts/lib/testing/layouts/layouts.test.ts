/**
 * A small sample of the layout benchmark (`npm run eval:layouts` runs the whole of it): one
 * generated document per value of every dimension, through the real ingest.
 *
 * Every value must recover 100 % of its items, and every document must be whole or carry a
 * warning. FLOORS and SILENT_TODAY are where a known regression would be written down with its
 * reason, so that it stays visible; both are empty: no value is below 100 % today.
 */
import { describe, expect, it } from 'vitest';
import { readSource } from '../../read/formats/index.ts';
import { DIMENSIONS, oneAtATime, randomLayout, violations, applies, type Dimension, type Layout, type LayoutSpec } from './dimensions.ts';
import { generateDocument } from './generate.ts';
import { ingestAndScore, type Scored } from './ingest.ts';
import { random } from './random.ts';
import { seedTruth } from './truth.ts';

type Floors = { [D in Dimension]?: Partial<Record<Layout[D], number>> };

/** Today's floor per dimension value (share of items right in this sample); absent: 100 %. */
export const FLOORS: Floors = {};

/** Values whose documents lose items today without a warning that says so (dimension=value). */
export const SILENT_TODAY: readonly string[] = [];

const floor = (d: Dimension, v: string) => (FLOORS[d] as Record<string, number> | undefined)?.[v] ?? 1;

const SEED = 5;
// PDFs and Word files print one domain: they are the slow part of the sample.
const slow = (s: LayoutSpec) => s.layout.container === 'pdf' || s.layout.container === 'docx';
const specs = oneAtATime({ firstStartOnly: true }).map((s) => (slow(s) && s.layout.source === 'plan' ? { ...s, layout: { ...s.layout, subset: 'one-domain' as const } } : s));
let sample: Promise<Scored[]> | undefined;
const scoredSample = () => (sample ??= Promise.all(specs.map(async (spec, k) => ingestAndScore(await generateDocument(spec, k, SEED)))));

describe('the layout sample (one document per dimension value)', () => {
  it('covers every value of every dimension', () => {
    for (const d of Object.keys(DIMENSIONS) as Dimension[]) {
      if (d === 'source') continue;
      const values = new Set(specs.filter((s) => s.varied === d).map((s) => s.layout[d]));
      expect([...values].sort(), d).toEqual([...DIMENSIONS[d]].sort());
    }
  });

  it('recovers each value at least to its floor, and every document whole or with a warning', { timeout: 120_000 }, async () => {
    const results = await scoredSample();
    const failures: string[] = [];
    for (const { doc, score } of results) {
      const d = doc.varied!;
      const value = doc.layout[d];
      const share = score.expected === 0 ? 1 : score.right / score.expected;
      const problems = [...new Set(score.wrong.flatMap((w) => w.problems))].join(', ');
      if (share < floor(d, value)) failures.push(`${doc.name} ${d}=${value}: ${score.right}/${score.expected} right (floor ${floor(d, value)}; ${problems})`);
      if (score.silentLoss && !SILENT_TODAY.includes(`${d}=${value}`)) failures.push(`${doc.name} ${d}=${value}: ${score.right}/${score.expected} right and no warning says what was lost (${problems})`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the generator', () => {
  it('gives the same document for the same seed and index, another for another index', async () => {
    const spec = specs.find((s) => s.varied === 'text' && s.layout.text === 'pdf-wrap')!;
    const [a, b, c] = await Promise.all([generateDocument(spec, 1, SEED), generateDocument(spec, 1, SEED), generateDocument(spec, 2, SEED)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.expected).toEqual(b.expected);
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
    const docx = specs.find((s) => s.layout.container === 'docx')!;
    const [x, y] = await Promise.all([generateDocument(docx, 4, SEED), generateDocument(docx, 4, SEED)]);
    expect((await readSource(x.name, x.bytes)).text).toBe((await readSource(y.name, y.bytes)).text);
  });

  it('only makes publishable combinations, one dimension at a time and at random', () => {
    const all = oneAtATime();
    expect(all.length).toBeGreaterThan(100);
    for (const { layout, varied } of all) {
      expect(violations(layout), JSON.stringify(layout)).toEqual([]);
      expect(applies(varied!, layout)).toBe(true);
    }
    const rng = random(3);
    const containers = new Set<string>();
    for (let k = 0; k < 300; k++) {
      const layout = randomLayout(rng);
      containers.add(layout.container);
      expect(violations(layout), JSON.stringify(layout)).toEqual([]);
    }
    expect([...containers].sort()).toEqual([...DIMENSIONS.container].sort());
  });

  it('prints the full text of every item it expects back (plain text, before radicals)', async () => {
    const plain = specs.filter((s) => s.layout.container === 'txt' && s.layout.radicals === 'none' && s.layout.digits === 'ascii' && ['utf-8', 'utf-8-bom'].includes(s.layout.encoding));
    expect(plain.length).toBeGreaterThan(30);
    for (const [k, spec] of plain.entries()) {
      const doc = await generateDocument(spec, k, SEED);
      const furniture = /^(?:- \d+ -|第 \d+ 页|.*人民政府(?:规范性文件)?)$/;
      // Page numbers and running headers stand between the lines of a wrapped paragraph.
      const text = new TextDecoder().decode(doc.bytes).split('\n').filter((l) => !furniture.test(l)).join('').replace(/\s+/g, '');
      for (const item of doc.expected) expect(text.includes(item.text.replace(/\s+/g, '')), `${doc.name}: ${item.text.slice(0, 20)}`).toBe(true);
    }
  });
});

describe('the ground truth', () => {
  it('holds both Fuxin plans, both Da’an task lists and the Jing’an report', () => {
    const truth = seedTruth();
    expect(truth.plans.map((p) => [p.population, p.domains.length])).toEqual([['妇女', 8], ['儿童', 7]]);
    expect(truth.taskLists.map((p) => [p.population, p.domains.length])).toEqual([['妇女', 8], ['儿童', 7]]);
    const items = (o: (typeof truth.plans)[number]) => o.domains.reduce((n, d) => n + d.goals.length + d.measures.length, 0);
    expect(truth.plans.reduce((n, p) => n + items(p), 0)).toBe(339);
    expect(truth.taskLists.reduce((n, p) => n + items(p), 0)).toBe(298);
    // Every list is numbered 1…n, so any subset of domains renders with its own numbers.
    for (const o of [...truth.plans, ...truth.taskLists]) for (const d of o.domains) for (const list of [d.goals, d.measures]) expect(list.map((i) => i.number)).toEqual(list.map((_, k) => k + 1));
    const taskMeasures = truth.taskLists.flatMap((o) => o.domains.flatMap((d) => d.measures));
    expect(taskMeasures).toHaveLength(161);
    expect(taskMeasures.filter((m) => (m.lead ?? []).length > 0)).toHaveLength(161);
    expect(taskMeasures.filter((m) => (m.partner ?? []).length > 0).length).toBeGreaterThan(20);
    expect(truth.report.sections.map((s) => s.items.length)).toEqual([3, 4, 3]);
    expect(truth.report.sections.at(-1)!.after).toContain('特此报告。');
  });
});
