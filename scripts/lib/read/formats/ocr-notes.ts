/**
 * What the editor must check in a document read by OCR (formats/ocr.ts), once its items are
 * known: pure, on the parse's plain data, so the pipeline calls it without the OCR's process work.
 */
import type { Block, Item, OcrReading, OcrRepair } from '../../types.ts';

/** Figures in a target: a number with its unit (`12/10万`, `95%`, `5‰`, `2030年`). */
const FIGURE = /[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:\/\s*10\s*万|%|％|‰|‰|万|个|人|岁|年|小时|天|倍)?/g;

/**
 * Notes on an OCR-read document's targets: every number the OCR was unsure of, at its block
 * (one note each), every heading or item number the recogniser read otherwise than the OCR
 * did because the document's order confirms it (`repairs`, one note each), and one note listing
 * the figures of every goal, for the editor to check against the scan (a misread `8` for `3`
 * changes a target without changing how it looks).
 */
export function ocrTargetNotes(ocr: OcrReading, blocks: Block[], items: Item[], repairs: OcrRepair[] = []): { block: number | null; message: string }[] {
  const notes: { block: number | null; message: string }[] = [];
  for (const r of repairs) {
    const line = blocks[r.block]?.lineStart;
    const where = line ? `第 ${line} 行` : '一处';
    notes.push({
      block: r.block,
      message:
        r.kind === 'domain'
          ? `文字识别把${where}的标题读作“${r.printed}”，不能直接认出领域名称；按规划的领域顺序，此处应为“${r.read}”，已按“${r.read}”归类其下条目。请对照原件核对；有误时改正全文另存为 .txt 后重新构建。`
          : r.kind === 'list'
            ? `文字识别把${where}的标题读作“${r.printed}”；按该领域的顺序，此处应为“${r.read}”，已按“${r.read}”读取其下条目。请对照原件核对；有误时改正全文另存为 .txt 后重新构建。`
            : `文字识别把${where}条目的编号读作“${r.printed}”；按前后条目的顺序，已读作 ${r.read}。请对照原件核对这个编号；有误时改正全文另存为 .txt 后重新构建。`,
    });
  }
  const blockOfLine = (line: number) => blocks.find((b) => b.lineStart <= line && b.lineEnd >= line);
  for (const u of ocr.uncertain) {
    if (!/[0-9０-９]/.test(u.text)) continue;
    const block = blockOfLine(u.line);
    notes.push({
      block: block?.index ?? null,
      message: `文字识别对第 ${u.line} 行的数字“${u.text}”没有把握（置信度 ${u.confidence}%）。请对照原件核对这个数字；有误时改正全文另存为 .txt 后重新构建。`,
    });
  }
  const listed: string[] = [];
  for (const item of items) {
    if (item.kind !== 'goal') continue;
    const figures = [...new Set(item.text.match(FIGURE) ?? [])].map((f) => f.replace(/\s+/g, ''));
    if (figures.length === 0) continue;
    const line = blocks[item.blockStart]?.lineStart;
    listed.push(`${item.domain ?? ''}目标 ${item.number}${line ? `（第 ${line} 行）` : ''}：${figures.join('、')}`);
  }
  if (listed.length > 0) {
    notes.push({
      block: null,
      message: `以下目标中的 ${listed.length} 组数字由文字识别读出，请逐一对照原件核对：${listed.join('；')}。`,
    });
  }
  return notes;
}
