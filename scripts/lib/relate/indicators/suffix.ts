/**
 * A clause that names only the end of an indicator (`人群覆盖率达到90%以上`, `防治知识知晓率达到
 * 90%以上`, `知晓率达到80%`) takes its subject from the sentence before it: `加强0—6岁儿童眼保健和
 * 视力检查工作，人群覆盖率…` is 0—6岁儿童眼保健和视力检查覆盖率. First the catalogue's indicators
 * ending the same way whose other words the sentence holds; else the object of the clause before.
 */
import { catalogueEntry, INDICATOR_CATALOGUE } from './catalogue.ts';
import { normaliseIndicator } from './names.ts';

/** Words that stand for "the population concerned" or who was asked, and name nothing alone. */
const GENERIC = /^(?:目标人群|全人群|人群|总体|整体|群众|公众|居民|社会)/;
/** Separators and spaces, ignored when comparing a name's words with the sentence's. */
const NOISE = /[\s、，,和与及的“”"]/g;

const bigrams = (s: string) => {
  const out: string[] = [];
  for (let k = 0; k + 1 < s.length; k++) out.push(s.slice(k, k + 2));
  return out;
};

/** A subject that is only an indicator's ending: not in the catalogue, and a catalogue name ends with it (or it is a bare `…率`). */
export function isSuffixOnly(subject: string): boolean {
  const name = normaliseIndicator(subject);
  if (catalogueEntry(name)) return false;
  const rest = name.replace(GENERIC, '');
  if (rest.length <= 3 && /率$/.test(rest)) return true;
  return rest !== name || INDICATOR_CATALOGUE.some((d) => d.name.length > rest.length && d.name.endsWith(rest));
}

/** Verbs a clause before starts with, in front of the thing it is about (`加强…工作`, `普及…知识`). */
const LEAD_VERB = /^(?:全面|大力|深入|持续|积极|进一步|广泛)*(?:加强|开展|推进|实施|普及|推动|做好|落实|提高|提升|强化|完善|深化|推广|扩大)/;
const TRAILING_NOUN = /(?:工作|行动|服务|活动|项目)$/;

/**
 * The whole name for a suffix-only `subject`, read from `before` (the sentence up to the
 * clause) and `previousClause`; null when neither names it.
 */
export function resolveSuffix(subject: string, before: string, previousClause: string | null): string | null {
  const name = normaliseIndicator(subject);
  const rest = name.replace(GENERIC, '');
  const context = before.replace(NOISE, '');
  let best: { name: string; score: number } | null = null;
  for (const d of INDICATOR_CATALOGUE) {
    // `人群覆盖率`: the catalogue name ends with 覆盖率; `防治知识知晓率`: with the whole rest.
    if (!d.name.endsWith(rest) || d.name === rest) continue;
    const stem = d.name.slice(0, -rest.length).replace(NOISE, '');
    const grams = bigrams(stem);
    if (!grams.length) continue;
    const score = grams.filter((g) => context.includes(g)).length / grams.length;
    if (score >= 0.8 && (!best || score > best.score)) best = { name: d.name, score };
  }
  if (best) return best.name;
  if (!previousClause) return null;
  const object = previousClause.replace(/\s+/g, '').replace(LEAD_VERB, '').replace(TRAILING_NOUN, '');
  if (object === previousClause.replace(/\s+/g, '') || object.length < 2 || object.length > 24 || /\d/.test(object)) return null;
  return object + rest;
}
