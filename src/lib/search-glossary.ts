/**
 * Search hints for queries that find nothing: common policy terms of the plans, matched against
 * pinyin (with or without spaces and tones), English words and near misses, so `tuoyu`,
 * `childcare` or `chilcare` lead to 托育. Every term occurs in the seed documents (a site test
 * checks it), so a suggestion never leads to another empty page.
 *
 * The pinyin is not written here: the search page computes it at build time with pinyin-pro and
 * hands `GlossaryEntry`s to the browser, which only runs `suggest`.
 */
import { editDistance } from './edit-distance.ts';

export interface GlossaryTerm {
  term: string;
  /** English glosses, lower case. */
  en?: readonly string[];
}

export interface GlossaryEntry extends GlossaryTerm {
  /** Pinyin with tone marks, syllables separated by spaces (pinyin-pro's default output). */
  pinyin: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { term: '托育', en: ['childcare', 'child care', 'daycare', 'nursery'] },
  { term: '母婴安全', en: ['maternal and infant safety', 'maternal safety'] },
  { term: '留守儿童', en: ['left-behind children'] },
  { term: '家庭暴力', en: ['domestic violence', 'family violence'] },
  // The plans write the law's name out: 反家暴 itself never occurs.
  { term: '反家庭暴力', en: ['anti-domestic violence', 'anti domestic violence law'] },
  { term: '就业性别歧视', en: ['employment discrimination', 'gender discrimination'] },
  { term: '孕产妇死亡率', en: ['maternal mortality'] },
  { term: '婴儿死亡率', en: ['infant mortality'] },
  { term: '近视', en: ['myopia', 'nearsightedness'] },
  { term: '心理健康', en: ['mental health'] },
  { term: '困境儿童', en: ['children in difficulty', 'vulnerable children'] },
  { term: '妇女参政', en: ["women's political participation"] },
  { term: '性别平等', en: ['gender equality'] },
  { term: '男女平等', en: ['equality between men and women'] },
  { term: '宫颈癌', en: ['cervical cancer'] },
  { term: '乳腺癌', en: ['breast cancer'] },
  { term: '出生缺陷', en: ['birth defects'] },
  { term: '学前教育', en: ['preschool education', 'kindergarten'] },
  { term: '义务教育', en: ['compulsory education'] },
  { term: '家庭教育', en: ['family education', 'parenting'] },
  { term: '儿童友好', en: ['child-friendly'] },
  { term: '学生欺凌', en: ['bullying', 'school bullying'] },
  { term: '性骚扰', en: ['sexual harassment'] },
  { term: '性侵害', en: ['sexual abuse', 'sexual assault'] },
  { term: '拐卖', en: ['trafficking', 'human trafficking'] },
  { term: '未成年人保护', en: ['protection of minors', 'juvenile protection'] },
  { term: '监护', en: ['guardianship'] },
  { term: '孤儿', en: ['orphans'] },
  { term: '残疾儿童', en: ['disabled children', 'children with disabilities'] },
  { term: '流动儿童', en: ['migrant children'] },
  { term: '妇联', en: ["women's federation"] },
  { term: '生育保险', en: ['maternity insurance'] },
  { term: '产假', en: ['maternity leave'] },
  { term: '养老', en: ['elderly care', 'pension'] },
  { term: '女干部', en: ['women cadres', 'female officials'] },
  { term: '农村妇女', en: ['rural women'] },
  { term: '就业创业', en: ['employment', 'entrepreneurship'] },
  { term: '法律援助', en: ['legal aid'] },
  { term: '妇幼保健', en: ['maternal and child health'] },
  { term: '溺水', en: ['drowning'] },
  { term: '营养', en: ['nutrition'] },
  { term: '艾滋病', en: ['hiv', 'aids'] },
  { term: '性教育', en: ['sex education'] },
  { term: '家风', en: ['family values'] },
  { term: '乡村振兴', en: ['rural revitalization'] },
];

/** Shown when nothing in the glossary is near the query. */
export const COMMON_TERMS = ['托育', '母婴安全', '留守儿童', '家庭暴力', '心理健康', '困境儿童', '就业性别歧视', '近视'];

const MAX_SUGGESTIONS = 8;
const STOPWORDS = new Set(['and', 'between', 'for', 'in', 'of', 'the', 'with']);

/** Lower case, without tone marks, tone numbers (tuo2yu4), spaces or punctuation. */
export const latinKey = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/([a-z])[1-5]/g, '$1').replace(/[^a-z0-9]/g, '');

/** Pinyin typed without ü is typed with v (nv, lv), or as u. */
const pinyinKey = (s: string): string => latinKey(s).replace(/v/g, 'u');

const words = (s: string): string[] =>
  s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4 && !STOPWORDS.has(w));


/** 3 same, 2 one contains the other (a prefix, or the query adds words), 1 a typo away, 0 unrelated. */
function closeness(q: string, key: string): number {
  if (!q || !key) return 0;
  if (q === key) return 3;
  if ((q.length >= 4 && key.startsWith(q)) || (key.length >= 4 && q.includes(key))) return 2;
  const budget = q.length >= 8 ? 2 : q.length >= 5 ? 1 : 0;
  return budget > 0 && Math.abs(q.length - key.length) <= budget && editDistance(q, key) <= budget ? 1 : 0;
}

/** How near an entry is to a query: 3 the same, 2 one holds the other, 1 a word or a typo away, 0 unrelated. */
export function score(query: string, e: GlossaryEntry): number {
  const han = [...query].filter((c) => /\p{Script=Han}/u.test(c));
  if (han.length) {
    const q = han.join('');
    if (q.includes(e.term) || e.term.includes(q)) return 2;
    // A mistyped character or two: most characters shared (留守儿量 → 留守儿童).
    const shared = new Set([...e.term].filter((c) => han.includes(c))).size;
    return (2 * shared) / (han.length + e.term.length) >= 0.5 ? 1 : 0;
  }
  let best = closeness(pinyinKey(query), pinyinKey(e.pinyin));
  const q = latinKey(query);
  for (const gloss of e.en ?? []) {
    best = Math.max(best, closeness(q, latinKey(gloss)));
    // One English word of the query in the gloss (violence → 家庭暴力), allowing a typo in long words.
    for (const w of words(query)) {
      if (words(gloss).some((g) => g === w || (w.length >= 6 && editDistance(g, w) <= 1))) best = Math.max(best, 1);
    }
  }
  return best;
}

/** Glossary entries near the query, best first (glossary order among equals). */
export function suggest(query: string, glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  return glossary
    .map((e, i) => ({ e, i, s: score(query, e) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.e);
}
