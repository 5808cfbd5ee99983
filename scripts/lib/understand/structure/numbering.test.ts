import { describe, expect, it } from 'vitest';
import { isNextItem, leadingNumber } from './numbering.ts';

describe('leadingNumber', () => {
  it('reads arabic numbers with . ． 、 and keeps what follows', () => {
    expect(leadingNumber('12．加强保障。')).toMatchObject({ value: 12, printed: '12', prefix: '12．', rest: '加强保障。', style: 'arabic' });
    expect(leadingNumber(' 3、 完善机制')).toMatchObject({ value: 3, prefix: ' 3、 ', rest: '完善机制', style: 'arabic' });
    expect(leadingNumber('１２．全角')).toMatchObject({ value: 12, printed: '１２' });
  });

  it('reads （1） (1) 1） ⑴ as the parenthesised style and ① as circled, the marker printed whole', () => {
    expect(leadingNumber('（1）健全制度。')).toMatchObject({ value: 1, printed: '（1）', rest: '健全制度。', style: 'paren' });
    expect(leadingNumber('( 12 )健全制度。')).toMatchObject({ value: 12, printed: '(12)', style: 'paren' });
    expect(leadingNumber('3）健全制度。')).toMatchObject({ value: 3, printed: '3）', style: 'paren' });
    expect(leadingNumber('⑽健全制度。')).toMatchObject({ value: 10, printed: '⑽', style: 'paren' });
    expect(leadingNumber('⑳ 健全制度。')).toMatchObject({ value: 20, printed: '⑳', rest: '健全制度。', style: 'circled' });
  });

  it('reads only the style asked for, once a list has one', () => {
    expect(leadingNumber('（1）分项。', 'arabic')).toBeUndefined();
    expect(leadingNumber('1.分项。', 'paren')).toBeUndefined();
    expect(leadingNumber('（2）下一项。', 'paren')?.value).toBe(2);
  });

  it('finds no number in words, years or Chinese numerals', () => {
    expect(leadingNumber('到2025年，')).toBeUndefined();
    expect(leadingNumber('2025年全市…')).toBeUndefined();
    expect(leadingNumber('（一）妇女与健康')).toBeUndefined();
  });
});

describe('isNextItem', () => {
  const n = (text: string) => leadingNumber(text)!;
  it('takes any number as a list’s first item: an excerpt starts at 9.', () => {
    expect(isNextItem(n('9.完善流动儿童服务机制。'), undefined, undefined)).toBe(true);
    expect(isNextItem(n('9.'), undefined, undefined)).toBe(false);
  });

  it('then takes the expected number, or one more after a typo, but not a wrapped decimal', () => {
    expect(isNextItem(n('10.下一项。'), 10, '上一项。')).toBe(true);
    expect(isNextItem(n('11.跳号。'), 10, '上一项。')).toBe(true);
    // An excerpt's selection (`3.` … `7.`) jumps ahead after a finished sentence, never inside one.
    expect(isNextItem(n('12.跳两号。'), 10, '上一项。')).toBe(true);
    expect(isNextItem(n('12.跳两号。'), 10, '上一项的句子没有完')).toBe(false);
    expect(isNextItem(n('12.5万人。'), 10, '上一项。')).toBe(false);
    expect(isNextItem(n('8.往回。'), 10, '上一项。')).toBe(false);
    expect(isNextItem(n('4.01‰，远低于'), 4, '婴儿死亡率分别为')).toBe(false);
    expect(isNextItem(n('4.01‰，远低于'), 4, '上一项。')).toBe(true);
  });
});
