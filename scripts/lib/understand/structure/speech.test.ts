import { describe, expect, it } from 'vitest';
import { normalise } from '../../read/normalise.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { Block } from '../../types.ts';
import { parseSpeech } from './speech.ts';

describe('parseSpeech on 004 (five speeches)', () => {
  const { blocks } = normalise(seedText(SEED.speeches));
  const items = parseSpeech('004', blocks);
  const bySpeech = (n: string) => items.filter((i) => i.section[0] === `妇女儿童工作会议记录篇${n}`);

  // Counted by reading the source, per speech (a section without numbered paragraphs is one item):
  // 篇一: 一、(1) 二、(一)–(三) 三、一要–三要, then a second speech glued in after `同志们:`
  //       (line 53): 一、(1) 二、(一)–(三) → 11
  // 篇二: 一、(1, unmarked heading) 二、(一)–(五) 三、(unmarked heading) (一)–(四) → 10
  // 篇三: 一、(1) 二、(一)–(三) 三、一要–三要 → 7
  // 篇四: 一、二、三、四、 without numbered paragraphs → 4
  // 篇五: a news report, no numbered points → 0
  it('finds the points of each speech', () => {
    expect(['一', '二', '三', '四', '五'].map((n) => bySpeech(n).length)).toEqual([11, 10, 7, 4, 0]);
    expect(items).toHaveLength(32);
    expect(items.every((i) => i.kind === 'speech')).toBe(true);
  });

  it('reads (一) and 一要 paragraphs as items, with speech and section as their place', () => {
    const funding = items.find((i) => i.number === '二要')!;
    expect(funding.title).toBe('强化资金保障');
    expect(funding.section).toEqual(['妇女儿童工作会议记录篇一', '三、齐抓共管,凝聚关心支持妇女儿童发展的整体合力']);
    expect(bySpeech('二').map((i) => i.number)).toEqual(['一、', '(一)', '(二)', '(三)', '(四)', '(五)', '(一)', '(二)', '(三)', '(四)']);
    expect(bySpeech('二')[5]!.title).toBe('着力保护弱势妇女儿童群体');
  });

  it('keeps the sub-points inside a paragraph in that paragraph', () => {
    const women = bySpeech('一')[1]!;
    expect(women.number).toBe('(一)');
    expect(women.text).toContain('一要推动妇女充分就业');
  });

  it('makes a section without numbered paragraphs one item titled by its heading', () => {
    expect(bySpeech('四').map((i) => i.title)).toEqual([
      '统一思想，进一步提高维权工作认识',
      '齐抓共管，进一步形成维权工作合力',
      '强化职能，进一步健全社会化维权网络',
      '明确责任，狠抓援助单亲特困母亲工作落实',
    ]);
    // The closing `同志们，…` is not part of the last point.
    expect(bySpeech('四').at(-1)!.text).not.toContain('同志们');
  });

  it('leaves the website boilerplate, salutations and closings out of the items', () => {
    const all = items.map((i) => i.text).join('\n');
    expect(all).not.toContain('写范文的时候需要注意什么');
    expect(all).not.toContain('本站小编');
    expect(all).not.toContain('同志们');
    expect(all).not.toContain('湖南省妇女儿童工作会议');
  });

  it('gives unique ids', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('parseSpeech rules', () => {
  const b = (text: string, headingDepth?: number): Omit<Block, 'index' | 'lineStart' | 'lineEnd'> => ({ text, headingDepth });
  const blocks = (...bs: ReturnType<typeof b>[]): Block[] => bs.map((x, index) => ({ ...x, index, lineStart: index + 1, lineEnd: index + 1 }));

  it('needs a numbered section: paragraphs directly under a speech are not items', () => {
    expect(parseSpeech('x', blocks(b('讲话', 2), b('同志们：'), b('（一）这不是要点。因为没有节。')))).toEqual([]);
  });

  it('continues a paragraph cut mid-sentence', () => {
    const items = parseSpeech('x', blocks(b('一、加强领导', 3), b('(一)加强组织领导。要健全机'), b('制。'), b('另起一段。')));
    expect(items.map((i) => i.text)).toEqual(['加强组织领导。要健全机\n制。']);
  });
});
