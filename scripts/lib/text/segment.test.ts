import { describe, expect, it } from 'vitest';
import { decodeWords, encodeWords, isContentToken, segment, segmentItem, segmentItems } from './segment.ts';

describe('segment', () => {
  it('cuts Chinese into content words, long words with their parts', () => {
    const words = segment('完善妇幼健康服务体系，加强妇幼保健机构建设。');
    expect(words).toEqual(expect.arrayContaining(['妇幼', '健康', '服务体系', '妇幼保健', '机构']));
    // Punctuation and lone function characters are gone.
    expect(words.some((w) => /[，。的和]/.test(w) && w.length === 1)).toBe(false);
  });

  it('recovers words the dictionary lacks from runs of single characters', () => {
    expect(segment('发展普惠托育服务')).toContain('托育');
    // …but never glues a function character onto a neighbour.
    expect(segment('宫颈癌和乳腺癌等在')).not.toContain('等在');
  });

  it('normalises full-width characters and keeps codes, not years or counts', () => {
    expect(segment('拨打１２３３８热线')).toContain('12338');
    expect(segment('到2025年，覆盖率达到90%')).not.toContain('2025');
    expect(isContentToken('HPV')).toBe(true);
    expect(isContentToken('90')).toBe(false);
  });

  it('separates the title sentence from the body without counting it twice', () => {
    const { title, body } = segmentItem('加强母婴安全保障', '加强母婴安全保障。实施母婴安全行动提升计划。');
    expect(title).toEqual(['加强', '母婴', '安全', '保障']);
    expect(body).toContain('提升');
    expect(body.filter((w) => w === '保障')).toHaveLength(0);
  });

  it('is deterministic', () => {
    const text = '健全婚姻家庭纠纷预防化解工作机制，发挥综治中心和网格化服务管理作用。';
    expect(segment(text)).toEqual(segment(text));
  });

  it('segments many items the same with or without a helper thread, in the same order', () => {
    const texts = [
      ['加强母婴安全保障', '加强母婴安全保障。全面落实妊娠风险筛查评估。'],
      ['', ''],
      ['发展普惠托育服务', '发展普惠托育服务。拨打１２３３８热线。'],
      ['预防和减少儿童溺水', '预防和减少儿童溺水。'],
      ['HPV疫苗', '推广HPV疫苗接种。'],
    ];
    const items = Array.from({ length: 60 }, (_, k) => ({ title: texts[k % 5][0], text: texts[k % 5][1] + '第' + k + '项。' }));
    const serial = items.map((i) => segmentItem(i.title, i.text));
    // parallelMin 0 and small chunks: a helper thread is started and takes chunks if it can.
    expect(segmentItems(items, { parallelMin: 0, chunkSize: 7 })).toEqual(serial);
    expect(segmentItems(items)).toEqual(serial);
    expect(decodeWords(encodeWords(serial))).toEqual(serial);
  });
});
