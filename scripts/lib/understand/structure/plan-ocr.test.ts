/**
 * A plan read by OCR (`recognisePlan(…, { ocr: true })`): seed 001's two plans as the text
 * version reads them are the truth; headings and item numbers are spoiled the way OCR spoils
 * them (invented misreadings, not the bench's), and the items must come back with the truth's
 * domain, kind and number, each repair returned for the editor, or be left as printed where
 * the document's own order does not confirm a reading.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../read/decode.ts';
import { normalise } from '../../read/normalise.ts';
import { SEED, SEEDS_DIR } from '../../testing/seeds.ts';
import type { Block, Item } from '../../types.ts';
import { recognisePlan } from './plan.ts';

const seedBlocks = normalise(decode(readFileSync(path.join(SEEDS_DIR, SEED.fuxinPlans))).text).blocks;
const truth = recognisePlan('doc', seedBlocks).items;
const key = (i: Item) => `${i.kind}|${i.domain}|${i.number}`;

/** The seed's blocks with some texts replaced, as OCR might have read them. */
function spoilt(replace: Record<string, string>): Block[] {
  const left = new Set(Object.keys(replace));
  const blocks = seedBlocks.map((b) => {
    const text = b.text.trim();
    if (!(text in replace)) return b;
    left.delete(text);
    return { ...b, text: replace[text]! };
  });
  expect([...left], 'every spoilt text is in the seed').toEqual([]);
  return blocks;
}

describe('recognisePlan on a plan read by OCR: domain headings', () => {
  const misread = {
    '（二）妇女与教育。': '（二）妇文与教肓。',
    '（五）妇女与社会保障。': '（五）妇女与杜会保陣。',
    '（四）儿童与福利。': '（四）儿重与福刹。',
  };

  it('reads a numbered heading two characters off the domain the order expects as that domain, and says so', () => {
    const blocks = spoilt(misread);
    const { items, repairs } = recognisePlan('doc', blocks, { ocr: true });
    expect(items.map(key)).toEqual(truth.map(key));
    expect(repairs?.map((r) => `${r.kind} ${r.printed} → ${r.read}`)).toEqual([
      'domain （二）妇文与教肓。 → 妇女与教育',
      'domain （五）妇女与杜会保陣。 → 妇女与社会保障',
      'domain （四）儿重与福刹。 → 儿童与福利',
    ]);
    for (const r of repairs!) expect(blocks[r.block]!.text).toBe(r.printed);
  });

  it('leaves them as printed in a document not read by OCR: their items stay in the domain above', () => {
    const { items, repairs } = recognisePlan('doc', spoilt(misread));
    expect(repairs).toBeUndefined();
    expect(items.filter((i) => i.domain === '妇女与教育')).toEqual([]);
    expect(items.filter((i) => i.domain === '妇女与健康').length).toBeGreaterThan(truth.filter((i) => i.domain === '妇女与健康').length);
  });

  it('never reads a heading as a domain the order does not expect there', () => {
    // Two off 妇女与经济, in the place of 妇女与教育 (number and order both say 教育).
    const { items, repairs } = recognisePlan('doc', spoilt({ '（二）妇女与教育。': '（二）妇广与经六。' }), { ocr: true });
    expect(repairs).toBeUndefined();
    expect(items.filter((i) => i.domain === '妇女与经济').length).toBe(truth.filter((i) => i.domain === '妇女与经济').length);
    expect(items.filter((i) => i.domain === '妇女与教育')).toEqual([]);
  });

  it('expects the first domain under a plan title whose brackets came out in another shape', () => {
    // `（2021—2030 年）` as `〈2021一2030年)`; 儿童与健康 two off.
    const { items } = recognisePlan('doc', spoilt({ '阜新市儿童发展规划（2021—2030 年）': '阜新市儿童发展规划〈2021一2030年)', '（一）儿童与健康。': '（一）儿重与健庚。' }), { ocr: true });
    expect(items.filter((i) => i.domain === '儿童与健康').map(key)).toEqual(truth.filter((i) => i.domain === '儿童与健康').map(key));
    expect(items.filter((i) => i.domain === '儿童与健康').every((i) => i.population === '儿童')).toBe(true);
  });

  it('reads the heading after one it could not read by its own number', () => {
    // 妇女与教育 is unreadable (three off); 妇女与经济 two off and numbered （三）.
    const { items } = recognisePlan('doc', spoilt({ '（二）妇女与教育。': '（二）如又乌敦肓。', '（三）妇女与经济。': '（三）妇广与经六。' }), { ocr: true });
    expect(items.filter((i) => i.domain === '妇女与经济').map(key)).toEqual(truth.filter((i) => i.domain === '妇女与经济').map(key));
  });
});

describe('recognisePlan on a plan read by OCR: list headings', () => {
  // Invented misreadings, one character each, of 妇女与教育's and 儿童与福利's list headings.
  const blocksWith = (replace: Record<number, string>) => {
    const at = (domain: string, heading: string) => {
      const d = seedBlocks.findIndex((b) => b.text.trim() === domain);
      return seedBlocks.findIndex((b, k) => k > d && b.text.trim() === heading);
    };
    const targets = { 0: at('（二）妇女与教育。', '策略措施：'), 1: at('（四）儿童与福利。', '主要目标：'), 2: at('（四）儿童与福利。', '策略措施：') } as Record<number, number>;
    return seedBlocks.map((b, k) => {
      const which = Object.keys(targets).find((n) => targets[Number(n)] === k);
      return which !== undefined && replace[Number(which)] !== undefined ? { ...b, text: replace[Number(which)]! } : b;
    });
  };

  it('reads a list heading one character off the list its domain expects next as that list, and says so', () => {
    const { items, repairs } = recognisePlan('doc', blocksWith({ 0: '策路措施：', 1: '主要日标：', 2: '荣略措施' }), { ocr: true });
    expect(items.map(key)).toEqual(truth.map(key));
    expect(repairs?.map((r) => `${r.kind} ${r.printed} → ${r.read}`)).toEqual(['list 策路措施： → 策略措施', 'list 主要日标： → 主要目标', 'list 荣略措施 → 策略措施']);
  });

  it('reads no list heading out of its order, or in a document not read by OCR', () => {
    // `主要日标` where the domain's goals are over: no goal list again.
    const late = recognisePlan('doc', blocksWith({ 0: '主要日标：' }), { ocr: true });
    expect(late.repairs).toBeUndefined();
    expect(late.items.filter((i) => i.domain === '妇女与教育' && i.kind === 'measure')).toEqual([]);
    const typed = recognisePlan('doc', blocksWith({ 0: '策路措施：' }));
    expect(typed.items.filter((i) => i.domain === '妇女与教育' && i.kind === 'measure')).toEqual([]);
  });
});

/** The seed's blocks with the markers of the paragraphs starting so (`1.加强面向妇女`) read otherwise (`l.`). */
function remarked(markers: Record<string, string>): Block[] {
  const left = new Set(Object.keys(markers));
  const blocks = seedBlocks.map((b) => {
    const start = Object.keys(markers).find((s) => b.text.trimStart().startsWith(s));
    if (start === undefined) return b;
    left.delete(start);
    return { ...b, text: b.text.trimStart().replace(/^[0-9]+\./, markers[start]!) };
  });
  expect([...left], 'every paragraph named is in the seed').toEqual([]);
  return blocks;
}

describe('recognisePlan on a plan read by OCR: item numbers', () => {
  // Invented misreadings of the markers of 妇女与教育's measures and 儿童与安全's goals.
  const misread = {
    '1.加强面向妇女的思想政治教育。': 'l.', // a letter for 1, the first of a list
    '3.推动各级各类学校': '3，', // the dot read as a comma
    '5.保障女童平等接受义务教育的权利': '5', // the dot lost
    '7.促进女性接受高质量职业教育': '1.', // another number, between 6. and 8.
    '10.提高女性科学素质': '1O.', // O for 0
    '12.加强女性学研究': '19.', // a later number, which a list would take for a skip
    '4.儿童跌倒、跌落': 'I.',
    '9.将灾害事故': '9。',
  };

  it('reads a misread marker as the number its list’s sequence fixes, and says so for each', () => {
    const { items, repairs } = recognisePlan('doc', remarked(misread), { ocr: true });
    expect(items.map(key)).toEqual(truth.map(key));
    expect(repairs?.map((r) => `${r.printed} → ${r.read}`)).toEqual(['l. → 1', '3， → 3', '5 → 5', '1. → 7', '1O. → 10', '19. → 12', 'I. → 4', '9。 → 9']);
    // The item's text starts after the misread marker.
    const m3 = items.find((i) => i.domain === '妇女与教育' && i.kind === 'measure' && i.number === '3')!;
    expect(m3.text.startsWith('推动各级各类学校')).toBe(true);
  });

  it('leaves the markers as printed in a document not read by OCR', () => {
    const { items, repairs } = recognisePlan('doc', remarked(misread));
    expect(repairs).toBeUndefined();
    expect(items.filter((i) => i.domain === '妇女与教育' && i.kind === 'measure').length).toBeLessThan(truth.filter((i) => i.domain === '妇女与教育' && i.kind === 'measure').length);
  });

  it('repairs nothing the sequence does not confirm', () => {
    // Another number with its neighbour misread too: nothing says which is which.
    const { items: both, repairs } = recognisePlan('doc', remarked({ '7.促进女性接受高质量职业教育': '1.', '8.保障女性平等接受高等教育': '3.' }), { ocr: true });
    expect(repairs).toBeUndefined();
    expect(both.some((i) => i.domain === '妇女与教育' && i.kind === 'measure' && i.number === '7')).toBe(false);
    // The number the list just had, before the one expected: a list starting again, not a misreading.
    const again = recognisePlan('doc', remarked({ '7.促进女性接受高质量职业教育': '6.' }), { ocr: true });
    expect(again.repairs).toBeUndefined();
    // A lost dot where the next paragraph does not follow on; a figure with its unit (`3岁`) is no marker.
    const lost = recognisePlan('doc', remarked({ '5.保障女童平等接受义务教育的权利': '5', '6.提高女性接受普通高中教育': '8.' }), { ocr: true });
    expect(lost.items.some((i) => i.domain === '妇女与教育' && i.kind === 'measure' && i.number === '5')).toBe(false);
    const unit = recognisePlan('doc', remarked({ '6.3岁以下儿童系统管理率': '6' }), { ocr: true });
    expect(unit.items.filter((i) => i.domain === '儿童与健康' && i.kind === 'goal').map((i) => i.number)).not.toContain('6');
  });
});
