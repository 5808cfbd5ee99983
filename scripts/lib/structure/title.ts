/**
 * The title sentence of an item: a measure opens with one (`加强母婴安全保障。实施…` →
 * `加强母婴安全保障`); for a goal it is its first sentence. Without a full stop the whole
 * first paragraph is the title.
 */
export function titleSentence(text: string): string {
  const firstParagraph = text.split('\n')[0]!.trim();
  const end = firstParagraph.search(/[。！？!?]/);
  return (end === -1 ? firstParagraph : firstParagraph.slice(0, end)).trim();
}
