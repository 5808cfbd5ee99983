/**
 * The curated catalogue of indicators (指标目录): the quantified main goals of the national
 * outlines (中国妇女发展纲要 and 中国儿童发展纲要, 2021—2030) and the statistics their monitoring
 * reports (监测统计报告) and the local plans track, each under one canonical name, with the ways
 * plans print it, its unit and whether a lower value is better. General knowledge of the
 * outlines' indicator system, not of any one document, as departments/aliases.ts is for bodies.
 *
 * A name the catalogue does not know keeps its written name (an indicator page of its own) and
 * is reported by the ingest, so an editor can add it as an alias of the entry it belongs to.
 * The canonical name is the indicator page's title and slug source: add aliases and entries,
 * but do not rename an entry once published.
 */
import type { Population } from '../../types.ts';

export interface IndicatorDefinition {
  /** Canonical name: the same for every city (`孕产妇死亡率`). */
  name: string;
  populations: readonly Population[];
  /** The unit targets and reached values are stated in (`%`, `‰`, `/10万`, `小时`…). */
  unit: string;
  /** A lower value is better (死亡率, 贫血率, 近视率): a reached value meets a target at or below it. */
  lowerIsBetter: boolean;
  /** Printed forms, compared after the general rules of `normaliseIndicator` (no spaces, `中的` → `中`…). */
  aliases?: readonly string[];
  /** Families of printed forms, matched on the whole normalised name. */
  patterns?: readonly RegExp[];
}

const W: readonly Population[] = ['妇女'];
const C: readonly Population[] = ['儿童'];
const WC: readonly Population[] = ['妇女', '儿童'];

const rate = (name: string, populations: readonly Population[], extra: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  name,
  populations,
  unit: '%',
  lowerIsBetter: false,
  ...extra,
});
const lowerRate = (name: string, populations: readonly Population[], extra: Partial<IndicatorDefinition> = {}) => rate(name, populations, { lowerIsBetter: true, ...extra });

export const INDICATOR_CATALOGUE: readonly IndicatorDefinition[] = [
  // 妇女与健康
  lowerRate('孕产妇死亡率', W, { unit: '/10万' }),
  rate('宫颈癌人群筛查率', W, { patterns: [/^(?:适龄)?(?:妇女)?宫颈癌(?:人群)?筛查率$/] }),
  rate('乳腺癌人群筛查率', W, { patterns: [/^(?:适龄)?(?:妇女)?乳腺癌(?:人群)?筛查率$/] }),
  rate('宫颈癌和乳腺癌防治知识知晓率', W, { patterns: [/^(?:妇女)?(?:宫颈癌[、和与及]乳腺癌|乳腺癌[、和与及]宫颈癌|两癌)防治知识知晓率$/] }),
  rate('宫颈癌患者治疗率', W),
  rate('35—45岁接受高效宫颈癌筛查的妇女比例', W, { patterns: [/^在?35—45岁(?:妇女)?接受高效宫颈癌筛查(?:的妇女)?(?:比例|率)$/] }),
  rate('孕产妇系统管理率', W, { patterns: [/^孕产妇(?:系统)?管理率$/] }),
  rate('孕产妇住院分娩率', W),
  rate('孕产妇艾滋病、梅毒和乙肝检测率', W, { patterns: [/^孕产妇艾滋病[、和]?梅毒(?:和|、|及)乙肝检测率$/] }),
  rate('艾滋病、梅毒孕产妇感染者治疗率', W, { patterns: [/^艾滋病[、和]梅毒(?:孕产妇感染者|感染孕产妇)治疗率$/] }),
  lowerRate('艾滋病母婴传播率', W, { patterns: [/^艾滋病母婴(?:传播|传染)率$/] }),
  lowerRate('梅毒母婴传播率', W, { patterns: [/^梅毒母婴(?:传播|传染)率$/] }),
  lowerRate('乙肝母婴传播率', W, { patterns: [/^乙肝母婴(?:传播|传染)率$/] }),
  lowerRate('孕妇贫血率', W, { patterns: [/^孕(?:产)?妇贫血(?:患病)?率$/] }),
  rate('女性人均预期寿命', W, { unit: '岁', patterns: [/^女性(?:人均)?预期寿命$/] }),
  rate('妇女营养健康知识知晓率', W),
  rate('妇女经常参加体育锻炼的人数比例', W, { aliases: ['经常参加体育锻炼的妇女人数比例', '妇女经常参加体育锻炼人数比例'] }),
  rate('妇女常见病筛查率', W),
  rate('婚前医学检查率', W),
  // 妇女与教育 (九年义务教育 and 高中阶段 are the children's outline's too)
  rate('九年义务教育巩固率', WC),
  rate('高中阶段毛入学率', WC, { patterns: [/^高中阶段(?:教育)?毛入学率$/] }),
  rate('高等教育在校生中女性比例', W, { aliases: ['高等教育在校生中女生比例'] }),
  rate('女性劳动年龄人口平均受教育年限', W, { unit: '年' }),
  // 妇女与经济
  rate('就业人员中女性比例', W),
  rate('城镇单位就业人员中女性比例', W),
  rate('高级专业技术人员中女性比例', W),
  // 妇女参与决策和管理
  rate('村委会成员中女性比例', W, { patterns: [/^村(?:民)?委(?:员)?会成员中女性比例$/] }),
  rate('村委会主任中女性比例', W, { patterns: [/^村(?:民)?委(?:员)?会主任中女性比例$/] }),
  rate('居委会成员中女性比例', W, { patterns: [/^(?:社区)?居(?:民)?委(?:员)?会成员中女性比例$/] }),
  rate('社区居委会主任中女性比例', W, { patterns: [/^(?:社区)?居(?:民)?委(?:员)?会主任中女性比例$/] }),
  rate('村（居）委会成员中女性比例', W),
  // 妇女与社会保障
  rate('妇女基本医疗保险参保率', W),
  rate('妇女基本养老保险参保率', W),
  rate('生育保险参保人数', W, { unit: '万人' }),
  rate('护理型床位占比', W, { aliases: ['养老机构护理型床位占比'] }),
  rate('新建城区、新建居住（小）区按标准配建养老服务设施达标率', W),
  rate('每千名老年人拥有社会工作者数', W, { unit: '名', aliases: ['每千名老年人社会工作者数'] }),
  rate('每百张养老机构床位拥有社会工作者数', W, { unit: '名', aliases: ['每百张养老机构床位社会工作者数'] }),
  // 妇女与环境, 儿童与环境
  rate('农村自来水普及率', WC, { patterns: [/^(?:农村)?自来水普及率$/] }),
  rate('农村卫生厕所普及率', WC),
  rate('女性厕位与男性厕位比例', W, { unit: ':2', patterns: [/^女性厕位与男性厕位的?比例$/, /^男女厕位比例$/] }),
  // 儿童与健康
  lowerRate('新生儿死亡率', C, { unit: '‰' }),
  lowerRate('婴儿死亡率', C, { unit: '‰' }),
  lowerRate('5岁以下儿童死亡率', C, { unit: '‰' }),
  rate('新生儿遗传代谢病筛查率', C, { aliases: ['新生儿遗传代谢性疾病筛查率'] }),
  rate('新生儿听力障碍筛查率', C, { aliases: ['新生儿听力筛查率'] }),
  rate('新生儿先天性心脏病筛查率', C),
  lowerRate('严重多发致残的出生缺陷发生率', C, { unit: '/万', patterns: [/^(?:严重多发致残的)?出生缺陷发生率$/] }),
  rate('3岁以下儿童系统管理率', C),
  rate('7岁以下儿童健康管理率', C, { patterns: [/^7岁以下儿童(?:保健|健康)管理率$/] }),
  rate('新生儿访视率', C),
  rate('适龄儿童免疫规划疫苗接种率', C, { patterns: [/^(?:适龄儿童)?(?:国家)?免疫规划疫苗接种率$/] }),
  rate('6个月内婴儿纯母乳喂养率', C, { patterns: [/^(?:0—)?6个月(?:内|以内|以下)?婴儿纯母乳喂养率$/] }),
  lowerRate('5岁以下儿童贫血率', C, { patterns: [/^5岁以下儿童贫血(?:患病)?率$/] }),
  lowerRate('5岁以下儿童生长迟缓率', C),
  lowerRate('5岁以下儿童低体重率', C),
  lowerRate('12岁儿童龋患率', C),
  lowerRate('儿童青少年总体近视率', C, { patterns: [/^(?:儿童青少年|儿童)?总体近视率$/] }),
  lowerRate('小学生近视率', C),
  lowerRate('初中生近视率', C),
  lowerRate('高中阶段学生近视率', C, { aliases: ['高中生近视率'] }),
  rate('0—6岁儿童眼保健和视力检查覆盖率', C),
  rate('学校眼保健操普及率', C),
  rate('中小学生体质健康标准达标优良率', C, { patterns: [/^中小学生(?:国家学生)?体质健康标准(?:达标)?(?:优良)?率$/] }),
  rate('中小学体育与健康课程开课率', C),
  rate('中小学生每天校内体育活动时间', C, {
    unit: '小时',
    patterns: [/^(?:中小学生|青少年学生|学生|儿童)每天(?:校内|在校)体育(?:活动|锻炼)(?:时间)?$/],
  }),
  rate('每天接触户外自然光时间', C, { unit: '小时', patterns: [/^(?:儿童|学生|中小学生)?每天接触户外自然光(?:时间)?$/] }),
  rate('小学生每天睡眠时间', C, { unit: '小时', patterns: [/^(?:每天|每日)?睡眠时间小学生$/, /^小学生(?:每天|每日)睡眠时间$/] }),
  rate('初中生每天睡眠时间', C, { unit: '小时', patterns: [/^(?:每天|每日)?睡眠时间初中生$/, /^初中生(?:每天|每日)睡眠时间$/] }),
  rate('高中生每天睡眠时间', C, { unit: '小时', patterns: [/^(?:每天|每日)?睡眠时间高中生$/, /^高中生(?:每天|每日)睡眠时间$/] }),
  rate('配备专兼职心理健康工作人员的中小学校比例', C),
  rate('每千名儿童儿科执业（助理）医师数', C, { unit: '名', patterns: [/^每千名儿童(?:拥有)?儿科执业（助理）医(?:生|师)(?:数)?$/, /^每千名儿童(?:拥有)?儿科执业医(?:生|师)(?:数)?$/] }),
  rate('每千名儿童儿科床位数', C, { unit: '张', patterns: [/^每千名儿童(?:拥有)?(?:儿科)?床位(?:数)?$/] }),
  // 儿童与安全
  lowerRate('儿童伤害死亡率', C, { unit: '/10万' }),
  lowerRate('儿童溺水死亡率', C, { unit: '/10万' }),
  lowerRate('儿童道路交通伤害死亡率', C, { unit: '/10万' }),
  // 儿童与教育
  rate('学前教育毛入园率', C),
  rate('普惠性幼儿园覆盖率', C),
  rate('公办幼儿园在园幼儿占比', C, { aliases: ['公办园在园幼儿占比', '公办幼儿园在园幼儿比例'] }),
  rate('残疾儿童义务教育入学率', C, { aliases: ['适龄残疾儿童义务教育入学率'] }),
  rate('课后服务覆盖率', C, { aliases: ['义务教育学校课后服务覆盖率'] }),
  // 儿童与福利
  rate('每千人口3岁以下婴幼儿托位数', C, { unit: '个', patterns: [/^每千人口(?:拥有)?3岁以下婴幼儿托位数$/] }),
  rate('孤儿和事实无人抚养儿童基本生活养育标准', C, { unit: '元' }),
  rate('集中供养孤儿（含事实无人抚养儿童）基本生活养育标准', C, { unit: '元' }),
  rate('散居孤儿（含事实无人抚养儿童）基本生活养育标准', C, { unit: '元' }),
  rate('书面照护协议签订率', C),
  rate('符合条件且有需求的残疾儿童接受基本辅助器具适配服务比例', C),
  rate('村（居）儿童主任参训率', C),
  // 儿童与家庭
  rate('建立家长学校或家庭教育指导服务站点的城市社区比例', C, {
    patterns: [/^建立家长学校或家庭教育指导服务(?:站点|站|点)的城市社区比例$/],
  }),
  rate('建立家长学校或家庭教育指导服务站点的农村社区比例', C, {
    patterns: [/^建立家长学校或家庭教育指导服务(?:站点|站|点)的农村社区(?:（村）)?比例$/],
  }),
  // What monitoring reports state of a plan as a whole
  rate('妇女发展规划重点可量化指标达标率', W),
  rate('儿童发展规划重点可量化指标达标率', C),
];

const byForm = new Map<string, IndicatorDefinition>();
for (const d of INDICATOR_CATALOGUE) for (const form of [d.name, ...(d.aliases ?? [])]) byForm.set(form, d);

/** The catalogue's entry for a normalised name (its canonical name, an alias or a pattern), if any. */
export function catalogueEntry(normalised: string): IndicatorDefinition | undefined {
  const exact = byForm.get(normalised);
  if (exact) return exact;
  return INDICATOR_CATALOGUE.find((d) => d.patterns?.some((p) => p.test(normalised)));
}

/** Names that read as lower-is-better when the catalogue does not know them (死亡率, 发生率 …). */
const LOWER_BY_NAME = /(死亡率|发生率|患病率|贫血率|近视率|传播率|迟缓率|低体重率|肥胖率|超重率|龋患率|感染率|文盲率)$/;

/** Whether a lower value of an indicator is better: the catalogue's word, else its name's. */
export function lowerIsBetter(name: string): boolean {
  return catalogueEntry(name)?.lowerIsBetter ?? LOWER_BY_NAME.test(name);
}
