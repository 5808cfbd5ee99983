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

  it('reads the heading after one it could not read by its own number', () => {
    // 妇女与教育 is unreadable (three off); 妇女与经济 two off and numbered （三）.
    const { items } = recognisePlan('doc', spoilt({ '（二）妇女与教育。': '（二）如又乌敦肓。', '（三）妇女与经济。': '（三）妇广与经六。' }), { ocr: true });
    expect(items.filter((i) => i.domain === '妇女与经济').map(key)).toEqual(truth.filter((i) => i.domain === '妇女与经济').map(key));
  });
});
