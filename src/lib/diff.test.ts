import { describe, expect, it } from 'vitest';
import { cutWords } from '../../scripts/lib/text/segment.ts';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';
import { diffTexts, diffWords, displayParts, encodeCuts, sharedShare, sideOf, splitWords, type DiffPart } from './diff.ts';

/** A diff as compact strings: shared text bare, `-` what the first had, `+` what the second has. */
const show = (parts: DiffPart[]) => parts.map((p) => (p.op === 'equal' ? '' : p.op === 'insert' ? '+' : '-') + p.text);
const diff = (a: string, b: string) => diffWords(cutWords(a), cutWords(b));

describe('word cuts', () => {
  it('spell a text as its words and back, whatever their length', () => {
    const words = ['加强', '母婴', '安全', '。', ' ', 'x'.repeat(80), '𠀀', '10', '.', '5'];
    const text = words.join('');
    const cuts = encodeCuts(words);
    expect(cuts).toMatch(/^[1-9a-z]+$/);
    expect(splitWords(text, cuts).join('')).toBe(text);
    expect(splitWords(text, cuts).slice(0, 4)).toEqual(['加强', '母婴', '安全', '。']);
    // jieba's lossless cut of a seed sentence survives the trip.
    const sentence = '市、县各建立 1 所政府举办、单独设置、标准化的妇幼保健机构，孕产妇系统管理率保持在 90%以上。';
    expect(splitWords(sentence, encodeCuts(cutWords(sentence)))).toEqual(cutWords(sentence));
  });

  it('that do not fit the text fall back to characters, never losing text', () => {
    expect(splitWords('妇女健康', '22')).toEqual(['妇女', '健康']);
    expect(splitWords('妇女健康', '23')).toEqual(['妇', '女', '健', '康']);
    expect(splitWords('妇女健康', '')).toEqual(['妇', '女', '健', '康']);
    expect(splitWords('妇女健康', null)).toEqual(['妇', '女', '健', '康']);
  });
});

// Sentences of 阜新's and 大安's 妇女与健康 measures (seeds 001 and 003).
describe('differences between two cities’ versions of a measure', () => {
  it('an insertion: 大安 adds 的 (and ends the clause with a comma)', () => {
    expect(show(diff('建立完善妇女全生命周期健康管理模式。', '建立完善妇女全生命周期的健康管理模式，'))).toEqual([
      '建立完善妇女全生命周期',
      '+的',
      '健康管理模式',
      '-。',
      '+，',
    ]);
  });

  it('a deletion: 大安 drops 坚持预防为主 (and names another campaign)', () => {
    const parts = diff(
      '深入实施“健康辽宁行动”，坚持预防为主，健全政府主导、部门协同、社会参与、行业监管、科技支撑的妇女健康保障工作机制。',
      '深入实施“健康中国母亲行动”，健全政府主导、部门协同、社会参与、行业监管、科技支撑的妇女健康保障工作机制。',
    );
    expect(show(parts)).toEqual([
      '深入实施“健康',
      '-辽宁',
      '+中国母亲',
      '行动”，',
      '-坚持预防为主，',
      '健全政府主导、部门协同、社会参与、行业监管、科技支撑的妇女健康保障工作机制。',
    ]);
  });

  it('a rewording: 加强 becomes 提高, and 水平 is added after a word jieba cut differently', () => {
    // jieba cuts 服务水平 as one word and 服务 as another: the shared 服务 is still shown as shared.
    expect(show(diff('加强妇女全生命周期的健康服务。', '提高妇女全生命周期的健康服务水平。'))).toEqual(['-加强', '+提高', '妇女全生命周期的健康服务', '+水平', '。']);
    // Words are not split on both sides: 保健 → 保障 is one rewording, not 保 + 健→障.
    expect(show(diff('加强妇女保健。', '加强妇女保障。'))).toEqual(['加强妇女', '-保健', '+保障', '。']);
  });

  it('folds a one-character shared run between two changes into one rewording (no confetti)', () => {
    expect(show(diff('提供咨询和救治服务。', '开展宣传和指导工作。'))).toEqual(['-提供咨询和救治服务', '+开展宣传和指导工作', '。']);
    // …but not across the end of a sentence, and not a run as long as the changes around it.
    expect(show(diff('加强保健。完善机制。', '提高保健。健全机制。'))).toEqual(['-加强', '+提高', '保健。', '-完善', '+健全', '机制。']);
    expect(show(diff('加强妇女保健', '提高妇女保障'))).toEqual(['-加强', '+提高', '妇女', '-保健', '+保障']);
  });

  it('gives up on two long unrelated texts cleanly: one replaced by the other', () => {
    const a = '甲'.repeat(50);
    const b = '乙'.repeat(50);
    const parts = diffWords([...a], [...b], { maxEditLength: 10 });
    expect(show(parts)).toEqual([`-${a}`, `+${b}`]);
    expect(diffWords([], [])).toEqual([]);
    expect(show(diffWords([], ['新增']))).toEqual(['+新增']);
  });

  it('shown to a reader, spacing-only changes are not marked, and the text is still the second version', () => {
    // PDF extraction spaced 阜新's numbers (`在 10.5/10 万`), not 大安's.
    const parts = diff('孕产妇死亡率控制在 10.5/10 万以下', '孕产妇死亡率控制在12/10万以下');
    expect(show(parts)).toEqual(['孕产妇死亡率控制在', '- 10.5', '+12', '/10', '- ', '万以下']);
    const shown = displayParts(parts);
    expect(show(shown)).toEqual(['孕产妇死亡率控制在', '- 10.5', '+12', '/10万以下']);
    expect(sideOf(shown, 'b')).toBe('孕产妇死亡率控制在12/10万以下');
    // Spacing alone never makes the words differ: 1 stays shared.
    expect(show(diff('建立1所机构', '建立 1 所机构'))).toEqual(['建立', '+ ', '1', '+ ', '所机构']);
    expect(show(displayParts(diff('建立1所机构', '建立 1 所机构')))).toEqual(['建立 1 所机构']);
  });

  it('share of shared text: 1 for identical texts, 0 for disjoint ones', () => {
    expect(sharedShare(diff('加强母婴安全保障。', '加强母婴安全保障。'))).toBe(1);
    expect(sharedShare(diff('甲乙', '丙丁'))).toBe(0);
    const s = sharedShare(diff('加强妇女全生命周期的健康服务。', '提高妇女全生命周期的健康服务水平。'));
    expect(s).toBeGreaterThan(0.7);
    expect(s).toBeLessThan(1);
  });
});

describe('on every seed topic, each member against every other', () => {
  const kb = seedKb();
  const items = new Map(kb.documents.flatMap((d) => d.items).map((i) => [i.id, i]));
  const pairs = kb.topics.flatMap((t) => t.items.slice(1).map((id) => [items.get(t.items[0]!)!, items.get(id)!] as const));

  it('the merged output spells both texts exactly', () => {
    expect(pairs.length).toBeGreaterThan(200);
    for (const [a, b] of pairs) {
      const parts = diffTexts({ text: a.text, cuts: encodeCuts(cutWords(a.text)) }, { text: b.text, cuts: encodeCuts(cutWords(b.text)) });
      expect(sideOf(parts, 'a')).toBe(a.text);
      expect(sideOf(parts, 'b')).toBe(b.text);
      // Parts alternate: never two of the same kind in a row, never empty.
      parts.forEach((p, k) => {
        expect(p.text).not.toBe('');
        if (k > 0) expect(p.op).not.toBe(parts[k - 1]!.op);
      });
    }
  });

  it('keeps no one-character shared run between two changes inside a sentence', () => {
    let checked = 0;
    for (const [a, b] of pairs) {
      const parts = diff(a.text, b.text);
      for (let k = 1; k < parts.length - 1; k++) {
        const p = parts[k]!;
        if (p.op !== 'equal' || parts[k - 1]!.op === 'equal' || parts[k + 1]!.op === 'equal') continue;
        // Spacing-only changes (PDF line furniture) stay apart from the words around them.
        if (!/\S/.test(parts[k - 1]!.text) || !/\S/.test(parts[k + 1]!.text)) continue;
        checked++;
        const content = p.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
        if (content <= 1) expect(p.text, `${a.id} ↔ ${b.id}`).toMatch(/[。；！？;!?\n]/);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
