import { describe, expect, it } from 'vitest';
import { CLAUSE_END, endsSentence, SENTENCE_END, stopsMidSentence } from './sentences.ts';

describe('sentence-end patterns', () => {
  it('a sentence ends at 。！？ in either width, not at ；：，', () => {
    for (const t of ['甲。乙', '甲！乙', '甲？乙', '甲!乙', '甲?乙']) expect(SENTENCE_END.test(t), t).toBe(true);
    for (const t of ['甲；乙', '甲;乙', '甲：乙', '甲，乙', '甲…乙']) expect(SENTENCE_END.test(t), t).toBe(false);
  });

  it('a clause ends at a sentence end or ；, in either width', () => {
    for (const t of ['甲。乙', '甲；乙', '甲;乙', '甲!乙']) expect(CLAUSE_END.test(t), t).toBe(true);
    for (const t of ['一、持续夯实基础，形成维权工作合力', '主要是：', '等等…']) expect(CLAUSE_END.test(t), t).toBe(false);
  });

  it('a paragraph ends at a clause end, a colon or an ellipsis, closing quotes and spaces allowed', () => {
    for (const t of ['特此报告。', '主要问题是：', '主要是:', '维权岗”。', '作出贡献!', '建立“家庭暴力报警中心”。”', '等等……', '加强宣传；  ', '（见附件。）'])
      expect(endsSentence(t), t).toBe(true);
    for (const t of ['…全市孕产妇', '依托区女律师', '一、完善工作机制，', '“春蕾计划”', '阜政发〔2022〕11号'])
      expect(endsSentence(t), t).toBe(false);
  });

  it('a text stops mid-sentence when a clause is under way and nothing closes it', () => {
    for (const t of ['到2025年分别控制在3.0‰、4.5‰和5.5‰', '保障。孤儿和事实无人抚养儿童基本生活养育标准到2025年年均提高6%', '一、完善工作机制，切实加强统筹协同'])
      expect(stopsMidSentence(t), t).toBe(true);
    for (const t of ['一、指导思想', '阜新市妇女发展规划（2021—2030年）', '妇女与健康', '特此报告。', '主要目标：', '实施“春蕾计划”，开展“巾帼行动”', '阜新市人民政府关于印发阜新市妇女发展规划'])
      expect(stopsMidSentence(t), t).toBe(false);
  });
});
