import { describe, expect, it } from 'vitest';
import { provinceNote } from './display.ts';

describe('provinceNote', () => {
  it('gives the province, says a national document has none, and that a city\'s is not stated', () => {
    expect(provinceNote({ province: '辽宁省', level: 'city' })).toBe('辽宁省');
    expect(provinceNote({ province: null, level: 'national' })).toBe('全国性文件');
    expect(provinceNote({ province: null, level: 'county' })).toBe('省份未注明');
  });
});
