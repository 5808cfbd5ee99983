import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise.ts';
import { SEED, seedText } from '../testing/seeds.ts';
import type { Block } from '../types.ts';
import { parseReport } from './report.ts';

const blocksOf = (...texts: string[]): Block[] => texts.map((text, index) => ({ index, text, lineStart: index + 1, lineEnd: index + 1 }));

describe('parseReport on 002 (静安区 落实情况报告)', () => {
  const { blocks } = normalise(seedText(SEED.jinganReport));
  const items = parseReport('002', blocks);

  // Counted by reading the source: 一、 has （一）–（三） (lines 17, 19, 21), 二、 has （一）–（四）
  // (27, 29, 33, 35), 三、 has （一）–（三） (43, 45, 49).
  it('finds ten report items under three sections', () => {
    expect(items.map((i) => `${i.section[0]!.slice(0, 2)}${i.number}`)).toEqual([
      '一、（一）', '一、（二）', '一、（三）',
      '二、（一）', '二、（二）', '二、（三）', '二、（四）',
      '三、（一）', '三、（二）', '三、（三）',
    ]);
    expect(items.every((i) => i.kind === 'report')).toBe(true);
  });

  it('reads `二、 聚焦…` (a space after the mark) as a section and tidies the heading', () => {
    expect(items[3]!.section).toEqual(['二、聚焦重点领域，全力保障妇女各项合法权益']);
    expect(items[3]!.id).toBe('002-s2-i1');
  });

  it('titles items by their first sentence', () => {
    expect(items.map((i) => i.title)).toEqual([
      '强化统筹协调，凝聚保障合力',
      '加强规划引领，科学谋划发展',
      '夯实基层基础，推进数字赋能',
      '健全健康服务体系，促进妇女身心健康发展',
      '优化就业创业环境，推动妇女平等参与发展',
      '深化纠纷预防化解，筑牢婚姻家庭权益屏障',
      '增加普惠服务供给，缓解家庭后顾之忧',
      '强化思想引领与精准化普法',
      '鼓励社会力量广泛参与',
      '营造性别平等友好环境',
    ]);
  });

  it('rejoins the lines broken mid-word into their item', () => {
    // Source lines 45 + 47: `…依托区女律师` / `联谊会、儿童友好共创伙伴联盟…`
    expect(items[8]!.text).toContain('依托区女律师联谊会、儿童友好共创伙伴联盟');
    // Lines 35 + 37: `…扩大普惠性托位供给，` / `优化宝宝屋设点布局…`
    expect(items[6]!.text).toContain('扩大普惠性托位供给，优化宝宝屋设点布局');
  });

  it('leaves section leads and the closing out of the items', () => {
    const all = items.map((i) => i.text).join('\n');
    expect(all).not.toContain('着力强化顶层设计与系统谋划');
    expect(all).not.toContain('特此报告');
    expect(all).not.toContain('区政府将在区委的坚强领导下');
  });
});

describe('parseReport rules', () => {
  it('joins a paragraph cut mid-word when the normaliser left it split', () => {
    const items = parseReport('x', blocksOf('一、加强保障', '（一）鼓励参与。依托区女律师', '联谊会等平台拓展参与。', '特此报告。'));
    expect(items).toHaveLength(1);
    expect(items[0]!.text).toBe('鼓励参与。依托区女律师联谊会等平台拓展参与。');
    expect(items[0]!.blockEnd).toBe(2);
  });

  it('makes a section without （一） items one item', () => {
    const items = parseReport('x', blocksOf('一、加强保障', '着力完善机制，推动落实。'));
    expect(items.map((i) => [i.number, i.title, i.text])).toEqual([['一、', '加强保障', '着力完善机制，推动落实。']]);
  });
});
