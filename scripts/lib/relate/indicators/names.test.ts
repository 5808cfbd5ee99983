import { describe, expect, it } from 'vitest';
import { cleanSubject, completeParts, normaliseIndicator, splitParts } from './names.ts';
import { indicatorSlugs } from './slug.ts';
import { fold } from './fold.ts';
import { parseValueList } from './values.ts';

describe('subjects', () => {
  it('drop spaces, lead-in words, adverbs, target years, baselines and count units', () => {
    expect(cleanSubject('孕产妇死亡率到 2025 年')).toBe('孕产妇死亡率');
    expect(cleanSubject('孕妇贫血率力争到 2030 年')).toBe('孕妇贫血率');
    expect(cleanSubject('儿童伤害死亡率以 2020年数据为基数')).toBe('儿童伤害死亡率');
    expect(cleanSubject('妇女营养健康知识知晓率分别在 2019 年和 2022年基础上')).toBe('妇女营养健康知识知晓率');
    expect(cleanSubject('适龄儿童免疫规划疫苗接种率以乡（镇、街道）为单位')).toBe('适龄儿童免疫规划疫苗接种率');
    expect(cleanSubject('确保全市孕产妇系统管理率稳定')).toBe('孕产妇系统管理率');
  });

  it('split at 、 和 及 outside brackets, and complete each other in a 分别 list', () => {
    expect(splitParts('村（居）委会成员和女性主任比例')).toEqual(['村（居）委会成员', '女性主任比例']);
    expect(completeParts(splitParts('新生儿、婴儿和5岁以下儿童死亡率'))).toEqual(['新生儿死亡率', '婴儿死亡率', '5岁以下儿童死亡率']);
    expect(completeParts(splitParts('5岁以下儿童贫血率和生长迟缓率'))).toEqual(['5岁以下儿童贫血率', '5岁以下儿童生长迟缓率']);
    expect(completeParts(splitParts('宫颈癌和乳腺癌人群筛查率'))).toEqual(['宫颈癌人群筛查率', '乳腺癌人群筛查率']);
  });
});

describe('normaliseIndicator', () => {
  it('gives one name to the ways plans write one indicator', () => {
    const same = (names: string[], canonical: string) => expect(names.map(normaliseIndicator)).toEqual(names.map(() => canonical));
    same(['适龄妇女宫颈癌人群筛查率', '宫颈癌人群筛查率', '妇女宫颈癌筛查率'], '宫颈癌人群筛查率');
    same(['高中阶段教育毛入学率', '高中阶段毛入学率'], '高中阶段毛入学率');
    same(['中小学生国家学生体质健康标准优良率', '中小学生国家学生体质健康标准达标优良率', '中小学生体质健康标准达标率'], '中小学生体质健康标准达标优良率');
    same(['7岁以下儿童保健管理率', '7岁以下儿童健康管理率'], '7岁以下儿童健康管理率');
    same(['0-6 个月婴儿纯母乳喂养率', '6个月内婴儿纯母乳喂养率'], '6个月内婴儿纯母乳喂养率');
    same(['城镇单位就业人员中的女性比例', '城镇单位就业人员中女性比例'], '城镇单位就业人员中女性比例');
    same(['每千人口拥有3岁以下婴幼儿托位数', '每千人口 3 岁以下婴幼儿托位数'], '每千人口3岁以下婴幼儿托位数');
    same(['孕产妇贫血率', '孕妇贫血率'], '孕妇贫血率');
  });

  it('keeps an indicator it does not know under its own written name', () => {
    expect(normaliseIndicator('护理型床位占比')).toBe('护理型床位占比');
  });
});

describe('values and folding', () => {
  it('fold full-width characters one for one', () => {
    const s = '达到９８％、１２／１０万';
    expect(fold(s)).toBe('达到98%、12/10万');
    expect(fold(s)).toHaveLength(s.length);
  });

  it('read lists with a shared qualifier, ranges and spaced units', () => {
    expect(parseValueList('3.0‰、4.5‰和 5.5‰以下')).toEqual({
      values: [{ value: 3, valueMax: null, unit: '‰' }, { value: 4.5, valueMax: null, unit: '‰' }, { value: 5.5, valueMax: null, unit: '‰' }],
      suffix: '以下',
    });
    expect(parseValueList('0.5—1 个百分点').values).toEqual([{ value: 0.5, valueMax: 1, unit: '个百分点' }]);
    expect(parseValueList('10.5/10 万').values).toEqual([{ value: 10.5, valueMax: null, unit: '/10万' }]);
  });
});

describe('indicatorSlugs', () => {
  it('are ASCII, stable, and never shared by two names', () => {
    const slugs = indicatorSlugs(['孕产妇死亡率', '5岁以下儿童死亡率', '孕产妇死亡率']);
    expect(slugs.get('孕产妇死亡率')).toMatch(/^[a-z0-9-]+$/);
    expect(indicatorSlugs(['孕产妇死亡率']).get('孕产妇死亡率')).toBe(slugs.get('孕产妇死亡率'));
    // Same pinyin, different names (a heteronym-free example: 率 and 律 are both lü).
    const clash = indicatorSlugs(['出生率', '出生律']);
    expect(new Set(clash.values()).size).toBe(2);
    const long = indicatorSlugs(['新建城区、新建居住（小）区按标准配建养老服务设施达标率和社区养老服务设施覆盖率']);
    expect([...long.values()][0]!.length).toBeLessThanOrEqual(67);
  });
});
