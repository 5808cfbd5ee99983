import { beforeAll, describe, expect, it } from 'vitest';
import { seedKb } from '../../testing/seed-kb.ts';
import type { Item, KnowledgeBase } from '../../types.ts';
import { extractTargets, type ExtractedTarget } from './extract.ts';
import { foldFigures } from './fold.ts';

/** A target as a short row: indicator, comparator, value(—max) unit, year. */
const row = (t: ExtractedTarget) => `${t.indicator} ${t.comparator} ${t.value}${t.valueMax === null ? '' : `—${t.valueMax}`}${t.unit} ${t.year ?? '-'}`;
const rows = (text: string, statesAims = true) => extractTargets(text, { statesAims }).map(row);

let kb: KnowledgeBase;
let items: Map<string, Item>;
beforeAll(() => {
  kb = seedKb();
  items = new Map(kb.documents.flatMap((d) => d.items.map((i) => [i.id, i] as const)));
});
const FUXIN = '001_6e786ead64a8a593';
const DAAN = '003_89b52d1760550c11';
const seed = (id: string) => {
  const item = items.get(id);
  if (!item) throw new Error(`no item ${id} in the seeds`);
  return rows(item.text);
};

describe('the real quantified goals of 阜新 (seed 001)', () => {
  it('妇女与健康', () => {
    expect(seed(`${FUXIN}-women-health-g2`)).toEqual(['孕产妇死亡率 atMost 10.5/10万 2025', '孕产妇死亡率 atMost 10/10万 2030']);
    expect(seed(`${FUXIN}-women-health-g4`)).toEqual(['宫颈癌人群筛查率 atLeast 70% -']);
    expect(seed(`${FUXIN}-women-health-g6`)).toEqual([
      '孕产妇艾滋病、梅毒和乙肝检测率 atLeast 98% -',
      '艾滋病、梅毒孕产妇感染者治疗率 atLeast 95% -',
      '艾滋病母婴传播率 atMost 2% -',
    ]);
    // Two target years, one value, each against its own baseline year (not a target year).
    expect(seed(`${FUXIN}-women-health-g7`)).toEqual(['妇女营养健康知识知晓率 increaseBy 10% 2025', '妇女营养健康知识知晓率 increaseBy 10% 2030']);
    expect(seed(`${FUXIN}-women-health-g8`)).toEqual(['孕妇贫血率 atMost 10% 2030']);
    expect(seed(`${FUXIN}-women-health-g11`)).toEqual(['妇女经常参加体育锻炼的人数比例 atLeast 48% -']);
  });

  it('儿童与健康: 分别 lists, two years in one sentence, full-width ％', () => {
    expect(seed(`${FUXIN}-children-health-g3`)).toEqual([
      '新生儿死亡率 atMost 3‰ 2025',
      '婴儿死亡率 atMost 4.5‰ 2025',
      '5岁以下儿童死亡率 atMost 5.5‰ 2025',
      '新生儿死亡率 atMost 2.3‰ 2030',
      '婴儿死亡率 atMost 3.4‰ 2030',
      '5岁以下儿童死亡率 atMost 4.4‰ 2030',
      '新生儿遗传代谢病筛查率 atLeast 98% -',
      '新生儿听力障碍筛查率 atLeast 95% -',
      '新生儿先天性心脏病筛查率 atLeast 85% -',
    ]);
    expect(seed(`${FUXIN}-children-health-g4`)).toEqual(['严重多发致残的出生缺陷发生率 atMost 11/万 -']);
    expect(seed(`${FUXIN}-children-health-g6`)).toEqual(['3岁以下儿童系统管理率 atLeast 90% -', '7岁以下儿童健康管理率 atLeast 90% -']);
    expect(seed(`${FUXIN}-children-health-g7`)).toEqual(['适龄儿童免疫规划疫苗接种率 atLeast 90% -']);
    expect(seed(`${FUXIN}-children-health-g8`)).toEqual(['6个月内婴儿纯母乳喂养率 atLeast 60% -']);
    expect(seed(`${FUXIN}-children-health-g9`)).toEqual(['5岁以下儿童贫血率 atMost 10% -', '5岁以下儿童生长迟缓率 atMost 5% -', '12岁儿童龋患率 atMost 25% -']);
    expect(seed(`${FUXIN}-children-health-g11`)).toEqual([
      '儿童青少年总体近视率 decreaseBy 0.5—1个百分点 -',
      '0—6岁儿童眼保健和视力检查覆盖率 atLeast 90% -',
      '小学生近视率 atMost 38% -',
      '初中生近视率 atMost 60% -',
      '高中阶段学生近视率 atMost 70% -',
    ]);
    expect(seed(`${FUXIN}-children-health-g12`)).toEqual(['中小学生体质健康标准达标优良率 atLeast 60% -']);
    expect(seed(`${FUXIN}-children-health-g13`)).toEqual(['配备专兼职心理健康工作人员的中小学校比例 atLeast 95% -']);
  });

  it('儿童与健康 measures: per-thousand resources, hours, a second subject that names only what differs', () => {
    expect(seed(`${FUXIN}-children-health-m2`)).toEqual(['每千名儿童儿科执业（助理）医师数 atLeast 1.12名 -', '每千名儿童儿科床位数 atLeast 3.17张 -']);
    expect(seed(`${FUXIN}-children-health-m13`)).toEqual([
      '中小学体育与健康课程开课率 atLeast 100% -',
      '中小学生每天校内体育活动时间 atLeast 1小时 -',
      '小学生每天睡眠时间 atLeast 10小时 -',
      '初中生每天睡眠时间 atLeast 9小时 -',
      '高中生每天睡眠时间 atLeast 8小时 -',
    ]);
  });
});

describe('the real quantified goals of 大安 (seed 003)', () => {
  it('妇女与健康', () => {
    expect(seed(`${DAAN}-women-health-g2`)).toEqual(['孕产妇死亡率 atMost 12/10万 -']);
    expect(seed(`${DAAN}-women-health-g3`)).toEqual(['宫颈癌人群筛查率 atLeast 70% -']);
    expect(seed(`${DAAN}-women-health-g5`)).toEqual(['艾滋病母婴传播率 atMost 2% -']);
    expect(seed(`${DAAN}-women-health-m4`)).toEqual(['孕产妇系统管理率 atLeast 90% -']);
  });

  it('儿童与健康', () => {
    expect(seed(`${DAAN}-children-health-g3`)).toEqual(['新生儿死亡率 atMost 3‰ -', '婴儿死亡率 atMost 4‰ -', '5岁以下儿童死亡率 atMost 5‰ -']);
    expect(seed(`${DAAN}-children-health-g6`)).toEqual(['适龄儿童免疫规划疫苗接种率 atLeast 95% -']);
    expect(seed(`${DAAN}-children-health-g8`)).toEqual(['5岁以下儿童贫血率 atMost 10% -', '5岁以下儿童生长迟缓率 atMost 5% -']);
    expect(seed(`${DAAN}-children-health-g10`)).toEqual(['中小学生体质健康标准达标优良率 atLeast 60% -']);
    expect(seed(`${DAAN}-children-health-m2`)).toEqual(['每千名儿童儿科执业（助理）医师数 atLeast 1.05名 -', '每千名儿童儿科床位数 atLeast 2.8张 -']);
  });

  it('names the same indicators as 阜新 does, though worded differently', () => {
    const names = (doc: string) => new Set([...items.values()].filter((i) => i.docId === doc).flatMap((i) => extractTargets(i.text).map((t) => t.indicator)));
    const shared = [...names(FUXIN)].filter((n) => names(DAAN).has(n));
    for (const n of ['孕产妇死亡率', '宫颈癌人群筛查率', '婴儿死亡率', '适龄儿童免疫规划疫苗接种率', '中小学生体质健康标准达标优良率', '7岁以下儿童健康管理率', '高中阶段毛入学率', '村委会成员中女性比例']) {
      expect(shared).toContain(n);
    }
  });
});

describe('every target on the seeds', () => {
  it('keeps its phrase exactly as the item text has it, with its value in it', () => {
    let n = 0;
    for (const item of items.values()) {
      for (const t of extractTargets(item.text)) {
        n++;
        expect(item.text.slice(t.start, t.start + t.text.length), item.id).toBe(t.text);
        // The value as digits: `百分之百` reads as 100.
        expect(foldFigures(t.text).text.normalize('NFKC').replace(/\s+/g, ''), item.id).toContain(String(t.value));
      }
    }
    expect(n).toBeGreaterThan(100);
  });
});

describe('unseen variants', () => {
  it('reads full-width digits and signs, and cuts the phrase from the original text', () => {
    const text = '孕产妇死亡率控制在１２／１０万以下，宫颈癌人群筛查率达到７０％以上。';
    const ts = extractTargets(text);
    expect(ts.map(row)).toEqual(['孕产妇死亡率 atMost 12/10万 -', '宫颈癌人群筛查率 atLeast 70% -']);
    expect(ts[0]!.text).toBe('孕产妇死亡率控制在１２／１０万以下');
  });

  it('不低于, 不高于, 保持在…以上, 保持在 without a qualifier, 左右', () => {
    expect(rows('高中阶段毛入学率不低于92%。')).toEqual(['高中阶段毛入学率 atLeast 92% -']);
    expect(rows('孕妇贫血率不高于10%。')).toEqual(['孕妇贫血率 atMost 10% -']);
    expect(rows('九年义务教育巩固率保持在96%以上。')).toEqual(['九年义务教育巩固率 atLeast 96% -']);
    expect(rows('学前教育毛入园率保持在90%。')).toEqual(['学前教育毛入园率 hold 90% -']);
    expect(rows('就业人员中女性比例保持在45%左右。')).toEqual(['就业人员中女性比例 about 45% -']);
  });

  it('a range, a change per year, and 降低 as well as 下降', () => {
    expect(rows('儿童青少年总体近视率每年降低0.5—1个百分点。')).toEqual(['儿童青少年总体近视率 decreaseBy 0.5—1个百分点 -']);
    expect(rows('儿童总体近视率力争每年下降0.5-1个百分点。')).toEqual(['儿童青少年总体近视率 decreaseBy 0.5—1个百分点 -']);
  });

  it('two target years in one sentence, with the values paired by 分别', () => {
    expect(rows('孕产妇死亡率到2025年和2030年分别控制在11/10万和10/10万以下。')).toEqual(['孕产妇死亡率 atMost 11/10万 2025', '孕产妇死亡率 atMost 10/10万 2030']);
    // A clause without a name continues the last one, across ，and ；but not across 。
    expect(rows('到2025年，婴儿死亡率降至5‰以下；到2030年，降至4.5‰以下。')).toEqual(['婴儿死亡率 atMost 5‰ 2025', '婴儿死亡率 atMost 4.5‰ 2030']);
    expect(rows('到2025年，婴儿死亡率降至5‰以下。到2030年，降至4.5‰以下。')).toEqual(['婴儿死亡率 atMost 5‰ 2025']);
    expect(rows('到2025年，婴儿死亡率降至5‰以下，到2030年降至4.5‰以下。')).toEqual(['婴儿死亡率 atMost 5‰ 2025', '婴儿死亡率 atMost 4.5‰ 2030']);
  });

  it('a 分别 list whose first names lack the measure the last one names, with a target year', () => {
    expect(rows('到2030年，宫颈癌和乳腺癌人群筛查率分别达到70%和60%以上。')).toEqual(['宫颈癌人群筛查率 atLeast 70% 2030', '乳腺癌人群筛查率 atLeast 60% 2030']);
    expect(rows('女性人均预期寿命达到80岁以上。')).toEqual(['女性人均预期寿命 atLeast 80岁 -']);
    expect(rows('村（居）委会成员中女性比例提高至35%。')).toEqual(['村（居）委会成员中女性比例 atLeast 35% -']);
  });

  it('a county plan naming its own per-thousand indicators', () => {
    expect(rows('每千人口拥有3岁以下婴幼儿托位数达到4.5个。')).toEqual(['每千人口3岁以下婴幼儿托位数 atLeast 4.5个 -']);
  });

  it('marks a monitoring report\'s values as reached, not targets', () => {
    expect(rows('2023年全市孕产妇死亡率为8.6/10万，婴儿死亡率为2.1‰。', false)).toEqual(['孕产妇死亡率 reached 8.6/10万 2023', '婴儿死亡率 reached 2.1‰ 2023']);
    // Even in a plan: 为 with a past year is a value reached; 已 too.
    expect(rows('2020年全市孕产妇死亡率为8.6/10万。')).toEqual(['孕产妇死亡率 reached 8.6/10万 2020']);
    expect(rows('学前教育毛入园率已达到93%。')).toEqual(['学前教育毛入园率 reached 93% -']);
    // A report that states an aim keeps it a target.
    expect(rows('到2025年，全区孕产妇系统管理率要达到92%以上。', false)).toEqual(['孕产妇系统管理率 atLeast 92% 2025']);
  });

  it('does not read ages, durations, counts of things or a share of what a verb acts on as targets', () => {
    expect(rows('加强35—45岁妇女宫颈癌筛查。')).toEqual([]);
    expect(rows('服务覆盖90%的社区。')).toEqual([]);
    expect(rows('到2025年，作业总量和时长、考试次数、成绩呈现等指标100%完成。')).toEqual([]);
    expect(rows('每个乡镇至少办好1所公办中心幼儿园。用人单位每年为女职工安排1次妇科检查。')).toEqual([]);
    expect(rows('加强0—6岁儿童健康管理工作，普及6月龄以上儿童合理添加辅食的知识。')).toEqual([]);
  });

  it('tells the editor about a list it cannot pair, instead of guessing', () => {
    const warnings: string[] = [];
    const ts = extractTargets('新生儿和婴儿死亡率分别控制在3‰、4‰和5‰以下。', { statesAims: true, warn: (m) => warnings.push(m) });
    expect(ts).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('3 个数值');
  });
});

describe('the constructions issue 16 names, worded as other documents word them', () => {
  it('noun–number lists: the measure after the list or before it, other groups', () => {
    expect(rows('确保每天小学生10小时、初中生9小时睡眠时间。')).toEqual(['小学生每天睡眠时间 atLeast 10小时 -', '初中生每天睡眠时间 atLeast 9小时 -']);
    expect(rows('每天睡眠时间小学生不少于10小时、初中生不少于9小时。')).toEqual(['小学生每天睡眠时间 atLeast 10小时 -', '初中生每天睡眠时间 atLeast 9小时 -']);
    expect(rows('近视率小学生38%以下、初中生60%以下。')).toEqual(['近视率小学生 atMost 38% -', '近视率初中生 atMost 60% -']);
    // Counts of people by group name no measure: not an indicator.
    expect(rows('培训小学生100人、初中生90人。')).toEqual([]);
  });

  it('figures before their noun, Chinese numerals among them', () => {
    expect(rows('八成以上的行政村建立儿童之家。')).toEqual(['建立儿童之家的行政村比例 atLeast 80% -']);
    expect(rows('百分之九十五的乡镇（街道）设立未成年人保护工作站。')).toEqual(['设立未成年人保护工作站的乡镇（街道）比例 atLeast 95% -']);
    expect(rows('到2025年，不低于60%的中小学校开设心理健康课程。')).toEqual(['开设心理健康课程的中小学校比例 atLeast 60% 2025']);
    const ts = extractTargets('百分之九十五的乡镇（街道）设立未成年人保护工作站。');
    expect(ts[0]!.text).toBe('百分之九十五的乡镇（街道）设立未成年人保护工作站');
  });

  it('Chinese numerals after a verb, with their phrase cut from the source', () => {
    expect(rows('孕产妇系统管理率达到百分之九十以上，婴儿死亡率控制在千分之五以下。')).toEqual(['孕产妇系统管理率 atLeast 90% -', '婴儿死亡率 atMost 5‰ -']);
    expect(rows('儿童青少年总体近视率每年降低零点五个百分点。')).toEqual(['儿童青少年总体近视率 decreaseBy 0.5个百分点 -']);
    expect(rows('孕产妇死亡率控制在十万分之十二以下。')).toEqual(['孕产妇死亡率 atMost 12/10万 -']);
    expect(extractTargets('学前教育毛入园率达到九成。')[0]!.text).toBe('学前教育毛入园率达到九成');
    // An idiom is not a figure.
    expect(rows('政策一成不变。')).toEqual([]);
  });

  it('baselines: the base year is not a target year and not part of the name', () => {
    expect(rows('到2030年，儿童伤害死亡率比2020年下降20%。')).toEqual(['儿童伤害死亡率 decreaseBy 20% 2030']);
    expect(rows('5岁以下儿童死亡率较2020年降低15%。')).toEqual(['5岁以下儿童死亡率 decreaseBy 15% -']);
  });

  it('ranges with the unit on both ends', () => {
    expect(rows('就业人员中女性比例保持在40%—45%。')).toEqual(['就业人员中女性比例 hold 40—45% -']);
  });

  it('a monitoring report: levels reached with their year, changes as changes', () => {
    const report = (text: string) => rows(text, false);
    expect(report('2023年，全市孕产妇死亡率为9.1/10万，比上年下降10.6%。')).toEqual(['孕产妇死亡率 reached 9.1/10万 2023', '孕产妇死亡率 decreasedBy 10.6% 2023']);
    expect(report('全市学前教育毛入园率较上年提高1.5个百分点，达到93.2%。')).toEqual(['学前教育毛入园率 increasedBy 1.5个百分点 -', '学前教育毛入园率 reached 93.2% -']);
    expect(report('婴儿死亡率由2020年的4.8‰下降到2023年的3.6‰。')).toEqual(['婴儿死亡率 reached 3.6‰ 2023']);
    // `下降0.8个百分点` is a change, never a level reached of 0.8.
    expect(report('全市儿童青少年总体近视率下降0.8个百分点。')).toEqual(['儿童青少年总体近视率 decreasedBy 0.8个百分点 -']);
  });
});

describe('a clause that names only a suffix takes its subject from its sentence', () => {
  it('from the catalogue: the indicator ending so whose other words the sentence holds', () => {
    expect(rows('开展0—6岁儿童眼保健和视力检查，覆盖率达到95%。')).toEqual(['0—6岁儿童眼保健和视力检查覆盖率 atLeast 95% -']);
    expect(rows('广泛普及乳腺癌、宫颈癌防治知识，群众知晓率不低于85%。')).toEqual(['宫颈癌和乳腺癌防治知识知晓率 atLeast 85% -']);
    // The subject as written stays what the page shows as 原文写法.
    expect(extractTargets('开展0—6岁儿童眼保健和视力检查，覆盖率达到95%。')[0]!.subject).toBe('覆盖率');
  });

  it('outside the catalogue: the object of the clause before', () => {
    expect(rows('全面推进儿童之家建设工作，覆盖率达到95%以上。')).toEqual(['儿童之家建设覆盖率 atLeast 95% -']);
    // Nothing before it to take a subject from: the suffix stays, and the ingest reports it as unknown.
    expect(rows('覆盖率达到95%以上。')).toEqual(['覆盖率 atLeast 95% -']);
  });
});

describe('kin of the constructions: ratios, counts before their noun, a clause naming where', () => {
  it('a ratio, and a later clause that names where it applies', () => {
    expect(rows('男女厕位比例不低于2:1。')).toEqual(['女性厕位与男性厕位比例 atLeast 2:1 -']);
    expect(rows('女性厕位与男性厕位的比例至少为3:2，人流量较大的场所提高到2:1。')).toEqual([
      '女性厕位与男性厕位比例 atLeast 3:2 -',
      '女性厕位与男性厕位的比例（人流量较大的场所） atLeast 2:1 -',
    ]);
  });

  it('so many places that do something, by year', () => {
    expect(rows('到2024年，全县至少5所中小学建成心理辅导室，到2026年全县至少8所中小学建成心理辅导室。')).toEqual([
      '建成心理辅导室的中小学数 atLeast 5所 2024',
      '建成心理辅导室的中小学数 atLeast 8所 2026',
    ]);
    // A count after its verb is an action, not an indicator.
    expect(rows('每个乡镇建设1所儿童之家。')).toEqual([]);
  });
});
