import { describe, expect, it } from 'vitest';
import { compactHeading, headingCore } from './heading.ts';

describe('headingCore', () => {
  it('strips numbering of every kind, with its separator', () => {
    for (const dressed of ['（一）妇女与健康', '(一)妇女与健康', '一、妇女与健康', '一．妇女与健康', '（一）、妇女与健康', '4.妇女与健康', '4、妇女与健康', '（4）妇女与健康', '⑷妇女与健康', '④妇女与健康', 'Ⅳ.妇女与健康', '第三章 妇女与健康', '第二部分 妇女与健康', '第一节　妇女与健康', '领域一：妇女与健康', '【一】妇女与健康']) {
      expect(headingCore(dressed), dressed).toBe('妇女与健康');
    }
  });

  it('strips brackets, quotes, Markdown bold, spaces, trailing punctuation and a trailing 领域', () => {
    for (const dressed of ['【妇女与健康】', '〔妇女与健康〕', '“妇女与健康”领域', '「妇女与健康」', '**（一）妇女与健康**', '妇 女 与 健 康', '（一）妇女与健康。', '（一）妇女与健康：', '妇女与健康；', '妇女与健康领域', '（一）妇女与健康领域。']) {
      expect(headingCore(dressed), dressed).toBe('妇女与健康');
    }
    expect(headingCore('【主要目标】')).toBe('主要目标');
    expect(headingCore('1.主要目标：')).toBe('主要目标');
    expect(headingCore('**三、组织实施**')).toBe('组织实施');
  });

  it('keeps what is more than a heading, so an exact comparison rejects it', () => {
    expect(headingCore('4.儿童与家庭教育指导服务体系更加完善。')).toBe('儿童与家庭教育指导服务体系更加完善');
    expect(headingCore('（一）妇女与健康：全面提升妇女健康水平')).toBe('妇女与健康：全面提升妇女健康水平');
    // A marker is never the whole heading: `一、` alone stays.
    expect(headingCore('一、')).toBe('一');
    // 领域 alone is a word, not a suffix.
    expect(headingCore('领域')).toBe('领域');
  });

  it('compacts spaces and Markdown emphasis only', () => {
    expect(compactHeading('**三、 组织 实施**')).toBe('三、组织实施');
  });
});
