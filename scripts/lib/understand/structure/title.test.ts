import { describe, expect, it } from 'vitest';
import { titleSentence } from './title.ts';

describe('titleSentence', () => {
  it('ends a plan item title at the full stop, not at a ；', () => {
    expect(titleSentence('加强母婴安全保障。实施母婴安全行动提升计划。')).toBe('加强母婴安全保障');
    expect(titleSentence('应至少各配备1名女干部；政府领导班子中的女干部比例逐步提高。')).toBe('应至少各配备1名女干部；政府领导班子中的女干部比例逐步提高');
    expect(titleSentence('孕产妇死亡率控制在12/10万以下')).toBe('孕产妇死亡率控制在12/10万以下');
  });

  it('ends a point of an opinion, report or speech at a ；too, when asked', () => {
    const point = { semicolonEndsPoint: true };
    expect(titleSentence('加强宣传；深入开展普法。', point)).toBe('加强宣传');
    expect(titleSentence(' 维护女性平等就业权利。要加大…', point)).toBe('维护女性平等就业权利');
    expect(titleSentence('加强宣传；', point)).toBe('加强宣传');
  });

  it('stops at ！？ and their ASCII forms, and reads only the first paragraph', () => {
    expect(titleSentence('为什么？因为…')).toBe('为什么');
    expect(titleSentence('作出新的更大贡献!希望大家…')).toBe('作出新的更大贡献');
    expect(titleSentence('第一段没有句号\n第二段。')).toBe('第一段没有句号');
  });
});
