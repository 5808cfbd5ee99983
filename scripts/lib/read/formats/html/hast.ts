/** The page as hast: kinds of element, their plain text, and per-element character counts computed once. */
import type { Element, ElementContent, Root, RootContent } from 'hast';

export const BLOCK = new Set(
  'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption legend option select textarea'.split(' '),
);
/** Elements whose content is not the page's text. */
export const CODE = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'map']);
export const FORM_CONTROLS = new Set(['form', 'input', 'select', 'button', 'textarea', 'option', 'label']);

export const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';
export const classAndId = (el: Element) => `${((el.properties?.className as string[] | undefined) ?? []).join(' ')} ${String(el.properties?.id ?? '')}`.toLowerCase();
export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Characters (not spaces) of an element's text, all and within links, computed once per element. */
interface Stats {
  chars: number;
  cjk: number;
  linkChars: number;
  linkCjk: number;
}

export class PageStats {
  private readonly stats = new Map<Element, Stats>();

  of(el: Element): Stats {
    let s = this.stats.get(el);
    if (s) return s;
    s = { chars: 0, cjk: 0, linkChars: 0, linkCjk: 0 };
    if (!CODE.has(el.tagName)) {
      for (const child of el.children) {
        if (child.type === 'text') {
          const t = child.value.replace(/\s/g, '');
          s.chars += t.length;
          s.cjk += t.match(CJK)?.length ?? 0;
        } else if (isElement(child)) {
          const c = this.of(child);
          s.chars += c.chars;
          s.cjk += c.cjk;
          const link = child.tagName === 'a';
          s.linkChars += link ? c.chars : c.linkChars;
          s.linkCjk += link ? c.cjk : c.linkCjk;
        }
      }
    }
    this.stats.set(el, s);
    return s;
  }

  text(el: Element): number {
    const s = this.of(el);
    return s.chars - s.linkChars;
  }

  linkDensity(el: Element): number {
    const s = this.of(el);
    return s.chars === 0 ? 0 : s.linkChars / s.chars;
  }
}

/** Plain text of an element (no layout), spaces collapsed. */
/** The first characters of an element's plain text: enough to tell a breadcrumb or a related list by how it opens. */
export function openingText(el: Element, max = 120): string {
  let out = '';
  const visit = (n: Element | ElementContent): void => {
    if (out.length >= max) return;
    if (n.type === 'text') out += n.value;
    else if (isElement(n) && !CODE.has(n.tagName)) for (const c of n.children) visit(c);
    if (isElement(n) && (BLOCK.has(n.tagName) || n.tagName === 'br')) out += ' ';
  };
  visit(el);
  return out.slice(0, max);
}

export function plainText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (!isElement(node) || CODE.has(node.tagName)) return '';
  // Blocks (cells, rows, paragraphs) are set apart by a space, inline runs are not.
  return node.children.map((c) => (isElement(c) && (BLOCK.has(c.tagName) || c.tagName === 'br') ? ` ${plainText(c)} ` : plainText(c))).join('');
}
export const squash = (t: string) => t.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** A link to a document file (an attachment): the article finder and the printer both ask. */
export const ATTACHMENT_FILE = /\.(?:docx?|wps|pdf|xlsx?|et|rtf|ofd|zip|rar|7z|txt)$/i;
