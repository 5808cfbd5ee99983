import { describe, expect, it } from 'vitest';
import { seedKb } from '../../testing/seed-kb.ts';
import { figures, neutralTitle } from './topic-title.ts';

const member = (title: string, text = title) => ({ title, text });

describe('neutralTitle', () => {
  it('keeps a title every member states, figures and all', () => {
    const t = '中小学生国家学生体质健康标准优良率达到 60%以上';
    expect(neutralTitle(t, [member(t), member('中小学生国家学生体质健康标准达标优良率达到60%以上')])).toBe(t);
  });

  it("cuts one city's targets back to the indicator, keeping the clauses true of all", () => {
    const fuxin = '加强孕产妇系统化管理和安全保障，孕产妇死亡率到2025年控制在 10.5/10 万以下，到 2030 年下降到 10/10 万以下，城乡差距逐步缩小';
    const daan = '孕产妇死亡率控制在12/10万以下，城乡、区域差距缩小';
    expect(neutralTitle(fuxin, [member(fuxin), member(daan)])).toBe('加强孕产妇系统化管理和安全保障，孕产妇死亡率得到控制，城乡差距逐步缩小');
  });

  it('keeps figures that name the indicator when every member states them (5 岁以下)', () => {
    const fuxin = '新生儿、婴儿和 5 岁以下儿童死亡率到 2025 年分别控制在 3.0‰、4.5‰和 5.5‰以下，到 2030 年分别控制在 2.3‰、3.4‰和 4.4‰以下，地区和城乡差距逐步缩小';
    const daan = '新生儿死亡率下降到3‰以下，婴儿死亡率下降到4‰以下，5岁以下儿童死亡率下降到5‰以下，城乡、区域差距逐步缩小';
    expect(neutralTitle(fuxin, [member(fuxin), member(daan)])).toBe('新生儿、婴儿和 5 岁以下儿童死亡率得到控制，地区和城乡差距逐步缩小');
  });

  it('treats 10 as stated only as a whole number (not inside 10.5 or 100)', () => {
    expect(neutralTitle('比例达到10%', [member('比例达到10%'), member('比例达到10.5%')])).toBe('比例达到目标');
    expect(neutralTitle('比例达到10%', [member('比例达到10%'), member('比例达到100%')])).toBe('比例达到目标');
    expect(neutralTitle('比例达到10%', [member('比例达到10%'), member('其他', '比例 10 %')])).toBe('比例达到10%');
  });

  it('says what a cut clause still states, so a title never stops at a bare noun', () => {
    const a = '适龄儿童免疫规划疫苗接种率以乡（镇、街道）为单位保持在95%以上';
    const b = '适龄儿童免疫规划疫苗接种率以乡（镇、街道）为单位保持在90%以上';
    expect(neutralTitle(a, [member(a), member(b)])).toBe('适龄儿童免疫规划疫苗接种率保持稳定');
    const c = '儿童新发近视率明显下降，儿童总体近视率每年降低0.5个百分点以上';
    const d = '儿童新发近视率明显下降，儿童总体近视率每年降低1个百分点';
    expect(neutralTitle(c, [member(c), member(d)])).toBe('儿童新发近视率明显下降，儿童总体近视率每年下降');
    const e = '预防和减少孕产妇贫血，孕妇贫血率控制在10%以下';
    expect(neutralTitle(e, [member(e), member('孕妇贫血率控制在8%以下')])).toBe('预防和减少孕产妇贫血，孕妇贫血率得到控制');
  });

  it('never returns an empty title', () => {
    expect(neutralTitle('95%以上', [member('95%以上'), member('90%以上')])).not.toBe('');
  });
});

describe('topic titles on the seeds', () => {
  it('state no figure that one of their members does not state', () => {
    const kb = seedKb();
    const items = new Map(kb.documents.flatMap((d) => d.items).map((i) => [i.id, i]));
    const withFigures = kb.topics.filter((t) => figures(t.title).length > 0);
    expect(withFigures.length).toBeGreaterThan(3);
    for (const t of kb.topics) {
      const members = t.items.map((id) => items.get(id)!);
      for (const f of figures(t.title)) {
        for (const m of members) expect(`${m.title}${m.text}`.normalize('NFKC').replace(/\s+/g, ''), `${t.title} / ${m.id}`).toContain(f);
      }
    }
  });
});
