import { describe, expect, it } from 'vitest';
import { seedKb } from '../../testing/seed-kb.ts';
import { COLLECTIVE_ALIASES, DEPARTMENT_ALIASES } from './aliases.ts';
import { cleanDepartmentName, normaliseDepartment, withoutPrefixes } from './normalise.ts';

const key = (printed: string) => normaliseDepartment(printed)?.key;

describe('normaliseDepartment on the seeds', () => {
  const kb = seedKb();
  const printed = [...new Set(kb.documents.flatMap((d) => d.items.flatMap((i) => [...i.leadDepartments, ...i.partnerDepartments])))];

  it('the seeds name departments (only the task list 003 does, per measure)', () => {
    expect(printed.length).toBeGreaterThan(20);
  });

  it('maps every distinct printed name to a key the alias table knows, none to a collective', () => {
    const unknown = printed.filter((p) => !normaliseDepartment(p)?.known);
    expect(unknown).toEqual([]);
    expect(printed.filter((p) => normaliseDepartment(p)!.collective)).toEqual([]);
  });

  it('gives distinct bodies distinct keys: no two printed names share one unless they are the same body', () => {
    const byKey = new Map<string, string[]>();
    for (const p of printed) byKey.set(key(p)!, [...(byKey.get(key(p)!) ?? []), p]);
    // Every seed name is a different body, printed once per body (市X局 form throughout).
    expect([...byKey.values()].filter((names) => names.length > 1)).toEqual([]);
  });

  it('keys the seed names sensibly', () => {
    expect(Object.fromEntries(printed.map((p) => [p, key(p)]))).toMatchObject({
      市卫健局: 'health',
      市妇联: 'womens-federation',
      市教育局: 'education',
      市人社局: 'human-resources-social-security',
      市监局: 'market-regulation',
      团市委: 'youth-league',
      市委宣传部: 'publicity',
      市委组织部: 'organization',
      市法院: 'court',
      市检察院: 'procuratorate',
      市社保局: 'social-insurance',
      市发改局: 'development-reform',
      市政法委: 'political-legal',
    });
  });
});

describe('normaliseDepartment on unseen variants', () => {
  it('市卫健局 / 卫健局 / 市卫生健康局 / 卫生健康委员会 / 吉林省卫生健康委员会 / 县卫健局 are one', () => {
    for (const p of ['市卫健局', '卫健局', '市卫生健康局', '卫生健康委员会', '吉林省卫生健康委员会', '县卫健局', '大安市卫生健康局', '上海市静安区卫生健康委员会', '市卫生和计划生育委员会', '区卫健委'])
      expect(key(p), p).toBe('health');
  });

  it('妇联 in every form and at every level', () => {
    for (const p of ['市妇联', '妇联', '区妇联', '县妇联', '妇女联合会', '吉林省妇女联合会', '大安市妇联', '上海市静安区妇联', '某某镇妇联']) expect(key(p), p).toBe('womens-federation');
  });

  it('教育局 / 市教育局 / 省教育厅 / 区教育局', () => {
    for (const p of ['教育局', '市教育局', '吉林省教育厅', '区教育局', '市教体局']) expect(key(p), p).toBe('education');
  });

  it('the curated full/short forms', () => {
    const cases: [string, string][] = [
      ['市人力资源和社会保障局', 'human-resources-social-security'],
      ['县人社局', 'human-resources-social-security'],
      ['市委宣传部', 'publicity'],
      ['中共大安市委宣传部', 'publicity'],
      ['市总工会', 'trade-union'],
      ['团县委', 'youth-league'],
      ['共青团大安市委', 'youth-league'],
      ['共青团', 'youth-league'],
      ['市残疾人联合会', 'disabled-persons-federation'],
      ['市中级人民法院', 'court'],
      ['市人民检察院', 'procuratorate'],
      ['市医疗保障局', 'healthcare-security'],
      ['市市场监督管理局', 'market-regulation'],
      ['市场监管局', 'market-regulation'],
      ['市住房和城乡建设局', 'housing-urban-rural'],
      ['住房和城乡建设局', 'housing-urban-rural'],
      ['市自然资源和规划局', 'natural-resources'],
      ['市生态环境局', 'ecology-environment'],
      ['市文化广电和旅游局', 'culture-tourism'],
      ['市文旅局', 'culture-tourism'],
      ['市体育局', 'sports'],
      ['县应急管理局', 'emergency-management'],
      ['市统计局', 'statistics'],
      ['市财政局', 'finance'],
      ['市发展和改革委员会', 'development-reform'],
      ['市发改委', 'development-reform'],
      ['市委网信办', 'cyberspace'],
      ['市关心下一代工作委员会', 'next-generation-care'],
      ['市科学技术协会', 'science-association'],
      ['市民政局', 'civil-affairs'],
      ['县公安局', 'public-security'],
      ['吉林省司法厅', 'justice'],
      ['市乡村振兴局', 'rural-revitalization'],
      ['市政府办公室', 'government-office'],
      ['市政府', 'government'],
      ['市人民政府', 'government'],
      ['市委', 'party-committee'],
      ['市妇儿工委办', 'women-children-committee'],
    ];
    expect(Object.fromEntries(cases.map(([p]) => [p, key(p)]))).toEqual(Object.fromEntries(cases));
  });

  it('collective actors: a key of their own, flagged, not merged with the city government', () => {
    for (const p of ['各县（市）区政府', '各县(市)区人民政府', '各县（市、区）政府', '各级政府', '各县（市）区', '各县（市、区）', '各县市区', '各区县']) {
      expect(normaliseDepartment(p), p).toMatchObject({ key: 'lower-governments', collective: true });
    }
    for (const p of ['各乡镇（街道）', '各乡镇人民政府', '各乡镇（街道办事处）']) expect(normaliseDepartment(p), p).toMatchObject({ key: 'township-governments', collective: true });
    for (const p of ['各有关部门', '市直有关部门', '相关部门', '各成员单位']) expect(normaliseDepartment(p), p).toMatchObject({ key: 'related-departments', collective: true });
    expect(key('市政府')).not.toBe(key('各县（市）区政府'));
    // A single county's government, or a body of it, is no collective.
    for (const p of ['县政府', '各县（市）区妇联', '区卫健局']) expect(normaliseDepartment(p)!.key, p).not.toBe('lower-governments');
  });

  it('printing noise: spaces, full-width forms, trailing separators', () => {
    expect(key(' 市 卫健局、')).toBe('health');
    expect(key('市卫健局；')).toBe('health');
    expect(cleanDepartmentName('各县（市）区政府')).toBe('各县(市)区政府');
  });

  it('level characters inside a name are not prefixes', () => {
    expect(withoutPrefixes('市场监督管理局')).toEqual(['市场监督管理局']);
    expect(withoutPrefixes('市政公用局')).toEqual(['市政公用局']);
    expect(withoutPrefixes('住房和城乡建设局')).toEqual(['住房和城乡建设局']);
    expect(withoutPrefixes('上海市静安区妇联')).toEqual(['上海市静安区妇联', '静安区妇联', '妇联']);
  });

  it('an unknown body keeps its own key (its name without the place), the same for every city', () => {
    const a = normaliseDepartment('大安市妇女儿童活动中心')!;
    const b = normaliseDepartment('县妇女儿童活动中心')!;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ label: '妇女儿童活动中心', known: false, collective: false });
    expect(a.key).toMatch(/^[a-z0-9-]+$/);
    expect(a.key).not.toBe(key('市妇联'));
    expect(normaliseDepartment('市社区矫正管理局')!.label).toBe('社区矫正管理局');
  });

  it('nothing named: null', () => {
    expect(normaliseDepartment('')).toBeNull();
    expect(normaliseDepartment('、')).toBeNull();
  });
});

describe('the alias table', () => {
  it('keys are unique ASCII slugs; every form normalises to its own entry', () => {
    const all = [...DEPARTMENT_ALIASES, ...COLLECTIVE_ALIASES];
    expect(new Set(all.map((a) => a.key)).size).toBe(all.length);
    for (const a of all) expect(a.key).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const a of DEPARTMENT_ALIASES) for (const f of a.forms) expect(key(f), f).toBe(a.key);
    for (const a of DEPARTMENT_ALIASES) for (const f of a.forms) expect(key(`市${f}`), `市${f}`).toBe(a.key);
  });
});
