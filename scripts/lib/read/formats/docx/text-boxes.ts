/** The text boxes anchored in a paragraph (drawn shapes), each once. */
import type { Element } from '@xmldom/xmldom';
import { W } from './package.ts';

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * The text boxes (w:txbxContent) anchored in a paragraph, outermost only. Word writes each
 * box twice, as a DrawingML shape (mc:Choice) and as VML for old readers (mc:Fallback): the
 * fallback copy is skipped.
 */
export function textBoxes(p: Element): Element[] {
  const boxes: Element[] = [];
  const all = p.getElementsByTagNameNS(W, 'txbxContent');
  for (let i = 0; i < all.length; i++) {
    const box = all[i]!;
    let nested = false;
    for (let at = box.parentNode as Element | null; at && at !== p; at = at.parentNode as Element | null) {
      if ((at.namespaceURI === MC && at.localName === 'Fallback') || (at.namespaceURI === W && at.localName === 'txbxContent')) nested = true;
    }
    if (!nested) boxes.push(box);
  }
  return boxes;
}
