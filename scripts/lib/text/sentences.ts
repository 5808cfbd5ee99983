/**
 * Where sentences, clauses and paragraphs end: the one set of punctuation patterns every
 * ingest stage uses (normalise, numbering, titles, the discourse recognisers).
 *
 * Chinese text is published with full-width marks (`。！？；：`), but some sources type the
 * ASCII forms (004 has `!` and `;`), so every set holds both. The sets nest, each for its use:
 * a sentence end (。！？) ⊂ a clause end (also ；) ⊂ a break (also ： and …).
 */

/** Closing quotes and brackets that may follow an end mark: `。”`, `；）`. */
export const CLOSING_MARKS = '"”’』」）)';

/** Marks that end a sentence. */
export const SENTENCE_MARKS = '。！？!?';

/**
 * Marks that end a sentence or a clause of a run-on list (`一是…；二是…`): the sentence marks
 * and `；`.
 */
export const CLAUSE_MARKS = `${SENTENCE_MARKS}；;`;

/**
 * Marks a paragraph may stop after, and a `一是` list may start after: the clause marks, `：`
 * (a lead-in: `主要是：`) and `…`.
 */
export const BREAK_MARKS = `${CLAUSE_MARKS}：:…`;

/** The end of a sentence, anywhere in the text. */
export const SENTENCE_END = new RegExp(`[${SENTENCE_MARKS}]`);

/**
 * The end of a sentence or a clause, anywhere in the text: the end of a point's title, and
 * what a heading never contains (`一、持续夯实基础，形成合力` is a heading, `一、…。…` is not).
 */
export const CLAUSE_END = new RegExp(`[${CLAUSE_MARKS}]`);

/** A break at the end of the text, closing quotes and brackets and trailing spaces allowed. */
export const PARAGRAPH_END = new RegExp(`[${BREAK_MARKS}][${CLOSING_MARKS}]*\\s*$`);

/** Does the text end a sentence? A paragraph that does not was cut off and continues. */
export function endsSentence(text: string): boolean {
  return PARAGRAPH_END.test(text);
}

/** Closing brackets and quotes a title or a heading may end with: `（2021—2030年）`, `“春蕾计划”`. */
const ENDS_CLOSED = new RegExp(`[${CLOSING_MARKS}》」』】〕]\\s*$`);

/**
 * Does the text stop inside a sentence that is under way: no break mark at its end, a comma,
 * `、` or an earlier sentence end before it (prose, not a title's words), and no closing
 * bracket at its end?
 * `…到2025年分别控制在3.0‰、4.5‰和5.5‰` does (its paragraph goes on: `以下，…`);
 * `一、指导思想`, `（2021—2030年）` and `妇女与健康` do not.
 */
export function stopsMidSentence(text: string): boolean {
  // The `、` of a list number (`一、`, `3、`) opens no clause.
  const body = text.replace(/^\s*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})、/, '');
  return !endsSentence(body) && (/[，、,]/.test(body) || CLAUSE_END.test(body)) && !ENDS_CLOSED.test(body);
}
