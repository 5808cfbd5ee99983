/**
 * `npm run eval:layouts`: the layout recovery benchmark. Generates documents from the seeds'
 * recognised structure across the layout space (scripts/lib/testing/layouts/), runs each
 * through the real ingest and scores the items it gives back. Prints a table per dimension,
 * the overall figure and the worst documents; see bench/README.md.
 *
 *   npm run -s eval:layouts                                  # the full run (≥ 300 documents)
 *   npm run -s eval:layouts -- --dimension domainHeading     # one dimension's values, and combinations
 *   npm run -s eval:layouts -- --random 50 --repeat 1 --seed 7 --out /tmp/layouts
 *   npm run -s eval:layouts -- --count 60                    # a quick run: 60 documents in all
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BASE, DIMENSION_NAMES, DIMENSIONS, applies, type Dimension } from '../scripts/lib/testing/layouts/dimensions.ts';
import { generateDocument, runSpecs } from '../scripts/lib/testing/layouts/generate.ts';
import { ingestAndScore, type Scored } from '../scripts/lib/testing/layouts/ingest.ts';
import { PROBLEMS, type ItemProblem } from '../scripts/lib/testing/layouts/score.ts';

const { values: args } = parseArgs({
  options: {
    dimension: { type: 'string' },
    count: { type: 'string' },
    random: { type: 'string', default: '150' },
    repeat: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    worst: { type: 'string', default: '15' },
    json: { type: 'string' },
  },
});

const dimension = args.dimension as Dimension | undefined;
if (dimension && !DIMENSION_NAMES.includes(dimension)) {
  console.error(`unknown dimension "${dimension}"; one of: ${DIMENSION_NAMES.join(', ')}`);
  process.exit(2);
}
const seed = Number(args.seed);
const count = args.count === undefined ? undefined : Number(args.count);
const alone = runSpecs({ seed, random: 0, repeat: Number(args.repeat), dimension }).length;
// --count N: N documents in all, the one-dimension ones first and random combinations after them
// (fewer than those: every k-th of them, so each dimension keeps some).
const specs = runSpecs({ seed, random: count === undefined ? Number(args.random) : Math.max(0, count - alone), repeat: Number(args.repeat), dimension });
// With --dimension, random combinations count only when they vary that dimension from its base.
const relevantSpecs = dimension ? specs.filter((s) => s.varied === dimension || (s.varied === null && applies(dimension, s.layout))) : specs;
const chosen = count !== undefined && count < relevantSpecs.length ? relevantSpecs.filter((_, k) => Math.floor((k * count) / relevantSpecs.length) !== Math.floor(((k - 1) * count) / relevantSpecs.length)) : relevantSpecs;

const started = performance.now();
const results: Scored[] = [];
for (const [index, spec] of chosen.entries()) {
  const doc = await generateDocument(spec, index, seed);
  if (args.out) {
    await mkdir(args.out, { recursive: true });
    await writeFile(path.join(args.out, doc.name), doc.bytes);
    await writeFile(path.join(args.out, `${doc.name}.expected.json`), JSON.stringify({ layout: doc.layout, varied: doc.varied, items: doc.expected }, null, 1));
  }
  results.push(await ingestAndScore(doc));
  if ((index + 1) % 50 === 0) process.stderr.write(`layouts: ${index + 1}/${chosen.length} documents, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}
const seconds = (performance.now() - started) / 1000;

const pct = (right: number, total: number) => (total === 0 ? '—' : `${((100 * right) / total).toFixed(1)} %`);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padL = (s: string | number, n: number) => String(s).padStart(n);

interface Tally {
  docs: number;
  whole: number;
  items: number;
  right: number;
  silent: number;
}
const tally = (rs: Scored[]): Tally => ({
  docs: rs.length,
  whole: rs.filter((r) => r.score.right === r.score.expected).length,
  items: rs.reduce((n, r) => n + r.score.expected, 0),
  right: rs.reduce((n, r) => n + r.score.right, 0),
  silent: rs.filter((r) => r.score.silentLoss).length,
});
const row = (label: string, t: Tally, alone?: Tally) =>
  `  ${pad(label, 24)}${padL(t.docs, 6)}${padL(t.whole, 7)}${padL(t.items, 8)}${padL(pct(t.right, t.items), 10)}${padL(t.silent, 8)}` +
  (alone ? `${padL(alone.docs || '', 9)}${padL(alone.docs ? pct(alone.right, alone.items) : '', 10)}${padL(alone.docs ? alone.silent : '', 8)}` : '');
const header = `  ${pad('value', 24)}${padL('docs', 6)}${padL('100%', 7)}${padL('items', 8)}${padL('right', 10)}${padL('silent', 8)}${padL('alone', 9)}${padL('right', 10)}${padL('silent', 8)}`;

const lines: string[] = [];
lines.push(`layout benchmark: ${results.length} documents (seed ${seed}), ${seconds.toFixed(0)} s`);
lines.push('columns: documents with this value, of them recovered whole, items expected, items right, documents below 100 % without a warning (silent losses);');
lines.push('then the same for the documents that vary this dimension alone (everything else at the base): documents, items right, silent losses');
for (const d of DIMENSION_NAMES) {
  if (dimension && d !== dimension) continue;
  const relevant = results.filter((r) => applies(d, r.doc.layout));
  if (relevant.length === 0) continue;
  lines.push('', `${d}${d === 'source' ? '' : ` (base ${[...new Set(Object.values(BASE).filter((b) => applies(d, { ...b, text: 'pdf-wrap' }) || applies(d, { ...b, container: 'pdf' })).map((b) => b[d]))].join('/')})`}`, header);
  for (const value of DIMENSIONS[d]) {
    const rs = relevant.filter((r) => r.doc.layout[d] === value);
    if (rs.length > 0) lines.push(row(value, tally(rs), tally(rs.filter((r) => r.doc.varied === d))));
  }
  const alone = relevant.filter((r) => r.doc.varied === d);
  if (alone.length) lines.push(row('(all values)', tally(relevant), tally(alone)));
}
const all = tally(results);
lines.push('', 'overall', header, row('one dimension at a time', tally(results.filter((r) => r.doc.varied !== null))), row('random combinations', tally(results.filter((r) => r.doc.varied === null))), row('all', all));

const problemCounts = Object.fromEntries(PROBLEMS.map((p) => [p, 0])) as Record<string, number>;
for (const r of results) for (const w of r.score.wrong) for (const p of w.problems) problemCounts[p]!++;
lines.push('', `problems (items): ${PROBLEMS.map((p) => `${p} ${problemCounts[p]}`).join(', ')}`);

const describe = (w: ItemProblem) => {
  const e = w.expected;
  const g = w.got;
  const show = (c: typeof e) => (c ? `${c.kind} ${c.domain ?? '—'} ${c.printed} 「${c.text.slice(0, 24)}」` : '');
  return `${w.problems.join('+')}: ${e ? `expected ${show(e)}` : ''}${e && g ? ' → ' : ''}${g ? `got ${show(g)}` : ''}`;
};
const differs = (r: Scored) =>
  DIMENSION_NAMES.filter((d) => d !== 'source' && applies(d, r.doc.layout) && r.doc.layout[d] !== BASE[r.doc.layout.source][d])
    .map((d) => `${d}=${r.doc.layout[d]}`)
    .join(' ');
const worst = [...results].sort((a, b) => a.score.right / Math.max(1, a.score.expected) - b.score.right / Math.max(1, b.score.expected) || b.score.expected - a.score.expected).filter((r) => r.score.right < r.score.expected || r.score.extra > 0);
// The worst of each kind of layout first (source, varied dimension and its value, container), so one failing class does not fill the list.
const kindOf = (r: Scored) => `${r.doc.layout.source}:${r.doc.varied ? `${r.doc.varied}=${r.doc.layout[r.doc.varied]}` : 'mix'}:${r.doc.layout.container}`;
const seen = new Set<string>();
const firstOfKind = worst.filter((r) => !seen.has(kindOf(r)) && seen.add(kindOf(r)));
const shown = [...firstOfKind, ...worst.filter((r) => !firstOfKind.includes(r))].slice(0, Number(args.worst));
lines.push('', `worst documents (${worst.length} not recovered exactly; ${shown.length} shown, the worst of each kind of layout first)`);
for (const r of shown) {
  const s = r.score;
  const counts = PROBLEMS.map((p) => [p, s.wrong.filter((w) => w.problems.includes(p)).length] as const).filter(([, n]) => n > 0);
  lines.push(`  ${r.doc.name}  ${pct(s.right, s.expected)} (${s.right}/${s.expected})${s.silentLoss ? '  SILENT' : ''}  [${differs(r) || 'base'}]`);
  lines.push(`    ${counts.map(([p, n]) => `${p} ${n}`).join(', ')}`);
  for (const w of s.wrong.slice(0, 3)) lines.push(`    ${describe(w)}`);
  if (s.warnings.length) lines.push(`    warning: ${s.warnings[0]!.slice(0, 160)}${s.warnings.length > 1 ? ` (+${s.warnings.length - 1})` : ''}`);
}
console.log(lines.join('\n'));

if (args.json) {
  await mkdir(path.dirname(args.json), { recursive: true });
  await writeFile(
    args.json,
    results.map((r) => JSON.stringify({ name: r.doc.name, varied: r.doc.varied, layout: r.doc.layout, expected: r.score.expected, right: r.score.right, extra: r.score.extra, silentLoss: r.score.silentLoss, refused: r.score.refused ?? null, problems: r.score.wrong.map((w) => w.problems), warnings: r.score.warnings, ms: Math.round(r.ms) })).join('\n') + '\n',
  );
}
