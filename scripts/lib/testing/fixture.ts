/**
 * A small hand-made KnowledgeBase for emitter tests, with text taken from the real seeds
 * plus one hostile document (MDX/HTML/ESM in its text, no city).
 */
import type { Block, Item, KbDocument, KnowledgeBase } from '../types.ts';

const blocks = (texts: (string | [string, number])[]): Block[] =>
  texts.map((t, index) => {
    const [text, headingDepth] = Array.isArray(t) ? t : [t, undefined];
    return { index, text, lineStart: index + 1, lineEnd: index + 1, ...(headingDepth ? { headingDepth } : {}) };
  });

const item = (docId: string, over: Partial<Item> & Pick<Item, 'id' | 'text' | 'blockStart' | 'textStart' | 'blockEnd'>): Item => ({
  docId,
  kind: 'measure',
  population: '妇女',
  domain: '妇女与健康',
  domainSource: 'structure',
  number: '1',
  title: '',
  section: [],
  leadDepartments: [],
  partnerDepartments: [],
  ...over,
});

const doc = (over: Partial<KbDocument> & Pick<KbDocument, 'id' | 'blocks' | 'items'>): KbDocument => ({
  title: over.id,
  issuer: null,
  city: null,
  province: null,
  level: 'unknown',
  kind: 'plan',
  date: null,
  docNumber: null,
  populations: [],
  overridden: [],
  source: `${over.id}.txt`,
  sha256: '0'.repeat(64),
  encoding: 'utf-8',
  removed: [],
  ...over,
});

export function fixtureKb(): KnowledgeBase {
  const fx = 'fx_001';
  const da = 'da_003';
  const bad = 'zz_bad';
  const fxItems = [
    item(fx, {
      id: `${fx}-women-health-g2`, kind: 'goal', number: '2', title: '孕产妇死亡率控制在12/10万以下',
      text: '2.孕产妇死亡率控制在12/10万以下，城乡、区域差距缩小。', section: ['（一）妇女与健康', '主要目标：'], blockStart: 2, textStart: 0, blockEnd: 2,
    }),
    item(fx, {
      id: `${fx}-women-health-m4`, number: '4', title: '加强母婴安全保障',
      text: '4.加强母婴安全保障。实施母婴安全行动提升计划，全面落实妊娠风险筛查评估。', section: ['（一）妇女与健康', '策略措施：'], blockStart: 4, textStart: 0, blockEnd: 5,
    }),
    item(fx, {
      id: `${fx}-women-law-m3`, domain: '妇女与法律', number: '3', title: '加强妇女维权服务',
      text: '3.加强妇女维权服务。加强 12338 妇女维权公益服务热线建设。', section: ['（八）妇女与法律'], blockStart: 7, textStart: 0, blockEnd: 7,
    }),
  ];
  const fuxin = doc({
    id: fx, title: '阜新市妇女发展规划（2021—2030 年）', city: '阜新市', province: '辽宁省', level: 'city', kind: 'plan',
    date: '2022-07-12', docNumber: '阜政发〔2022〕11号', populations: ['妇女'],
    blocks: blocks([
      '（一）妇女与健康', '主要目标：', '2.孕产妇死亡率控制在12/10万以下，城乡、区域差距缩小。', '策略措施：',
      '4.加强母婴安全保障。实施母婴安全行动提升计划，', '全面落实妊娠风险筛查评估。', '（八）妇女与法律', '3.加强妇女维权服务。加强 12338 妇女维权公益服务热线建设。',
    ]),
    items: fxItems,
  });
  const daItems = [
    item(da, {
      id: `${da}-women-health-m4`, number: '4', title: '保障孕产妇安全分娩',
      text: '4.保障孕产妇安全分娩。加强医疗机构产科质量规范化建设。', blockStart: 1, textStart: '\t妇女与健康\t'.length, blockEnd: 1,
      leadDepartments: ['市卫健局'], partnerDepartments: ['市妇联', '市医保局'],
    }),
  ];
  const daan = doc({
    id: da, title: '大安市妇女发展规划（2021—2030年）重点任务清单', city: '大安市', province: '吉林省', level: 'county', kind: 'tasklist', populations: ['妇女'],
    blocks: blocks(['\t发展领域\t主要目标\t策略措施\t牵头部门\t配合部门', '\t妇女与健康\t4.保障孕产妇安全分娩。加强医疗机构产科质量规范化建设。\t市卫健局\t市妇联、\n市医保局']),
    items: daItems,
  });
  const hostile = doc({
    id: bad, title: '<script>alert(1)</script> {x}', kind: 'speech', populations: [],
    blocks: blocks([['# export const a = 1', 2], 'import x from \'y\'', '{x} <script>alert(1)</script> 一是*强调* [链接](x) | a | b | &amp; \\ 二是留守儿童关爱。']),
    items: [
      item(bad, { id: `${bad}-i1`, kind: 'speech', population: null, domain: null, domainSource: null, number: '一是', title: '强调', text: '一是*强调* [链接](x) | a | b | &amp; \\', blockStart: 2, textStart: '{x} <script>alert(1)</script> '.length, blockEnd: 2 }),
      item(bad, { id: `${bad}-i2`, kind: 'speech', population: '儿童', domain: '儿童与福利', domainSource: 'classified', number: '二是', title: '留守儿童关爱', text: '二是留守儿童关爱。', blockStart: 2, textStart: '{x} <script>alert(1)</script> 一是*强调* [链接](x) | a | b | &amp; \\ '.length, blockEnd: 2 }),
    ],
  });
  return {
    documents: [hostile, daan, fuxin],
    // As the link stage writes them: each item's links, so a pair both keep appears twice.
    links: [
      { source: `${fx}-women-health-m4`, target: `${da}-women-health-m4`, score: 0.82, sharedTerms: ['孕产妇', '母婴安全'] },
      { source: `${da}-women-health-m4`, target: `${fx}-women-health-m4`, score: 0.82, sharedTerms: ['孕产妇', '母婴安全'] },
    ],
    topics: [{ id: 'women-health-t1', title: '加强母婴安全保障', domain: '妇女与健康', items: [`${fx}-women-health-m4`, `${da}-women-health-m4`] }],
  };
}
