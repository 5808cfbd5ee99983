import { describe, expect, it } from 'vitest';
import { segmentItem } from './segment.ts';
import { buildVectors, buildVectorsFromWords, centroid, cosine, cosineDense, denseOf, termBag, TITLE_WEIGHT } from './vectors.ts';

const bag = (title: string, text: string) => {
  const w = segmentItem(title, text);
  return termBag(w.title, w.body);
};

// Four reworded measures: two about safe childbirth, one about cancer screening, one about drowning.
const corpus = [
  bag('加强母婴安全保障', '加强母婴安全保障。全面落实妊娠风险筛查评估、高危孕产妇专案管理、危急重症救治制度。加强妇女工作。'),
  bag('保障孕产妇安全分娩', '保障孕产妇安全分娩。落实妊娠风险筛查评估、高危孕产妇专案管理、危急重症救治。加强妇女工作。'),
  bag('加大宫颈癌、乳腺癌综合防治力度', '加大宫颈癌、乳腺癌综合防治力度。提高筛查率，加强妇女工作。'),
  bag('预防和减少儿童溺水', '预防和减少儿童溺水。加强水域隐患排查，加强妇女工作。'),
];

describe('vectors', () => {
  const { space, vectors } = buildVectors(corpus);

  it('scores cosine in 0..1, 1 for the same item, higher for the reworded twin', () => {
    expect(cosine(vectors[0], vectors[0])).toBeCloseTo(1, 5);
    const twin = cosine(vectors[0], vectors[1]);
    expect(twin).toBeGreaterThan(cosine(vectors[0], vectors[2]));
    expect(twin).toBeGreaterThan(cosine(vectors[0], vectors[3]));
    for (const a of vectors) for (const b of vectors) {
      expect(cosine(a, b)).toBeGreaterThanOrEqual(0);
      expect(cosine(a, b)).toBeLessThanOrEqual(1);
      expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 10);
    }
  });

  it('lets words every item uses count for little (no stopword list)', () => {
    expect(space.idf(space.idOf('妇女')!)).toBeLessThan(space.idf(space.idOf('孕产妇')!));
    expect(space.idf(space.idOf('加强')!)).toBeLessThan(space.idf(space.idOf('溺水')!));
  });

  it('weighs title words more than body words', () => {
    const b = bag('加强母婴安全保障', '加强母婴安全保障。母婴。');
    expect(b.get('母婴')).toBe(TITLE_WEIGHT + 1);
  });

  it('gives the same term ids for the same corpus', () => {
    const again = buildVectors(corpus);
    expect(again.space.terms).toEqual(space.terms);
    expect([...again.vectors[2].ids]).toEqual([...vectors[2].ids]);
  });

  it('builds the same vectors from word lists as from term bags (bit for bit)', () => {
    const texts: [string, string][] = [
      ['加强母婴安全保障', '加强母婴安全保障。全面落实妊娠风险筛查评估、高危孕产妇专案管理。母婴安全。'],
      ['保障孕产妇安全分娩', '保障孕产妇安全分娩。落实妊娠风险筛查评估。'],
      ['', ''],
      ['预防和减少儿童溺水', '预防和减少儿童溺水。加强水域隐患排查，预防溺水。'],
    ];
    const words = texts.map(([t, x]) => segmentItem(t, x));
    const plain = (v: { ids: Uint32Array; weights: Float32Array }) => [[...v.ids], [...v.weights]];
    for (const weight of [TITLE_WEIGHT, 2.5]) {
      const bags = words.map((w) => termBag(w.title, w.body, weight));
      const a = buildVectors(bags);
      const b = buildVectorsFromWords(words, weight);
      const ref = referenceVectors(bags);
      expect(a.space.terms).toEqual(ref.terms);
      expect(b.space.terms).toEqual(ref.terms);
      expect([...b.space.df]).toEqual([...a.space.df]);
      expect(a.vectors.map(plain)).toEqual(ref.vectors.map(plain));
      expect(b.vectors.map(plain)).toEqual(ref.vectors.map(plain));
      // The flat arrays hold the same vectors.
      b.vectors.forEach((v, k) => expect([...b.flat.ids.subarray(b.flat.start[k], b.flat.start[k + 1])]).toEqual([...v.ids]));
    }
  });
});

/** The straightforward construction (a Map per item), which the fast one must match bit for bit. */
function referenceVectors(bags: Map<string, number>[]) {
  const terms = [...new Set(bags.flatMap((b) => [...b.keys()]))].sort();
  const id = new Map(terms.map((t, i) => [t, i]));
  const df = new Array(terms.length).fill(0);
  let total = 0;
  for (const b of bags) {
    for (const t of b.keys()) df[id.get(t)!]++;
    for (const c of b.values()) total += c;
  }
  const avg = bags.length ? total / bags.length : 1;
  const vectors = bags.map((b) => {
    let length = 0;
    for (const c of b.values()) length += c;
    const norm = 1.2 * (1 - 0.3 + (0.3 * length) / (avg || 1));
    const entries: [number, number][] = [];
    for (const [t, tf] of b) {
      const i = id.get(t)!;
      const idf = Math.log(1 + (bags.length - df[i] + 0.5) / (df[i] + 0.5));
      const w = idf * ((tf * 2.2) / (tf + norm));
      if (w > 0) entries.push([i, w]);
    }
    entries.sort((x, y) => x[0] - y[0]);
    let sq = 0;
    for (const [, w] of entries) sq += w * w;
    const len = Math.sqrt(sq) || 1;
    return { ids: Uint32Array.from(entries.map(([i]) => i)), weights: Float32Array.from(entries.map(([, w]) => w / len)) };
  });
  return { terms, vectors };
}

describe('dense profiles', () => {
  it('cosineDense gives exactly cosine, for item vectors against a centroid and against each other', () => {
    // Vocabulary of 60 made-up words, 200 items of 3–20 of them: varied overlaps and lengths.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const vocabulary = Array.from({ length: 60 }, (_, k) => `词${k}`);
    const words = Array.from({ length: 200 }, () => {
      const pick = () => vocabulary[Math.floor(rnd() ** 2 * vocabulary.length)]!;
      return { title: Array.from({ length: 1 + Math.floor(rnd() * 4) }, pick), body: Array.from({ length: 2 + Math.floor(rnd() * 16) }, pick) };
    });
    const { space, vectors } = buildVectorsFromWords(words);
    const profiles = [centroid(vectors.slice(0, 80)), centroid(vectors.filter((_, k) => k % 3 === 0)), vectors[5]!];
    let shared = 0;
    for (const profile of profiles) {
      const dense = denseOf(profile, space.terms.length);
      for (const v of vectors) {
        expect(cosineDense(v, dense)).toBe(cosine(v, profile));
        if (cosine(v, profile) > 0) shared++;
      }
    }
    expect(shared).toBeGreaterThan(300);
  });
});
