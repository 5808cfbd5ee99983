import { describe, expect, it } from 'vitest';
import { decode } from '../../read/decode.ts';
import { normalise } from '../../read/normalise.ts';
import { ingestDocument } from '../../pipeline.ts';
import { SEED, SEEDS_DIR } from '../../testing/seeds.ts';
import type { Block, Item } from '../../types.ts';
import { parsePlan, recognisePlan } from './plan.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Blocks as the normaliser would give them for a rejoined plan: one paragraph each. */
function blocks(texts: string[]): Block[] {
  return texts.map((text, index) => ({ index, text, lineStart: index + 1, lineEnd: index + 1 }));
}

const summary = (items: Item[]) => items.map((i) => `${i.domain} ${i.kind} ${i.number}: ${i.text}`);

describe('parsePlan on small plans', () => {
  const plan = blocks([
    '阜新市儿童发展规划（2021—2030 年）',
    '一、指导思想、基本原则和总体目标',
    '（二）基本原则。',
    '1.坚持党的全面领导。把握儿童事业发展的政治方向。',
    '2.坚持儿童发展优先。',
    '二、发展领域、主要目标和策略措施',
    '（一）儿童与健康。',
    '主要目标：',
    '1.覆盖城乡的儿童健康服务体系更加完善。',
    '2.新生儿死亡率到 2025 年分别控制在 3.0‰以下。',
    '3.儿童健康生活方式基本普及。',
    '策略措施：',
    '1.健全儿童健康保障制度机制。将儿童健康融入经济社会发展政策。',
    '（1）一个子段落，属于措施 1。',
    '2.完善儿童健康服务体系。构建三级儿童健康服务网络。',
    '（七）儿童与法律。',
    '主要目标：',
    '1.保障儿童权益的法规政策体系更加完善。',
    '三、组织实施',
    '1.这不是目标。',
  ]);
  const items = parsePlan('doc', plan);

  it('reads goals and measures per domain, skipping numbered lists outside domains', () => {
    expect(summary(items)).toEqual([
      '儿童与健康 goal 1: 覆盖城乡的儿童健康服务体系更加完善。',
      '儿童与健康 goal 2: 新生儿死亡率到 2025 年分别控制在 3.0‰以下。',
      '儿童与健康 goal 3: 儿童健康生活方式基本普及。',
      '儿童与健康 measure 1: 健全儿童健康保障制度机制。将儿童健康融入经济社会发展政策。\n（1）一个子段落，属于措施 1。',
      '儿童与健康 measure 2: 完善儿童健康服务体系。构建三级儿童健康服务网络。',
      '儿童与法律保护 goal 1: 保障儿童权益的法规政策体系更加完善。',
    ]);
  });

  it('fills ids, titles, sections, block ranges and population', () => {
    const m1 = items.find((i) => i.kind === 'measure' && i.number === '1')!;
    expect(m1).toMatchObject({
      id: 'doc-children-health-m1',
      population: '儿童',
      domainSource: 'structure',
      title: '健全儿童健康保障制度机制',
      section: ['阜新市儿童发展规划（2021—2030 年）', '二、发展领域、主要目标和策略措施', '（一）儿童与健康。', '策略措施：'],
      leadDepartments: [],
      partnerDepartments: [],
      blockStart: 12,
      blockEnd: 13,
    });
    expect(items.map((i) => i.id)).toContain('doc-children-law-g1');
  });

  it('takes `6.3岁以下…` as goal 6 and a wrapped `3.4‰…` as no item', () => {
    const goals = parsePlan(
      'doc',
      blocks([
        '（一）儿童与健康。',
        '主要目标：',
        '1.一。',
        '2.二。',
        '3.新生儿、婴儿和 5 岁以下儿童死亡率到 2030 年分别控制在 2.3‰、',
        '3.4‰和 4.4‰以下，地区和城乡差距逐步缩小。',
        '4.四。',
        '5.五。',
        '6.3岁以下儿童系统管理率和7岁以下儿童保健管理率达到',
        '90%以上。',
        '7.七。',
      ]),
    );
    expect(goals.map((g) => g.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(goals[2]!.text).toBe('新生儿、婴儿和 5 岁以下儿童死亡率到 2030 年分别控制在 2.3‰、\n3.4‰和 4.4‰以下，地区和城乡差距逐步缩小。');
    expect(goals[5]!.text).toBe('3岁以下儿童系统管理率和7岁以下儿童保健管理率达到\n90%以上。');
  });

  it('does not take a wrapped `4.01‰` continuing an unfinished sentence as the expected item 4', () => {
    const goals = parsePlan(
      'doc',
      blocks(['（一）儿童与健康。', '主要目标：', '1.一。', '2.二。', '3.婴儿死亡率分别为', '4.01‰，远低于省目标。', '4.四。']),
    );
    expect(goals.map((g) => `${g.number}:${g.text}`)).toEqual(['1:一。', '2:二。', '3:婴儿死亡率分别为\n4.01‰，远低于省目标。', '4:四。']);
  });

  it('restarts numbering per domain and per list', () => {
    const ids = parsePlan(
      'doc',
      blocks(['（一）妇女与健康。', '主要目标：', '1.a。', '2.b。', '策略措施：', '1.c。', '（二）妇女与教育。', '主要目标：', '1.d。']),
    ).map((i) => i.id);
    expect(ids).toEqual(['doc-women-health-g1', 'doc-women-health-g2', 'doc-women-health-m1', 'doc-women-education-g1']);
  });

  it('returns raw ids, repeats included: the pipeline makes them unique, once', () => {
    // A domain printed twice (a plan and its excerpt in one file) gives its goal the same id twice.
    const text = ['（一）妇女与健康。', '主要目标：', '1.a。', '（一）妇女与健康。', '主要目标：', '1.a。'];
    expect(parsePlan('doc', blocks(text)).map((i) => i.id)).toEqual(['doc-women-health-g1', 'doc-women-health-g1']);
    const doc = ingestDocument('doc.txt', new TextEncoder().encode(text.join('\n\n')));
    expect(doc.kind).toBe('plan');
    expect(doc.items.map((i) => i.id)).toEqual(['doc-women-health-g1', 'doc-women-health-g1-2']);
  });
});

describe('parsePlan on layouts other than 001', () => {
  it('reads an excerpt whose measure list starts at 9, without goals', () => {
    const { items, notes } = recognisePlan('doc', blocks(['中国儿童发展纲要（2021—2030年）（节选）', '国发〔2021〕16号', '二、发展领域、主要目标和策略措施', '（四）儿童与福利。', '策略措施：', '9.九。', '10.十。', '11.十一。']));
    expect(summary(items)).toEqual(['儿童与福利 measure 9: 九。', '儿童与福利 measure 10: 十。', '儿童与福利 measure 11: 十一。']);
    expect(items[0]).toMatchObject({ id: 'doc-children-welfare-m9', population: '儿童', section: ['中国儿童发展纲要（2021—2030年）（节选）', '二、发展领域、主要目标和策略措施', '（四）儿童与福利。', '策略措施：'] });
    expect(notes).toEqual([]);
  });

  it('reads a first item printed on the line of its list heading, and a selection of numbers', () => {
    const list = blocks(['（二）儿童与安全', '策略措施： 2.乙。', '5.戊。', '9.壬，覆盖率提高到', '10.3%以上。', '11.癸。']);
    const items = parsePlan('doc', list);
    expect(items.map((i) => [i.number, i.text, i.section.at(-1)])).toEqual([['2', '乙。', '策略措施：'], ['5', '戊。'], ['9', '壬，覆盖率提高到\n10.3%以上。'], ['11', '癸。']].map(([n, t]) => [n, t, '策略措施：']));
    expect(list[1]!.text.slice(items[0]!.textStart)).toBe('乙。');
  });

  it('keeps a list in the numbering style of its first item', () => {
    const paren = parsePlan('doc', blocks(['儿童与安全', '策略措施', '（1）甲。', '1.甲的分项。', '（2）乙。']));
    expect(summary(paren)).toEqual(['儿童与安全 measure （1）: 甲。\n1.甲的分项。', '儿童与安全 measure （2）: 乙。']);
    const arabic = parsePlan('doc', blocks(['儿童与安全', '策略措施', '1、甲。', '（1）甲的分项。', '2、乙。']));
    expect(summary(arabic)).toEqual(['儿童与安全 measure 1: 甲。\n（1）甲的分项。', '儿童与安全 measure 2: 乙。']);
  });

  it('reads domain headings in any numbering, and 第X部分 / 第X章 as parts that end a domain', () => {
    const items = parsePlan('doc', blocks([
      '第二部分 发展领域、主要目标和策略措施', '一、妇女与健康', '主要目标：', '1.a。',
      '4. 妇女参与决策和管理', '策略措施：', '1.b。',
      '第三节 妇女与环境', '主要目标', '1.c。',
      '第三部分 组织实施', '策略措施：', '1.d。',
    ]));
    expect(summary(items)).toEqual(['妇女与健康 goal 1: a。', '妇女参与决策和管理 measure 1: b。', '妇女与环境 goal 1: c。', 'null measure 1: d。']);
  });

  it('reads Markdown headings: a domain heading holds until a heading as shallow as it', () => {
    const md = (text: string, depth: number): Block => ({ index: 0, text, lineStart: 1, lineEnd: 1, headingDepth: depth });
    const list = [md('某县儿童发展规划', 1), md('二、发展领域', 2), md('儿童与健康', 3), md('主要目标', 4), { text: '1. a。' }, md('专栏1 重点工程', 4), { text: '专栏文字。' }, { text: '2. b。' }, md('三、组织实施', 2), { text: '3. c。' }];
    const items = parsePlan('doc', list.map((b, index) => ({ lineStart: index + 1, lineEnd: index + 1, ...b, index })));
    // The 专栏 heading ends goal 1; goal 2 is still the domain's; 三、 ends the domain.
    expect(summary(items)).toEqual(['儿童与健康 goal 1: a。', '儿童与健康 goal 2: b。']);
  });

  it('gives a list outside any domain items without a domain, and says so', () => {
    const { items, notes } = recognisePlan('doc', blocks(['中国妇女发展纲要（节选）', '策略措施：', '3.c。', '4.d。']));
    expect(items.map((i) => [i.id, i.domain, i.domainSource, i.population])).toEqual([
      ['doc-unclassified-m3', null, null, '妇女'],
      ['doc-unclassified-m4', null, null, '妇女'],
    ]);
    expect(notes.map((n) => [n.code, n.block])).toEqual([['list-without-domain', 1]]);
  });

  it('says why it found nothing: no list heading, or lists without numbered items', () => {
    const none = recognisePlan('doc', blocks(['某市儿童发展规划', '儿童与健康', '加强保障。']));
    expect(none.items).toEqual([]);
    expect(none.notes.map((n) => n.code)).toEqual(['no-items']);
    expect(none.notes[0]!.message).toContain('未找到「主要目标」或「策略措施」标题');
    const empty = recognisePlan('doc', blocks(['儿童与健康', '策略措施：', '加强保障。', '儿童与安全', '主要目标：', '1.a。']));
    expect(empty.items).toHaveLength(1);
    expect(empty.notes.map((n) => [n.code, n.block])).toEqual([['empty-list', 1]]);
  });
});

/**
 * Expected counts for 001, counted by hand in seeds/001_6e786ead64a8a593.txt: for each
 * `（N）domain` heading, the last number of the list after `主要目标：` (goals) and after
 * `策略措施：` (measures), having checked with
 * `grep -nE '^ ?[0-9]+\.' seeds/001_…txt` that each list runs 1, 2, … without gaps (the only
 * extra line-start number inside a list is the wrapped `3.4‰和 4.4‰以下` at line 2573).
 */
const FUXIN_COUNTS: Record<string, [goals: number, measures: number]> = {
  妇女与健康: [12, 13],
  妇女与教育: [11, 14],
  妇女与经济: [11, 15],
  妇女参与决策和管理: [11, 10],
  妇女与社会保障: [9, 11],
  妇女与家庭建设: [9, 10],
  妇女与环境: [9, 12],
  妇女与法律: [9, 13],
  儿童与健康: [14, 16],
  儿童与安全: [10, 12],
  儿童与教育: [9, 13],
  儿童与福利: [10, 13],
  儿童与家庭: [8, 9],
  儿童与环境: [10, 12],
  儿童与法律保护: [10, 14],
};

describe('parsePlan on the 阜新 plans (001)', () => {
  const docId = '001_6e786ead64a8a593';
  const { blocks: docBlocks } = normalise(decode(readFileSync(path.join(SEEDS_DIR, SEED.fuxinPlans))).text);
  const items = parsePlan(docId, docBlocks);
  const byId = new Map(items.map((i) => [i.id, i]));

  it('finds every goal and measure of every domain of both plans', () => {
    const counts: Record<string, [number, number]> = {};
    for (const item of items) {
      const c = (counts[item.domain!] ??= [0, 0]);
      c[item.kind === 'goal' ? 0 : 1]++;
    }
    expect(counts).toEqual(FUXIN_COUNTS);
  });

  it('numbers each list 1…n in order', () => {
    for (const domain of Object.keys(FUXIN_COUNTS)) {
      for (const kind of ['goal', 'measure'] as const) {
        const numbers = items.filter((i) => i.domain === domain && i.kind === kind).map((i) => Number(i.number));
        expect(numbers, `${domain} ${kind}`).toEqual(numbers.map((_, k) => k + 1));
      }
    }
  });

  it('takes population from the plan it is in', () => {
    for (const item of items) expect(item.population).toBe(item.domain!.startsWith('妇女') ? '妇女' : '儿童');
    expect(items.filter((i) => i.population === '妇女').every((i) => i.section[0] === '阜新市妇女发展规划（2021—2030 年）')).toBe(true);
    expect(items.filter((i) => i.population === '儿童').every((i) => i.section[0] === '阜新市儿童发展规划（2021—2030 年）')).toBe(true);
  });

  it('survives the numbering traps', () => {
    const g = (n: number) => byId.get(`${docId}-children-health-g${n}`)!;
    expect(g(6).text.startsWith('3岁以下儿童系统管理率')).toBe(true);
    expect(g(9).text.startsWith('5岁以下儿童贫血率')).toBe(true);
    // The wrapped `3.4‰和 4.4‰以下` stays inside goal 3; goal 4 is the next numbered goal.
    expect(g(3).text).toContain('3.4‰和 4.4‰以下，地区和城乡差距逐步缩小');
    expect(g(4).text.startsWith('覆盖婚前、孕前、孕期、新生儿和儿童各阶段的出生缺陷')).toBe(true);
    // `4.01‰，远低于…` in the children's plan preface is no item, nor are 基本原则 1.–5.
    expect(items.some((i) => i.text.startsWith('01‰'))).toBe(false);
    expect(items.some((i) => i.text.startsWith('坚持党的全面领导'))).toBe(false);
  });

  it('gives measures their title sentence and keeps the ids other stages rely on', () => {
    const m4 = byId.get(`${docId}-women-health-m4`)!;
    expect(m4).toMatchObject({ kind: 'measure', number: '4', title: '加强母婴安全保障', domain: '妇女与健康' });
    expect(m4.text.startsWith('加强母婴安全保障。实施母婴安全行动提升计划')).toBe(true);
    expect(byId.get(`${docId}-children-law-m14`)?.title).toBe('有效预防未成年人违法犯罪');
    expect(byId.get(`${docId}-women-health-g3`)?.title).toBe('妇女常见病防治力度不断加大');
  });

  it('gives every item a non-empty text and title, structural domain and no departments', () => {
    for (const item of items) {
      expect(item.text.trim(), item.id).not.toBe('');
      expect(item.title.trim(), item.id).not.toBe('');
      expect(item.domainSource).toBe('structure');
      expect(item.leadDepartments).toEqual([]);
      expect(item.partnerDepartments).toEqual([]);
    }
  });

  it('gives unique ids that are the same on a second parse', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(parsePlan(docId, docBlocks).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it('is lossless: each domain section is its items, heading lines aside', () => {
    for (const domain of Object.keys(FUXIN_COUNTS)) {
      const own = items.filter((i) => i.domain === domain);
      const covered = new Set(own.flatMap((i) => range(i.blockStart, i.blockEnd)));
      // From the first goal to the last measure, every block is an item's, or is the
      // `策略措施：` heading between the two lists.
      const first = Math.min(...own.map((i) => i.blockStart));
      const last = Math.max(...own.map((i) => i.blockEnd));
      const uncovered = range(first, last).filter((k) => !covered.has(k)).map((k) => docBlocks[k]!.text);
      expect(uncovered, domain).toEqual(['策略措施：']);
      // And an item's text is exactly its blocks, less the printed number.
      for (const item of own) {
        const source = docBlocks.slice(item.blockStart, item.blockEnd + 1).map((b) => b.text).join('\n');
        expect(source.replace(/^\s*[0-9]+[.．、]\s*/, ''), item.id).toBe(item.text);
      }
      // The last measure ends where the next heading starts.
      const next = docBlocks[last + 1]!.text;
      expect(/^(（[一二三四五六七八]）|三、)/.test(next), `${domain}: after the last measure comes ${next}`).toBe(true);
    }
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

describe('parsePlan: headings against items', () => {
  it('keeps a measure that starts with a domain name an item, and an exact domain name the list expects by number', () => {
    const items = parsePlan('doc', blocks([
      '（五）儿童与家庭。', '策略措施：',
      '1.甲。', '2.乙。', '3.丙。',
      // Starts with a domain name but holds more: no heading whatever its number.
      '4.儿童与家庭教育指导服务体系更加完善。',
      // Only a domain name, but numbered as the list's items with the number it expects next,
      // while domain headings are numbered （五）: a title-only measure, its body below.
      '5.儿童与环境',
      '优化儿童成长环境。',
      '（六）儿童与环境。', '主要目标：', '1.丁。',
    ]));
    expect(summary(items)).toEqual([
      '儿童与家庭 measure 1: 甲。',
      '儿童与家庭 measure 2: 乙。',
      '儿童与家庭 measure 3: 丙。',
      '儿童与家庭 measure 4: 儿童与家庭教育指导服务体系更加完善。',
      '儿童与家庭 measure 5: 儿童与环境\n优化儿童成长环境。',
      '儿童与环境 goal 1: 丁。',
    ]);
  });

  it('reads `N. 领域` as the next domain when domains are numbered like items', () => {
    const items = parsePlan('doc', blocks(['1.妇女与健康', '策略措施：', '1.甲。', '2.妇女与教育', '策略措施：', '1.乙。', '2.丙。', '3.妇女与经济', '主要目标：', '1.丁。']));
    expect(summary(items)).toEqual(['妇女与健康 measure 1: 甲。', '妇女与教育 measure 1: 乙。', '妇女与教育 measure 2: 丙。', '妇女与经济 goal 1: 丁。']);
  });

  it('reads `第三章 儿童与健康` as a domain where 第X章 are the parts too, and `第十章 组织实施` as the part after them', () => {
    const { items, notes } = recognisePlan('doc', blocks([
      '某市儿童发展规划（2021—2030年）', '第一章 指导思想、基本原则和总体目标', '1.坚持党的全面领导。',
      '第二章 儿童与健康', '第一节 主要目标', '1.甲。', '第二节 策略措施', '1.乙。',
      '第三章 儿童与安全', '第一节 主要目标', '1.丙。',
      '第十章 组织实施', '1.这不是目标。', '2.也不是。',
    ]));
    expect(summary(items)).toEqual(['儿童与健康 goal 1: 甲。', '儿童与健康 measure 1: 乙。', '儿童与安全 goal 1: 丙。']);
    expect(items[0]!.section).toEqual(['某市儿童发展规划（2021—2030年）', '第一章 指导思想、基本原则和总体目标', '第二章 儿童与健康', '第一节 主要目标']);
    expect(notes).toEqual([]);
  });

  it('reads a domain heading that names its lists too (`第二章 妇女与健康领域主要目标和策略措施`)', () => {
    const items = parsePlan('doc', blocks(['第一章 总体要求', '第二章 妇女与健康领域主要目标和策略措施', '主要目标', '1.甲。', '第三章 妇女与教育的目标和措施', '策略措施', '1.乙。', '第四章 组织实施', '1.丙。']));
    expect(summary(items)).toEqual(['妇女与健康 goal 1: 甲。', '妇女与教育 measure 1: 乙。']);
  });

  it('ends a domain at an unnumbered part title (`组织实施`), so its numbered paragraphs join no measure', () => {
    const items = parsePlan('doc', blocks(['妇女与健康', '策略措施', '1.甲。', '2.乙。', '组织实施', '（一）坚持党的全面领导。', '1.落实责任。', '监测评估。', '3.丙。']));
    expect(summary(items)).toEqual(['妇女与健康 measure 1: 甲。', '妇女与健康 measure 2: 乙。']);
    // Part titles joined (`组织实施和监测评估`) are a part too; a sentence naming one is not.
    const joined = parsePlan('doc', blocks(['妇女与健康', '策略措施', '1.甲。', '加强组织领导。', '2.乙。', '组织实施和监测评估', '3.丙。']));
    expect(summary(joined)).toEqual(['妇女与健康 measure 1: 甲。\n加强组织领导。', '妇女与健康 measure 2: 乙。']);
    // Numbered as the list's next item, a part title is still the part.
    const arabic = parsePlan('doc', blocks(['4.妇女与健康', '策略措施', '1.甲。', '2.乙。', '3.组织实施', '（1）落实责任。']));
    expect(summary(arabic)).toEqual(['妇女与健康 measure 1: 甲。', '妇女与健康 measure 2: 乙。']);
  });

  it('reads 保障措施 as a domain\'s measure list, and as the part of that name once the domain has its measures', () => {
    const items = parsePlan('doc', blocks(['（一）妇女与健康', '主要目标', '1.甲。', '保障措施', '1.乙。', '（二）妇女与教育', '主要目标：', '1.丙。', '策略措施：', '1.丁。', '四、保障措施', '1.不是措施。']));
    expect(summary(items)).toEqual(['妇女与健康 goal 1: 甲。', '妇女与健康 measure 1: 乙。', '妇女与教育 goal 1: 丙。', '妇女与教育 measure 1: 丁。']);
    const outside = recognisePlan('doc', blocks(['某县妇女发展规划', '保障措施', '1.加强领导。']));
    expect(outside.items).toEqual([]);
  });

  it('joins a domain name broken over two blocks (`（四）妇女参与决策和` + `管理。`)', () => {
    const list = blocks(['（三）妇女与经济。', '主要目标：', '1.甲。', '（四）妇女参与决策和', '管理。', '主要目标：', '1.乙。']);
    const items = parsePlan('doc', list);
    expect(summary(items)).toEqual(['妇女与经济 goal 1: 甲。', '妇女参与决策和管理 goal 1: 乙。']);
    expect(items[1]!.section).toEqual(['（四）妇女参与决策和管理。', '主要目标：']);
  });

  it('takes the population from each domain under a title for both plans (`…妇女儿童发展规划`)', () => {
    const items = parsePlan('doc', blocks(['某县妇女儿童发展规划（2021—2030年）', '（一）妇女与健康', '主要目标：', '1.甲。', '（九）儿童与健康', '主要目标：', '1.乙。']));
    expect(items.map((i) => [i.domain, i.population])).toEqual([['妇女与健康', '妇女'], ['儿童与健康', '儿童']]);
  });

  it('reads a plan title in 书名号 and in Markdown bold', () => {
    for (const title of ['《某县儿童发展规划（2021—2030年）》', '**某县儿童发展规划（2021—2030年）**']) {
      const items = parsePlan('doc', blocks([title, '一、指导思想', '（一）妇女与健康', '主要目标：', '1.甲。']));
      // The title resets the part; the population is the title's, not the domain's.
      expect(items.map((i) => [i.population, i.section[0]])).toEqual([['儿童', title]]);
    }
  });
});

describe('parsePlan: a heading shaped like a domain\'s that names none of the 15', () => {
  it('keeps its lists from the domain above, infers their domains, and tells the editor where', () => {
    const { items, notes } = recognisePlan('doc', blocks(['（二）妇女与教育', '主要目标：', '1.甲。', '（三）妇女与经济发展', '主要目标：', '1.乙。', '2.妇女与儿童同步发展。', '（四）妇女参与决策和管理', '主要目标：', '1.丙。']));
    expect(items.map((i) => [i.domain, i.number, i.section[0]])).toEqual([
      ['妇女与教育', '1', '（二）妇女与教育'],
      [null, '1', '（三）妇女与经济发展'],
      [null, '2', '（三）妇女与经济发展'],
      ['妇女参与决策和管理', '1', '（四）妇女参与决策和管理'],
    ]);
    expect(notes.map((n) => [n.code, n.block])).toEqual([['unknown-domain', 3]]);
    expect(notes[0]!.message).toBe('第 4 行的标题「（三）妇女与经济发展」像发展领域标题，但不是 15 个发展领域之一，其下条目的领域将按文字推断；如它是某一领域的另一种写法，请把标题改为该领域的规范名称（如「妇女与经济」）');
  });

  it('takes only a heading with a list heading next for such a heading', () => {
    const { items, notes } = recognisePlan('doc', blocks(['前言', '儿童与家庭教育', '家庭是儿童成长的第一个课堂。', '（一）儿童与健康', '主要目标：', '1.甲。']));
    expect(items.map((i) => i.domain)).toEqual(['儿童与健康']);
    expect(notes).toEqual([]);
  });

  it('takes no numbered item or sentence for such a heading', () => {
    const { items, notes } = recognisePlan('doc', blocks(['（一）妇女与健康', '主要目标：', '1.甲。', '2.妇女与儿童同步发展', '3.妇女与健康服务更加完善', '妇女与社会各界共同参与，形成合力。']));
    expect(items.map((i) => [i.domain, i.number])).toEqual([['妇女与健康', '1'], ['妇女与健康', '2'], ['妇女与健康', '3']]);
    expect(notes).toEqual([]);
  });
});
