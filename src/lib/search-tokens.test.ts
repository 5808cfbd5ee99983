import { describe, expect, it } from 'vitest';
import { queryPieces, searchTokens } from './search-tokens.ts';

describe('search tokens', () => {
  it('cuts words the way the browser cuts a query, without punctuation', () => {
    expect(queryPieces('婴幼儿照护')).toEqual(['婴', '幼儿', '照护']);
    expect(queryPieces('市卫健局、市妇联')).toEqual(['市', '卫', '健', '局', '市', '妇', '联']);
  });

  it('writes each word whole and in pieces, each once', () => {
    expect(searchTokens(['市卫健局', '市妇联', ' ', '近视'])).toBe('市卫健局 市 卫 健 局 市妇联 妇 联 近视');
    expect(searchTokens([])).toBe('');
  });
});
