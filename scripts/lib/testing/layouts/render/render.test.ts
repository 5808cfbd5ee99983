import { describe, expect, it } from 'vitest';
import { chineseNumeral, itemMarker } from '../compose/numbers.ts';
import { BASE } from '../dimensions.ts';
import { fullWidthDigits, withRadicals } from './characters.ts';
import { encodeText } from './bytes.ts';
import { displayWidth, hardWrap, spreadsheetLines, wordExportLines } from './text.ts';

describe('characters', () => {
  it('writes common characters as Kangxi radicals, and with the Supplement 民 as ⺠', () => {
    expect(withRadicals('妇女儿童人民', 'kangxi')).toBe('妇\u2f25\u2f09童\u2f08民');
    expect(withRadicals('妇女儿童人民', 'kangxi+supplement')).toBe('妇\u2f25\u2f09童\u2f08\u2ea0');
    expect(withRadicals('妇女', 'none')).toBe('妇女');
    // Every radical it writes is one NFKC or the EquivalentUnifiedIdeograph data maps back.
    const text = '妇女与健康人民群众长期门诊见效';
    expect([...withRadicals(text, 'kangxi')].map((c) => c.normalize('NFKC')).join('')).toBe(text);
  });

  it('prints full-width digits', () => {
    expect(fullWidthDigits('到2030年，12/10万')).toBe('到２０３０年，１２/１０万');
  });

  it('refuses an encoding that would lose characters', () => {
    expect(() => encodeText('⑪加强', { encoding: 'gbk', lineEnds: 'lf' })).toThrow(/gbk without loss/);
    expect([...encodeText('妇女\n', { encoding: 'utf-16le-bom', lineEnds: 'crlf' })].slice(0, 2)).toEqual([0xff, 0xfe]);
    expect(Buffer.from(encodeText('a\nb', { encoding: 'utf-8', lineEnds: 'crlf' })).toString()).toBe('a\r\nb');
  });
});

describe('numbers', () => {
  it('prints Chinese numerals and item markers', () => {
    expect([1, 10, 12, 20, 23].map(chineseNumeral)).toEqual(['一', '十', '十二', '二十', '二十三']);
    expect((['dot', 'fw-dot', 'comma', 'fw-paren', 'paren', 'paren-glyph', 'circled'] as const).map((s) => itemMarker(s, 4))).toEqual(['4.', '4．', '4、', '（4）', '(4)', '⑷', '④']);
    expect(() => itemMarker('circled', 21)).toThrow(/⑳/);
  });
});

describe('plain-text rendering', () => {
  it('hard-wraps at the display width, keeping closing punctuation off the start of a line', () => {
    const text = '孕产妇死亡率到2025年控制在10.5/10万以下，到2030年下降到10/10万以下，城乡差距逐步缩小。';
    const lines = hardWrap(text, 12);
    expect(lines.join('')).toBe(text);
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。]/);
      expect(displayWidth(line)).toBeLessThanOrEqual(13);
    }
    expect(displayWidth('ab妇女')).toBe(3);
  });

  it("flattens a table as Word's text export and as a spreadsheet copy", () => {
    const table = {
      kind: 'table' as const,
      header: ['发展领域', '策略措施', '牵头部门'],
      rows: [
        [{ paragraphs: ['（一）妇女与健康'] }, { paragraphs: ['1.加强母婴安全保障。'] }, { paragraphs: ['市卫健局', '市妇联'] }],
        [{ paragraphs: [], merged: true }, { paragraphs: ['2.完善妇幼健康服务体系。'] }, { paragraphs: [] }],
      ],
    };
    expect(wordExportLines(table)).toEqual(['\t发展领域', '\t策略措施', '\t牵头部门', '', '\t（一）妇女与健康', '\t1.加强母婴安全保障。', '\t市卫健局', '市妇联', '', '\t', '\t2.完善妇幼健康服务体系。', '\t', '']);
    expect(spreadsheetLines(table)).toEqual(['发展领域\t策略措施\t牵头部门', '（一）妇女与健康\t1.加强母婴安全保障。\t市卫健局市妇联', '\t2.完善妇幼健康服务体系。']);
    expect(BASE.tasklist.tableText).toBe('word-export');
  });
});
