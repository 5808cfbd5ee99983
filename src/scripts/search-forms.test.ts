import { describe, expect, it } from 'vitest';
import { normalise } from './search-forms.ts';

describe('a query in the index forms', () => {
  it('reads full-width letters, digits and spaces as ASCII', () => {
    expect(normalise('ＨＰＶ疫苗')).toBe('HPV疫苗');
    expect(normalise('１２３３８')).toBe('12338');
    expect(normalise('家庭暴力　保护令')).toBe('家庭暴力 保护令');
  });
  it('reads punctuation between words as a space, and keeps quotes, apostrophes and hyphens', () => {
    expect(normalise('艾滋病，梅毒、乙肝')).toBe('艾滋病 梅毒 乙肝');
    expect(normalise('（托育）服务？')).toBe('托育 服务');
    expect(normalise("women's rights")).toBe("women's rights");
    expect(normalise('left-behind children')).toBe('left-behind children');
    expect(normalise('"母婴安全"')).toBe('"母婴安全"');
  });
  it('rewrites traditional characters only with the pairs it is given', () => {
    const lex = { simplified: new Map([['兒', '儿'], ['婦', '妇'], ['權', '权']]) };
    expect(normalise('婦女權益', lex)).toBe('妇女权益');
    expect(normalise('兒童', lex)).toBe('儿童');
    expect(normalise('兒童')).toBe('兒童');
  });
});
