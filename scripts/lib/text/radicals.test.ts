import { describe, expect, it } from 'vitest';
import { withRadicals } from '../testing/radicals.ts';
import { SEED, seedText } from '../testing/seeds.ts';
import { hasRadicalInWord, radicalTable, readRadicals } from './radicals.ts';

describe('radicalTable', () => {
  it('covers the Kangxi block and the Supplement, from Unicode’s data', () => {
    const table = radicalTable();
    expect(table.get('\u2F25')).toBe('女'); // KANGXI RADICAL WOMAN
    expect(table.get('\u2EA0')).toBe('民'); // CJK RADICAL C-SIMPLIFIED PEOPLE: NFKC leaves it
    expect('\u2EA0'.normalize('NFKC')).toBe('\u2EA0');
    expect(table.get('\u2F09')).toBe('儿');
    expect(table.get('\u2F08')).toBe('人');
    // Strokes and other blocks are not radicals.
    expect(table.has('\u31D0')).toBe(false);
    expect([...table.keys()].every((k) => k.codePointAt(0)! >= 0x2e80 && k.codePointAt(0)! <= 0x2fdf)).toBe(true);
    expect(table.size).toBeGreaterThan(300);
  });
});

describe('readRadicals', () => {
  it('reads radicals in Chinese text as their ideographs and counts them', () => {
    expect(readRadicals('妇⼥与健康')).toEqual({ text: '妇女与健康', readings: [{ from: '⼥', to: '女', count: 1 }] });
    expect(readRadicals('⼈⺠政府，⼈⺠群众').text).toBe('人民政府，人民群众');
    expect(readRadicals('⼈⺠政府，⼈⺠群众').readings).toEqual([
      { from: '⼈', to: '人', count: 2 },
      { from: '⺠', to: '民', count: 2 },
    ]);
    expect(readRadicals('第⼀章').text).toBe('第一章');
  });

  it('reads list numbers made of radicals at a line’s start', () => {
    expect(readRadicals('⼀、总体要求').text).toBe('一、总体要求');
    expect(readRadicals('（⼆）策略措施').text).toBe('（二）策略措施');
    expect(readRadicals('⼗⼀、').text).toBe('十一、');
  });

  it('leaves a radical standing alone, cited as a radical, unless the text layer lies', () => {
    for (const line of ['部首 ⼥', '“⼥”', '⼥ ⼈ ⼉', '偏旁：⼥ 、⼈', '2022 年 7 ⽉ 12 ⽇']) {
      expect(hasRadicalInWord(line)).toBe(false);
      expect(readRadicals(line)).toEqual({ text: line, readings: [] });
    }
    // In a document whose text layer writes radicals inside words, a lone one is an artefact too.
    expect(hasRadicalInWord('⼈⺠政府')).toBe(true);
    expect(readRadicals('2022 年 7 ⽉ 12 ⽇', true).text).toBe('2022 年 7 月 12 日');
  });

  it('returns a line without radicals as it was', () => {
    const line = '妇女与健康，儿童与安全。';
    expect(readRadicals(line)).toEqual({ text: line, readings: [] });
  });

  it('gives back every line of a seed written with radicals (both blocks), counting each one', () => {
    for (const prefer of ['kangxi', 'supplement'] as const) {
      for (const line of seedText(SEED.fuxinPlans).split('\n').slice(0, 800)) {
        const lying = withRadicals(line, prefer);
        const read = readRadicals(lying, true);
        expect(read.text).toBe(line);
        const changed = [...lying].filter((ch, i) => ch !== [...line][i]).length;
        expect(read.readings.reduce((n, r) => n + r.count, 0)).toBe(changed);
      }
    }
  });
});
