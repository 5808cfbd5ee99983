/** Short display title: the title sentence, else the start of the text. */
export function itemTitle(d: { title: string; text: string }): string {
  if (d.title.trim()) return d.title.trim();
  const t = d.text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
