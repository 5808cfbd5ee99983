import { describe, expect, it } from 'vitest';
import { normalise } from '../../read/normalise.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { Block } from '../../types.ts';
import { opinionFindings, parseOpinion } from './opinion.ts';

const blocksOf = (...texts: string[]): Block[] => texts.map((text, index) => ({ index, text, lineStart: index + 1, lineEnd: index + 1 }));

describe('parseOpinion on 000 (鞍山 审议意见)', () => {
  const { blocks } = normalise(seedText(SEED.ansanOpinion));
  const items = parseOpinion('000', blocks);

  // Counted by reading the source: sections 一、二、三、 each hold 一是/二是/三是 (lines 35, 44,
  // 54; 70, 81, 91; 105, 119, 126). The 一是…四是 before section 一 (lines 23–29) are problems.
  it('finds the nine recommendations, three per section, numbered as printed', () => {
    expect(items.map((i) => `${i.section[0]?.slice(0, 2)}${i.number}`)).toEqual([
      '一、一是', '一、二是', '一、三是',
      '二、一是', '二、二是', '二、三是',
      '三、一是', '三、二是', '三、三是',
    ]);
    expect(items.every((i) => i.kind === 'recommendation' && i.domain === null && i.domainSource === null)).toBe(true);
  });

  it('titles an item by its first sentence and keeps the section heading', () => {
    const equalEmployment = items.find((i) => i.title === '维护女性平等就业权利')!;
    expect(equalEmployment.number).toBe('一是');
    expect(equalEmployment.section).toEqual(['二、维护合法权益，鼓励妇女建功立业']);
    expect(items.map((i) => i.title)).toContain('加强执法保护儿童合法权益');
    expect(items.map((i) => i.title)).toContain('完善妇女儿童权益保障工作机制');
  });

  it('splits items that start in the middle of a wrapped line', () => {
    // Source line 54: `元化、专业化服务。三是深化法治宣传教育。要强化教育宣`
    const third = items.find((i) => i.id === '000-s1-i3')!;
    expect(third.title).toBe('深化法治宣传教育');
    expect(third.text.startsWith('三是深化法治宣传教育。要强化教育宣传手段')).toBe(true);
    expect(third.text.endsWith('让尊重妇女、关爱儿童在全社会蔚然成风。')).toBe(true);
    const second = items.find((i) => i.id === '000-s1-i2')!;
    expect(second.text.endsWith('家事调解等多元化、专业化服务。')).toBe(true);
    expect(second.text).not.toContain('三是');
  });

  it('keeps the problems out of the recommendations and reports them as findings', () => {
    const findings = opinionFindings(blocks);
    expect(findings.map((f) => f.title)).toEqual([
      '法律法规宣传贯彻不够细致深入',
      '妇女权益受侵害现象不容忽视',
      '儿童权益保护存在薄弱环节',
      '维权服务能力和工作水平有待提高',
    ]);
    const titles = new Set(items.map((i) => i.title));
    expect(findings.some((f) => titles.has(f.title))).toBe(false);
    expect(items.some((i) => i.text.includes('常委会提出如下建议'))).toBe(false);
  });

  it('does not let the closing date join the last item', () => {
    expect(items.at(-1)!.text).not.toContain('2025');
  });

  it('gives stable, unique ids', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(parseOpinion('000', blocks).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });
});

describe('parseOpinion rules', () => {
  it('does not start an item inside a word or out of sequence', () => {
    const items = parseOpinion('x', blocksOf('一、加强统一领导', '一是坚持统一是根本。要落实。三是不在序列里。二是加强协作。要配合。'));
    expect(items.map((i) => i.number)).toEqual(['一是', '二是']);
    expect(items[0]!.text).toBe('一是坚持统一是根本。要落实。三是不在序列里。');
  });

  it('treats a list announced with a proposal as recommendations even outside a section', () => {
    const items = parseOpinion('x', blocksOf('会议认为工作有成效。为此提出如下建议：一是加强宣传。二是完善机制。'));
    expect(items.map((i) => [i.id, i.title])).toEqual([
      ['x-s0-i1', '加强宣传'],
      ['x-s0-i2', '完善机制'],
    ]);
  });

  it('does not read a recommendation heading that names problems as findings', () => {
    const items = parseOpinion('x', blocksOf('一、着力解决突出问题', '一是解决就业难题。要落实。'));
    expect(items.map((i) => i.title)).toEqual(['解决就业难题']);
  });

  it('continues an item into the next paragraph of its section', () => {
    const items = parseOpinion('x', blocksOf('一、完善机制', '一是完善机制。要加强协调。', '同时要加强督查。', '二是加强保障。'));
    expect(items[0]!.text).toBe('一是完善机制。要加强协调。\n同时要加强督查。');
    expect([items[0]!.blockStart, items[0]!.blockEnd]).toEqual([1, 2]);
  });
});
