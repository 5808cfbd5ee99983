/**
 * An item's text as paragraphs: a blank line (spaces allowed) separates them, other line breaks
 * stay inside one. Shared by the generated document bodies and the item pages.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
}

/** Short display title: the title sentence, else the start of the text. */
export function itemTitle(d: { title: string; text: string }): string {
  if (d.title.trim()) return d.title.trim();
  const t = d.text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** Under a place's name: its province, or why there is none (a national document; none stated). */
export function provinceNote(place: { province: string | null; level: string }): string {
  return place.province ?? (place.level === 'national' ? '全国性文件' : '省份未注明');
}
