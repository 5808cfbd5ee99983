import { describe, expect, it } from 'vitest';
import type { Block, Item, OcrReading } from '../../types.ts';
import { documentBody, stringifyMdx } from './mdx.ts';

const blocks = [
  { index: 0, text: '主要目标：', lineStart: 1, lineEnd: 1 },
  { index: 1, text: '孕产妇死亡率控制在12/10万以下，城乡差距缩小。', lineStart: 2, lineEnd: 3 },
  { index: 2, text: '孕产妇系统管理率达到90%以上。', lineStart: 4, lineEnd: 4 },
] as Block[];
const ocr: OcrReading = {
  engine: 'tesseract 5',
  dpi: 300,
  threshold: 60,
  pages: [{ page: 1, confidence: 88 }],
  uncertain: [
    { line: 3, text: '12/10', confidence: 41 },
    { line: 3, text: '差距', confidence: 55 },
    // On another line than the block holding `90%`: not marked there.
    { line: 9, text: '90%', confidence: 20 },
  ],
};

describe('uncertain OCR words on the reader page', () => {
  it('wraps each uncertain word of a block in a titled mark, the rest of the text unchanged', () => {
    const mdx = stringifyMdx({ type: 'root', children: documentBody({ blocks, items: [] as Item[], ocr }) });
    expect(mdx).toContain('孕产妇死亡率控制在<mark data-ocr-uncertain="41" title="识别存疑（置信度 41%）：请对照原件核对">12/10</mark>万以下，城乡<mark data-ocr-uncertain="55"');
    expect(mdx).toContain('孕产妇系统管理率达到90%以上。');
    expect(mdx.match(/<mark /g)).toHaveLength(2);
  });

  it('leaves a document not read by OCR as it was', () => {
    const plain = stringifyMdx({ type: 'root', children: documentBody({ blocks, items: [] }) });
    expect(plain).not.toContain('<mark');
    expect(plain).toContain('控制在12/10万以下');
  });
});
