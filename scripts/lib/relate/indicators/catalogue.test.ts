import { beforeAll, describe, expect, it } from 'vitest';
import { seedKb } from '../../testing/seed-kb.ts';
import type { KnowledgeBase } from '../../types.ts';
import { catalogueEntry, INDICATOR_CATALOGUE, lowerIsBetter } from './catalogue.ts';
import { normaliseIndicator } from './names.ts';
import { indicatorCoverage, indicatorReport } from './report.ts';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = seedKb();
});

describe('the indicator catalogue', () => {
  it('one entry per canonical name; every name and alias resolves to its own entry and is its own canonical form', () => {
    const names = INDICATOR_CATALOGUE.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of INDICATOR_CATALOGUE) {
      expect(catalogueEntry(d.name), d.name).toBe(d);
      expect(normaliseIndicator(d.name), d.name).toBe(d.name);
      for (const a of d.aliases ?? []) expect(normaliseIndicator(a), a).toBe(d.name);
      expect(d.unit.length).toBeGreaterThan(0);
    }
  });

  it('no pattern of one entry takes another entry\'s name', () => {
    for (const d of INDICATOR_CATALOGUE) {
      for (const other of INDICATOR_CATALOGUE) {
        if (other === d) continue;
        for (const p of d.patterns ?? []) expect(p.test(other.name), `${p} takes ${other.name}`).toBe(false);
      }
    }
  });

  it('knows the national outlines\' main quantified goals, with their direction', () => {
    for (const n of ['孕产妇死亡率', '婴儿死亡率', '5岁以下儿童死亡率', '儿童青少年总体近视率', '孕妇贫血率', '儿童伤害死亡率', '艾滋病母婴传播率']) {
      expect(catalogueEntry(n)?.lowerIsBetter, n).toBe(true);
    }
    for (const n of ['宫颈癌人群筛查率', '学前教育毛入园率', '九年义务教育巩固率', '高中阶段毛入学率', '每千人口3岁以下婴幼儿托位数', '村委会成员中女性比例', '女性人均预期寿命']) {
      expect(catalogueEntry(n)?.lowerIsBetter, n).toBe(false);
    }
    expect(catalogueEntry('孕产妇死亡率')!.unit).toBe('/10万');
    expect(catalogueEntry('新生儿死亡率')!.unit).toBe('‰');
    // Unknown names: their own name decides.
    expect(lowerIsBetter('儿童肥胖率')).toBe(true);
    expect(lowerIsBetter('儿童之家覆盖率')).toBe(false);
  });

  it('gives one name to the ways plans print one indicator', () => {
    const same = (forms: string[], canonical: string) => expect(forms.map(normaliseIndicator)).toEqual(forms.map(() => canonical));
    same(['宫颈癌和乳腺癌防治知识知晓率', '宫颈癌、乳腺癌防治知识知晓率', '两癌防治知识知晓率'], '宫颈癌和乳腺癌防治知识知晓率');
    same(['青少年学生每天在校体育锻炼', '中小学生每天校内体育活动时间', '学生每天校内体育活动'], '中小学生每天校内体育活动时间');
    same(['建立家长学校或家庭教育指导服务点的农村社区（村）比例', '建立家长学校或家庭教育指导服务站点的农村社区比例'], '建立家长学校或家庭教育指导服务站点的农村社区比例');
    same(['社区居委会成员中女性比例', '居委会成员中的女性比例'], '居委会成员中女性比例');
    same(['睡眠时间小学生', '小学生每日睡眠时间'], '小学生每天睡眠时间');
  });
});

describe('the catalogue on the seeds', () => {
  it('every catalogue indicator the seeds state resolves: one page per indicator, no alias left as a page of its own', () => {
    const seen = new Set(kb.targets!.map((t) => t.indicator));
    // Each name the seeds print resolves to a catalogue name, or is reported as unknown.
    const { unknown, known, indicators } = indicatorCoverage(kb.targets!);
    expect(known + unknown.length).toBe(indicators);
    for (const t of kb.targets!) {
      const entry = catalogueEntry(t.indicator);
      if (entry) expect(t.indicator).toBe(entry.name);
      // A subject printed as one of the catalogue's forms lands on that entry.
      const printed = catalogueEntry(normaliseIndicator(t.subject));
      if (printed) expect(t.indicator, t.subject).toBe(printed.name);
    }
    // The pairs the issue names: one indicator each, stated by both cities.
    const cities = (name: string) => new Set(kb.targets!.filter((t) => t.indicator === name).map((t) => t.city));
    expect(cities('宫颈癌和乳腺癌防治知识知晓率')).toEqual(new Set(['阜新市', '大安市']));
    expect(cities('小学生每天睡眠时间')).toEqual(new Set(['阜新市', '大安市']));
    expect(cities('中小学生每天校内体育活动时间')).toEqual(new Set(['阜新市', '大安市']));
    for (const gone of ['防治知识知晓率', '人群覆盖率', '妇女达标率', '青少年学生每天在校体育锻炼']) expect(seen.has(gone), gone).toBe(false);
    // Most of what the seeds state is in the catalogue.
    expect(known / indicators).toBeGreaterThan(0.9);
  });

  it('the ingest names, in Chinese, what the catalogue does not know', () => {
    const lines = indicatorReport([
      ...kb.targets!,
      { ...kb.targets![0]!, indicator: '儿童之家覆盖率', itemId: 'x-item' },
    ]);
    expect(lines[0]).toMatch(/^指标：读出 \d+ 条目标、\d+ 项指标，其中 \d+ 项在指标目录中/);
    expect(lines[1]).toContain('指标目录未收录');
    expect(lines[1]).toContain('儿童之家覆盖率（x-item）');
    expect(lines[1]).not.toContain('孕产妇死亡率');
    expect(indicatorReport([])).toEqual([]);
  });
});
