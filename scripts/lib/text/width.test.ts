import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth } from './width.ts';

describe('displayWidth', () => {
  it('counts ideographs, full-width forms and Chinese punctuation two columns, ASCII one', () => {
    expect(displayWidth('妇女与健康')).toBe(10);
    expect(displayWidth('，。、；：（）《》')).toBe(18);
    expect(displayWidth('ＡＢ１２')).toBe(8);
    expect(displayWidth('HPV 2030')).toBe(8);
  });

  it('counts the ambiguous marks a Chinese font sets an em wide: ‰, ①, curly quotes, the dash and ellipsis', () => {
    expect(displayWidth('5.5‰')).toBe(5);
    expect(displayWidth('和5.5‰')).toBe(7);
    expect(displayWidth('①⑴“”—…')).toBe(12);
    expect(charWidth('‰'.codePointAt(0)!)).toBe(2);
    expect(charWidth('%'.codePointAt(0)!)).toBe(1);
  });

  it('counts radicals and supplementary-plane ideographs two columns', () => {
    expect(displayWidth('⼥⺠')).toBe(4);
    expect(displayWidth('𠀀')).toBe(2);
  });
});
