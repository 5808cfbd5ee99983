import { describe, expect, it } from 'vitest';
import { queryPieces, searchTokens } from './search-tokens.ts';

describe('search tokens', () => {
  it('cuts words the way the browser cuts a query, without punctuation', () => {
    expect(queryPieces('婴幼儿照护')).toEqual(['婴', '幼儿', '照护']);
    expect(queryPieces('市卫健局、市妇联')).toEqual(['市', '卫', '健', '局', '市', '妇', '联']);
  });

  it('writes each word whole and in pieces, each once, but a word cut wholly into characters with all of them in a row', () => {
    expect(searchTokens(['婴幼儿照护', '母婴室', ' ', '近视', '幼儿'])).toBe('婴幼儿照护 婴 幼儿 照护 母婴室 母 婴 室 近视');
    // 市妇联 is cut into 市|妇|联: a phrase search for it needs 市 again, next to 妇 and 联.
    expect(searchTokens(['市卫健局', '市妇联'])).toBe('市卫健局 市 卫 健 局 市妇联 市 妇 联');
    expect(searchTokens([])).toBe('');
  });
});
