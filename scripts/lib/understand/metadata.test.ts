import { describe, expect, it } from 'vitest';
import { inferMetadata, inferDate, inferKind, tidyTitle, cityNamedInBody } from './metadata.ts';
import { normalise } from '../read/normalise.ts';
import { SEED, seedText } from '../testing/seeds.ts';
import type { Block } from '../types.ts';

const meta = (name: string) => inferMetadata(name, normalise(seedText(name)).blocks);
const blocksOf = (...texts: string[]): Block[] => texts.map((text, index) => ({ index, text, lineStart: index + 1, lineEnd: index + 1 }));

describe('inferMetadata on the seeds', () => {
  it('000: a 审议意见 whose title names no city; the body names 鞍山 once beside 我市', () => {
    expect(meta(SEED.ansanOpinion)).toEqual({
      title: '市人大常委会关于我市妇女儿童权益保障情况报告的审议意见',
      issuer: '鞍山市人大常委会',
      city: '鞍山市',
      province: '辽宁省', // from the gazetteer: the text never names the province
      level: 'city',
      kind: 'opinion',
      date: '2025-06-27',
      docNumber: null,
      populations: ['妇女', '儿童'],
      overridden: [],
    });
  });

  it('001: the 阜新 notice, title wrapped over three lines, number printed with a space', () => {
    expect(meta(SEED.fuxinPlans)).toEqual({
      title: '阜新市人民政府关于印发阜新市妇女发展规划（2021—2030年）和阜新市儿童发展规划（2021—2030年）的通知',
      issuer: '阜新市人民政府',
      city: '阜新市',
      province: '辽宁省',
      level: 'city',
      kind: 'plan',
      date: '2022-07-12', // the signature date, not 2030 or 2020 from the text
      docNumber: '阜政发〔2022〕11号',
      populations: ['妇女', '儿童'],
      overridden: [],
    });
  });

  it('002: a district report; the cited opinion number is not the document number', () => {
    expect(meta(SEED.jinganReport)).toEqual({
      title: '上海市静安区人民政府关于《上海市静安区第二届人大常委会第三十六次会议关于检查本区贯彻实施〈上海市妇女权益保障条例〉情况的审议意见》落实情况的报告',
      issuer: '上海市静安区人民政府',
      city: '上海市静安区',
      province: '上海市',
      level: 'district',
      kind: 'report',
      date: '2025-12-22',
      docNumber: '静府议〔2025〕17号',
      populations: ['妇女'],
      overridden: [],
    });
  });

  it('003: two task lists in one file; a county-level city; no issuer, date or number in the text', () => {
    expect(meta(SEED.daanTaskLists)).toEqual({
      title: '大安市妇女发展规划（2021—2030年）重点任务清单；大安市儿童发展规划（2021—2030年）重点任务清单',
      issuer: null,
      city: '大安市',
      province: '吉林省', // named in the text: 吉林省反家庭暴力条例
      level: 'county', // 大安市 is no prefecture-level city
      kind: 'tasklist',
      date: null,
      docNumber: null,
      populations: ['妇女', '儿童'],
      overridden: [],
    });
  });

  it('004: a compilation of speeches from several places: city, province and date stay unknown', () => {
    expect(meta(SEED.speeches)).toEqual({
      title: '2023年妇女儿童工作会议记录 妇女儿童工作会议讲话(大全5篇)',
      issuer: null,
      city: null, // 江门市, 长沙, 常德市 are all named: no single city
      province: null, // 广东省, 湖北省, 湖南省
      level: 'unknown',
      kind: 'speech',
      date: null, // `5月27日` has no year
      docNumber: null,
      populations: ['妇女', '儿童'],
      overridden: [],
    });
  });
});

describe('metadata rules', () => {
  it('reads a county government, its province and a Chinese-numeral date', () => {
    const m = inferMetadata('x.txt', blocksOf('某某县人民政府文件', '某政发［2023］ 5 号', '某某县人民政府关于印发某某县儿童发展规划的通知', '各乡镇：', '某某县人民政府', '二〇二三年十二月三十一日'));
    expect([m.issuer, m.city, m.level, m.docNumber, m.date, m.kind, m.populations]).toEqual(['某某县人民政府', '某某县', 'county', '某政发〔2023〕5号', '2023-12-31', 'plan', ['儿童']]);
  });

  it('drops the province from a provincial city but keeps a municipality', () => {
    const m = inferMetadata('x.txt', blocksOf('辽宁省阜新市人民政府关于印发妇女发展规划的通知'));
    expect([m.city, m.province, m.level]).toEqual(['阜新市', '辽宁省', 'city']);
  });

  it('places a provincial document at its province, so it is not filed under 未知地区', () => {
    const p = inferMetadata('x.txt', blocksOf('辽宁省人民政府关于印发辽宁省妇女发展规划的通知'));
    expect([p.issuer, p.city, p.province, p.level]).toEqual(['辽宁省人民政府', '辽宁省', '辽宁省', 'province']);
    const plan = inferMetadata('x.txt', blocksOf('吉林省儿童发展规划（2021—2030年）', '一、指导思想、基本原则和总体目标'));
    expect([plan.title, plan.city, plan.province, plan.level]).toEqual(['吉林省儿童发展规划（2021—2030年）', '吉林省', '吉林省', 'province']);
  });

  it('gives county and district plans their level, with or without the province before them', () => {
    const county = inferMetadata('x.txt', blocksOf('吉林省通榆县妇女发展规划（2021—2030年）', '第一部分 指导思想'));
    expect([county.title, county.city, county.province, county.level]).toEqual(['吉林省通榆县妇女发展规划（2021—2030年）', '通榆县', '吉林省', 'county']);
    const district = inferMetadata('x.txt', blocksOf('阜新市海州区人民政府关于印发海州区儿童发展规划（2021—2030年）的通知'));
    expect([district.city, district.province, district.level]).toEqual(['阜新市海州区', '辽宁省', 'district']);
  });

  it('gives national documents level national, placed at 全国, by title, issuer or 国发 number', () => {
    // The excerpt an editor brought: the title used to run on into the number and the first heading.
    const excerpt = inferMetadata('x.txt', blocksOf('中国儿童发展纲要（2021—2030年）（节选）', '国发〔2021〕16号', '二、发展领域、主要目标和策略措施', '（四）儿童与福利', '策略措施：'));
    expect(excerpt).toMatchObject({ title: '中国儿童发展纲要（2021—2030年）（节选）', issuer: '国务院', city: '全国', province: null, level: 'national', kind: 'plan', docNumber: '国发〔2021〕16号', populations: ['儿童'] });
    const notice = inferMetadata('x.txt', blocksOf('国务院关于印发中国妇女发展纲要和中国儿童发展纲要的通知', '国发〔2021〕16号', '各省、自治区、直辖市人民政府：'));
    expect(notice).toMatchObject({ title: '国务院关于印发中国妇女发展纲要和中国儿童发展纲要的通知', issuer: '国务院', city: '全国', level: 'national' });
    const byNumber = inferMetadata('x.txt', blocksOf('关于加强某项工作的通知', '国办发〔2022〕3号'));
    expect([byNumber.issuer, byNumber.level]).toEqual(['国务院办公厅', 'national']);
    // A local body writing about the national outline is not national.
    const review = inferMetadata('x.txt', blocksOf('中国妇女发展纲要（2021—2030年）实施情况中期评估报告', '阜新市人民政府', '2025年6月1日'));
    expect([review.city, review.level, review.kind]).toEqual(['阜新市', 'city', 'report']);
    // A local plan that cites the national outline is not national.
    const local = inferMetadata('x.txt', blocksOf('阜新市妇女发展规划（2021—2030年）', '根据《中国妇女发展纲要（2021—2030年）》，制定本规划。'));
    expect([local.city, local.level]).toEqual(['阜新市', 'city']);
  });

  it('ends a title before the document number, a section heading or a domain heading, and keeps （节选）', () => {
    const title = (...texts: string[]) => inferMetadata('x.txt', blocksOf(...texts)).title;
    expect(title('中国妇女发展纲要（2021—2030年）', '（节选）', '国发〔2021〕16号')).toBe('中国妇女发展纲要（2021—2030年）（节选）');
    expect(title('中国儿童发展纲要（节选） 国发〔2021〕16号', '（四）儿童与福利')).toBe('中国儿童发展纲要（节选）');
    expect(title('某某县儿童发展规划摘录', '儿童与福利', '策略措施：')).toBe('某某县儿童发展规划摘录');
    expect(title('某某区妇女发展规划', '第一部分 总体要求')).toBe('某某区妇女发展规划');
  });

  it('needs exactly one city in the body, and ignores words that only look like cities', () => {
    expect(cityNamedInBody('我市妇女为鞍山振兴贡献力量。')).toBe('鞍山市');
    expect(cityNamedInBody('我市学习江门市和常德市的经验。')).toBeNull();
    expect(cityNamedInBody('我市家家幸福安康，社会长治久安。')).toBeNull();
    expect(cityNamedInBody('为鞍山振兴贡献力量。')).toBeNull(); // never speaks of 我市
    expect(cityNamedInBody('我市落实吉林省条例，向马鞍山市学习。')).toBe('马鞍山市');
  });

  it('takes the issuing date, not a target year, and rejects impossible dates', () => {
    expect(inferDate(blocksOf('到2030年，目标全面实现。'))).toBeNull();
    expect(inferDate(blocksOf('通知', '2025年2月30日'))).toBeNull();
    expect(inferDate(blocksOf('标题', '正文写于2024年1月1日。', '2025 年 6 月 27 日'))).toBe('2025-06-27');
  });

  it('names the kind the title ends with', () => {
    expect(inferKind('关于《审议意见》落实情况的报告')).toBe('report');
    expect(inferKind('关于情况报告的审议意见')).toBe('opinion');
    expect(inferKind('某市妇女发展规划重点任务清单')).toBe('tasklist');
    // A list of tasks and who does them is a task list without the word 清单.
    for (const title of ['某市妇女发展规划（2021—2030年）重点任务分工', '某县儿童发展规划任务分解表', '关于印发《某区妇女发展规划重点任务分工方案》的通知', '某市儿童发展规划主要目标责任分工']) {
      expect(inferKind(title), title).toBe('tasklist');
    }
    expect(inferKind('某市妇女发展规划实施方案')).toBe('plan');
    expect(inferKind('在全市妇女儿童工作会议上的讲话')).toBe('speech');
  });

  it('ends a task list\'s title before its table', () => {
    const { blocks } = normalise(['附件', '乾安县妇女发展规划（2021—2030年）重点任务分工', '\t序号', '\t发展领域', '\t重点任务', '\t牵头单位', '\t责任单位', '', '\t1', '\t妇女与健康', '\t完善制度。', '\t县卫健局', '\t各县（市）区政府'].join('\n'));
    const meta = inferMetadata('x.txt', blocks);
    expect([meta.title, meta.kind, meta.city]).toEqual(['乾安县妇女发展规划（2021—2030年）重点任务分工', 'tasklist', '乾安县']);
    const wrapped = normalise(['某县妇女发展规划（2021—2030年）', '重点任务分工', '\t序号', '\t重点任务', '\t牵头单位'].join('\n')).blocks;
    expect(inferMetadata('x.txt', wrapped).title).toBe('某县妇女发展规划（2021—2030年）重点任务分工');
  });

  it('takes a "plan" that is only a task table for a task list, and a plan with a task table attached for a plan', () => {
    const rows = [1, 2, 3, 4, 5, 6].flatMap((n) => [`\t${n}`, `\t任务${n}。`, '\t县卫健局', '']);
    const taskTable = ['\t序号', '\t重点任务', '\t牵头单位', '', ...rows];
    expect(inferMetadata('x.txt', normalise(['乾安县妇女发展规划（2021—2030年）', ...taskTable].join('\n')).blocks).kind).toBe('tasklist');
    const plan = ['乾安县妇女发展规划（2021—2030年）', '（一）妇女与健康', '主要目标：', '1.妇女健康水平提高。', '策略措施：', '1.完善制度。', '附件', ...taskTable];
    expect(inferMetadata('x.txt', normalise(plan.join('\n')).blocks).kind).toBe('plan');
  });

  it('removes extraction spaces from titles but not spaces between words', () => {
    expect(tidyTitle('某市人民政府 关于《某条例》 落实（2021—2030 年）')).toBe('某市人民政府关于《某条例》落实（2021—2030年）');
    expect(tidyTitle('会议记录 会议讲话')).toBe('会议记录 会议讲话');
  });

  it('leaves a document with no place, date or number unknown', () => {
    const m = inferMetadata('x.txt', blocksOf('关于加强妇女工作的意见', '各单位要加强妇女工作。'));
    expect([m.issuer, m.city, m.province, m.level, m.date, m.docNumber]).toEqual([null, null, null, 'unknown', null, null]);
  });
});
