import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../pipeline.ts';
import { bigrams, dice, markRepeats, NEAR_REPEAT_THRESHOLD } from './repeats.ts';
import { SEED, SEEDS_DIR } from '../testing/seeds.ts';
import type { Item } from '../types.ts';

const item = (id: string, text: string): Item => ({
  id,
  docId: 'd',
  kind: 'speech',
  population: null,
  domain: null,
  domainSource: null,
  number: '',
  title: text.slice(0, 4),
  text,
  section: [],
  leadDepartments: [],
  partnerDepartments: [],
  blockStart: 0,
  blockEnd: 0,
  textStart: 0,
});

describe('markRepeats', () => {
  it('points a repeated text at its first occurrence, ignoring whitespace, and leaves the rest alone', () => {
    const items = [item('a', '强化组织领导。要健全机制。'), item('b', '强化资金保障。'), item('c', '强化组织领导。\n要健全机制。')];
    expect(markRepeats(items).map((i) => i.repeats)).toEqual([undefined, undefined, 'a']);
    expect(markRepeats(items)[1]).toBe(items[1]);
  });

  it('finds the speeches the 2023 compilation (004) prints twice', () => {
    const doc = ingestDocument(SEED.speeches, readFileSync(path.join(SEEDS_DIR, SEED.speeches)));
    const repeats = doc.items.filter((i) => i.repeats);
    expect(repeats.length).toBeGreaterThan(0);
    const byId = new Map(doc.items.map((i) => [i.id, i]));
    for (const r of repeats) {
      const original = byId.get(r.repeats!)!;
      expect(original.repeats).toBeUndefined();
      expect(original.blockStart).toBeLessThan(r.blockStart);
      if (r.nearRepeat) expect(dice(bigrams(original.text), bigrams(r.text))).toBeGreaterThanOrEqual(NEAR_REPEAT_THRESHOLD);
      else expect(original.text.replace(/\s+/g, '')).toBe(r.text.replace(/\s+/g, ''));
    }
    // 篇三 reprints 篇一: its 强化组织领导 is a repeat.
    expect(repeats.some((r) => r.title === '强化组织领导')).toBe(true);
  });
});

describe('near-repeats', () => {
  const speeches = () => ingestDocument(SEED.speeches, readFileSync(path.join(SEEDS_DIR, SEED.speeches))).items;
  const titled = (items: Item[], title: string) => items.filter((i) => i.title === title);

  it('marks the passages the compilation reprints with small changes, pointing at the first print', () => {
    const items = speeches();
    // 篇三 reprints 篇一's 提高认识 with other commas, and its 儿童优先 passage with 学习负担 → 课业负担.
    const [first, again] = titled(items, '坚持儿童优先原则,促进儿童健康快乐成长');
    expect(first.text).not.toBe(again.text);
    expect(again.repeats).toBe(first.id);
    expect(again.nearRepeat).toBe(true);
    expect(first.repeats).toBeUndefined();
    const [intro, introAgain] = titled(items, '提高认识，切实增强做好妇女儿童工作的责任感使命感');
    expect(introAgain.repeats).toBe(intro.id);
  });

  it('leaves merely similar passages alone: two speeches\' own 组织领导 and 投入 passages', () => {
    const items = speeches();
    const own = (title: string) => titled(items, title).filter((i) => !i.repeats);
    for (const [a, b] of [['强化组织领导', '加强组织领导'], ['强化资金保障', '加大投入力度']] as const) {
      const [x] = own(a);
      const [y] = own(b);
      expect(y.repeats).toBeUndefined();
      // Similar enough to be the same theme, far from the threshold.
      const similarity = dice(bigrams(x.text), bigrams(y.text));
      expect(similarity).toBeGreaterThan(0.5);
      expect(similarity).toBeLessThan(NEAR_REPEAT_THRESHOLD - 0.1);
    }
  });

  it('catches made-up variants of a real passage: a swapped word, other punctuation, a dropped clause', () => {
    const real = speeches().find((i) => i.title === '强化资金保障')!.text;
    const variants = [
      real.replace('加大支持力度', '加大投入力度'),
      real.replace(/,/g, '，').replace(/\./g, '。'),
      real.replace('同时,', ''),
    ];
    for (const variant of variants) {
      const marked = markRepeats([item('a', real), item('b', variant)]);
      expect(marked[1].repeats, variant).toBe('a');
      expect(marked[1].nearRepeat).toBe(variant.replace(/\s+/g, '') !== real.replace(/\s+/g, '') ? true : undefined);
    }
  });

  it('does not join a passage to one that keeps only its first half, nor short texts that differ', () => {
    const real = speeches().find((i) => i.title === '强化资金保障')!.text;
    const half = real.slice(0, Math.floor(real.length / 2));
    expect(markRepeats([item('a', real), item('b', half)])[1].repeats).toBeUndefined();
    // Short items (a title alone) differ in a word or two and are different measures.
    expect(markRepeats([item('a', '保障女童平等接受义务教育'), item('b', '保障女童平等接受学前教育')])[1].repeats).toBeUndefined();
  });

  it('dice is 1 for the same text, 0 for nothing shared, symmetric', () => {
    const a = bigrams('加强母婴安全保障');
    const b = bigrams('保障孕产妇安全分娩');
    expect(dice(a, a)).toBe(1);
    expect(dice(a, bigrams('托育服务'))).toBe(0);
    expect(dice(a, b)).toBeCloseTo(dice(b, a));
  });
});

describe('the candidate filter', () => {
  /** The definition, pair by pair: the first earlier original (not a repeat itself) at Dice ≥ t. */
  function bruteForce(items: Item[], t = NEAR_REPEAT_THRESHOLD): (string | undefined)[] {
    const firsts = new Map<string, string>();
    const originals: Item[] = [];
    return items.map((i) => {
      const key = i.text.replace(/\s+/g, '');
      if (firsts.has(key)) return firsts.get(key);
      firsts.set(key, i.id);
      const g = bigrams(i.text);
      const size = [...g.values()].reduce((a, b) => a + b, 0);
      if (size < 40) return undefined;
      const near = originals.find((o) => dice(bigrams(o.text), g) >= t);
      if (near) return near.id;
      originals.push(i);
      return undefined;
    });
  }

  it('finds exactly the near-repeats that comparing every pair finds, on the real plans and on edited copies', () => {
    const plans = ingestDocument(SEED.fuxinPlans, readFileSync(path.join(SEEDS_DIR, SEED.fuxinPlans))).items;
    // Every 7th measure printed again with a word dropped or swapped: near-repeats of their first print.
    const edited = plans.filter((_, k) => k % 7 === 0).map((i, k) => item(`copy-${k}`, k % 2 ? i.text.replace(/的/, '') : i.text.replace(/加强/, '强化')));
    const items = [...plans, ...edited];
    const marked = markRepeats(items);
    expect(marked.map((i) => i.repeats)).toEqual(bruteForce(items));
    expect(marked.filter((i) => i.nearRepeat).length).toBeGreaterThan(10);
  });
});
