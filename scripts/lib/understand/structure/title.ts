import { CLAUSE_END, SENTENCE_END } from '../../text/sentences.ts';

export interface TitleOptions {
  /**
   * Opinions, reports and speeches run their points on in one paragraph, separated by `；`
   * (`一是加强宣传；二是完善机制。`), so a `；` ends a point's title. In plans and task lists a
   * `；` joins the parts of one goal (`…至少各配备1名女干部；…政府领导班子中的…`), and the
   * title runs on to the full stop. Default false.
   */
  semicolonEndsPoint?: boolean;
}

/**
 * The title sentence of an item: a measure opens with one (`加强母婴安全保障。实施…` →
 * `加强母婴安全保障`); for a goal it is its first sentence; for a point of an opinion, report
 * or speech it is its first sentence or clause, given the text after its marker
 * (`一是维护女性平等就业权利。要加大…` → `维护女性平等就业权利`). Without a sentence end the
 * whole first paragraph is the title.
 */
export function titleSentence(text: string, options: TitleOptions = {}): string {
  const firstParagraph = text.split('\n')[0]!.trim();
  const end = firstParagraph.search(options.semicolonEndsPoint ? CLAUSE_END : SENTENCE_END);
  return (end === -1 ? firstParagraph : firstParagraph.slice(0, end)).trim();
}
