import { describe, expect, it } from 'vitest';
import { normalise } from '../../read/normalise.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { Block } from '../../types.ts';
import { parseReport, recogniseReport } from './report.ts';

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

describe('parseReport on reports in prose', () => {
  const head = ['关于某市妇女发展规划2023年实施情况的报告', '市人大常委会：', '2023年，市政府统筹推进规划实施。现将有关情况报告如下：'];
  const closing = ['市政府将在市委的坚强领导下，自觉接受市人大及其常委会的监督，推动规划目标全面实现。', '特此报告。', '某市人民政府', '2024年3月15日', '附件：某市妇女发展规划2023年监测指标完成情况'];
  const health = '妇女健康水平稳步提升。全市孕产妇死亡率为8.6/10万，宫颈癌和乳腺癌筛查覆盖面持续扩大，妇幼健康服务网络进一步健全。';
  const education = '妇女受教育水平持续提高。高等教育在校生中女性比例保持在50%以上，农村妇女职业技能培训广泛开展，女性科技人才队伍不断壮大。';
  const law = '妇女合法权益得到有效保障。深入开展反家庭暴力宣传，人身安全保护令签发数量增加，妇女法律援助服务更加便捷。';

  it('makes each paragraph of a prose section an item, leaving the preamble, the lead and the closing out', () => {
    const { items, notes } = recogniseReport('x', blocksOf(...head, '一、主要工作及成效', '一年来，各领域主要目标任务进展顺利。', health, education, law, ...closing));
    expect(items.map((i) => [i.number, i.title, i.text])).toEqual([
      ['', '妇女健康水平稳步提升', health],
      ['', '妇女受教育水平持续提高', education],
      ['', '妇女合法权益得到有效保障', law],
    ]);
    expect(items.map((i) => i.id)).toEqual(['x-s1-i1', 'x-s1-i2', 'x-s1-i3']);
    expect(items.every((i) => i.domain === null && i.section[0] === '一、主要工作及成效')).toBe(true);
    expect(notes).toEqual([]);
  });

  it('takes a lead ending `：` out, and keeps a first paragraph that is a field of its own', () => {
    const colon = parseReport('x', blocksOf('一、主要工作', '主要做了以下工作：', health, education));
    expect(colon.map((i) => i.title)).toEqual(['妇女健康水平稳步提升', '妇女受教育水平持续提高']);
    // One sentence, but as long as the others: a field, not a lead.
    const field = '妇女参与决策和管理的比例稳步提高，全市村（居）委会成员中女性比例达到35%以上，女性主任比例逐年上升。';
    expect(parseReport('x', blocksOf('一、主要工作', field, health, education)).map((i) => i.text)).toEqual([field, health, education]);
    // One short sentence without clauses: a field of its own too, however short.
    const short = '妇女常见病防治力度不断加大。';
    expect(parseReport('x', blocksOf('一、主要工作', short, health, education)).map((i) => i.text)).toEqual([short, health, education]);
  });

  it('keeps a last point that promises without the closing\'s words, and never reads 特此报告, the signature, the date or 附件', () => {
    const promise = '市政府将进一步加大妇女创业担保贷款贴息力度，扩大覆盖面，持续开展巾帼创业培训。';
    const items = parseReport('x', blocksOf(...head, '一、下一步工作打算', health, promise, '特此报告。', '某市人民政府', '2024年3月15日', '附件：1.监测指标完成情况', '2.重点项目清单，共12项。'));
    expect(items.map((i) => i.text)).toEqual([health, promise]);
  });

  it('reads `（一）标题` alone on its line as a point whose body follows, and `（一）妇女与健康` as a field of paragraph items', () => {
    const headed = parseReport('x', blocksOf('一、主要工作', '（一）强化统筹协调，凝聚保障合力', '充分发挥议事协调机构的统筹作用。', '建立健全常态化工作机制。', '（二）加强规划引领', '全面评估规划实施情况。'));
    expect(headed.map((i) => [i.number, i.title, i.text])).toEqual([
      ['（一）', '强化统筹协调，凝聚保障合力', '强化统筹协调，凝聚保障合力\n充分发挥议事协调机构的统筹作用。\n建立健全常态化工作机制。'],
      ['（二）', '加强规划引领', '加强规划引领\n全面评估规划实施情况。'],
    ]);
    const fields = parseReport('x', blocksOf('一、主要目标实施情况', '（一）妇女与健康', health, '宫颈癌筛查工作持续推进，筛查人数逐年增加。', '（二）妇女与教育。', education));
    expect(fields.map((i) => [i.domain, i.domainSource, i.population, i.number, i.section])).toEqual([
      ['妇女与健康', 'structure', '妇女', '', ['一、主要目标实施情况', '（一）妇女与健康']],
      ['妇女与健康', 'structure', '妇女', '', ['一、主要目标实施情况', '（一）妇女与健康']],
      ['妇女与教育', 'structure', '妇女', '', ['一、主要目标实施情况', '（二）妇女与教育。']],
    ]);
  });

  it('gives numbered points under a field heading that field', () => {
    const items = parseReport('x', blocksOf('一、主要目标实施情况', '（一）妇女与健康', '1.' + health, '2.宫颈癌筛查工作持续推进，筛查人数逐年增加。', '（二）妇女与教育', '1.' + education));
    expect(items.map((i) => [i.domain, i.number, i.section.at(-1)])).toEqual([
      ['妇女与健康', '1', '（一）妇女与健康'],
      ['妇女与健康', '2', '（一）妇女与健康'],
      ['妇女与教育', '1', '（二）妇女与教育'],
    ]);
    // A `（三）` point after the `（二）` field heading is the field's sibling, not its point.
    const sibling = parseReport('x', blocksOf('一、主要工作', '（一）妇女与健康', health, '（二）强化组织领导。建立健全工作机制。'));
    expect(sibling.map((i) => [i.domain, i.number, i.section])).toEqual([
      ['妇女与健康', '', ['一、主要工作', '（一）妇女与健康']],
      [null, '（二）', ['一、主要工作']],
    ]);
  });

  it('reads `1.` points as `（一）` points where a section has no `（一）`', () => {
    const items = parseReport('x', blocksOf('一、主要工作', '1.' + health, '2.' + education));
    expect(items.map((i) => [i.number, i.title])).toEqual([['1', '妇女健康水平稳步提升'], ['2', '妇女受教育水平持续提高']]);
    expect(items[0]!.textStart).toBe(2);
  });

  it('reads a short section heading ending in a full stop, but not a list of one-sentence points', () => {
    const stopped = parseReport('x', blocksOf('一、主要工作及成效。', health, education, '二、存在的问题。', law, '专此报告。'));
    expect(stopped.map((i) => [i.section[0], i.number, i.title])).toEqual([
      ['一、主要工作及成效。', '', '妇女健康水平稳步提升'],
      ['一、主要工作及成效。', '', '妇女受教育水平持续提高'],
      ['二、存在的问题。', '二、', '存在的问题'],
    ]);
    const points = parseReport('x', blocksOf('一、存在的问题', '（一）部分指标进展缓慢。', '（二）基层力量薄弱。', '二、下一步打算', '一、加强统筹。', '二、强化保障。', '特此报告。'));
    // `一、加强统筹。` then `二、…`: one-sentence points, not sections, so they stay the section's paragraphs.
    expect(points.map((i) => [i.section[0], i.title])).toEqual([
      ['一、存在的问题', '部分指标进展缓慢'],
      ['一、存在的问题', '基层力量薄弱'],
      ['二、下一步打算', '一、加强统筹'],
      ['二、下一步打算', '二、强化保障'],
    ]);
  });

  it('reads `（一）` points of a report without section headings, after its preamble', () => {
    const items = parseReport('x', blocksOf(...head, '（一）' + health, '（二）' + education, ...closing));
    expect(items.map((i) => [i.number, i.title])).toEqual([['（一）', '妇女健康水平稳步提升'], ['（二）', '妇女受教育水平持续提高']]);
  });

  it('says so when it finds no section and no point, and publishes the text all the same', () => {
    const { items, notes } = recogniseReport('x', blocksOf(...head, health, education, ...closing));
    expect(items).toEqual([]);
    expect(notes.map((n) => n.code)).toEqual(['no-items']);
    expect(notes[0]!.message).toContain('未找到「一、」「二、」式的部分标题');
    expect(notes[0]!.message).toMatch(/^第 1–\d+ 行/);
  });
});
