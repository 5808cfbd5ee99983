/**
 * The documents around the plans (review opinions, implementation reports, speeches) joined
 * to the plan measures they address, and given the domains their text is about.
 *
 * Such an item is one paragraph that names several measures in turn (`一要推动妇女充分就业…
 * 二要抓好妇女社会保障工作…`), so its likeness to any one measure as a whole is diluted.
 * Here it is read passage by passage (its title sentence, each sentence of its body, and its
 * section heading with less weight): each passage finds the plan measures closest to it, and
 * a measure's score for the item is its best passage's likeness blended with the whole
 * item's. The domains are the plans' own: every passage votes for the domain of the measure
 * it is closest to, so a domain is learned from the measures the plans file under it.
 *
 * Some passages are about the work itself (organisation, funding, publicity: `强化组织领导`,
 * `纳入财政预算`). The plans say the same in their text outside the domain chapters (组织实施,
 * 监测评估): those paragraphs take part in the vote as "the work itself", and an item whose
 * passages are closer to them than to any measure gets no domain and no measures. Nothing
 * here knows a particular document or a word list.
 */
import { DOMAINS } from '../../understand/domains.ts';
import { segment, type ItemWords } from '../../text/segment.ts';
import { buildVectorsFromWords, cosine, termBag, vectorInSpace, type SparseVector, type TermSpace } from '../../text/vectors.ts';
import type { Address, DomainName, Item, KbDocument } from '../../types.ts';
import { POPULATIONS, STRUCTURED_DOCUMENT_KINDS, type Population } from '../../../../src/lib/vocabulary.ts';
import { DEFAULT_ADDRESS_OPTIONS, type AddressOptions } from './options.ts';

export type { Address };

export interface AroundResult {
  /** Per item id: its domains, main first; an empty list where the text is about the work itself. */
  domains: Map<string, DomainName[]>;
  /** Best first per source. */
  addresses: Address[];
}

/** Item kinds of the documents around the plans. */
const SUMMARY_KINDS = new Set<Item['kind']>(['recommendation', 'report', 'speech']);

/** Sentence ends inside an item's text: each sentence is one passage. */
const SENTENCE_END = /(?<=[。；;！!？?\n])/;

/** How far into the text the title may start (`二是`, `一要`). */
const MAX_LEAD_CHARS = 4;

/** Passages shorter than this many characters join the next one (`一是`, `同时，`). */
const MIN_PASSAGE_CHARS = 6;

export function isSummaryItem(item: Pick<Item, 'kind'>): boolean {
  return SUMMARY_KINDS.has(item.kind);
}

/** The passages of an item: its title sentence, then its body sentence by sentence. */
export function passagesOf(item: Pick<Item, 'title' | 'text'>): string[] {
  const title = item.title.trim();
  // The text repeats the title, sometimes after an enumeration kept in the sentence (`二是`).
  const at = title ? item.text.indexOf(title) : -1;
  const body = (at >= 0 && at <= MAX_LEAD_CHARS ? item.text.slice(at + title.length) : item.text).replace(/^[\s\p{P}]+/u, '');
  const out: string[] = title ? [title] : [];
  let pending = '';
  for (const sentence of body.split(SENTENCE_END)) {
    pending += sentence;
    if (pending.replace(/\s/g, '').length >= MIN_PASSAGE_CHARS) {
      out.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim()) {
    if (out.length > (title ? 1 : 0)) out[out.length - 1] += pending.trim();
    else out.push(pending.trim());
  }
  return out;
}

interface Candidate {
  /** Index into `measures`, or -1 - k for the k-th paragraph on the work itself. */
  ref: number;
  /** The whole text's vector: proposes the candidate. */
  vector: SparseVector;
  text: string;
  /** Its sentences' vectors, made when first needed. */
  sentences?: SparseVector[];
}

/**
 * Domains and addressed measures for every non-repeated item of an opinion, report or speech.
 * `words[k]` are `items[k]`'s words (the ingest's segmentation); `documents` give the plans'
 * text outside their items.
 */
export function addressPlans(
  documents: readonly KbDocument[],
  items: readonly Item[],
  words: readonly ItemWords[],
  options: Partial<AddressOptions> = {},
): AroundResult {
  const opt = { ...DEFAULT_ADDRESS_OPTIONS, ...options };
  const domains = new Map<string, DomainName[]>();
  const addresses: Address[] = [];
  const summaries = items.flatMap((item, k) => (isSummaryItem(item) && !item.repeats ? [k] : []));
  if (summaries.length === 0) return { domains, addresses };

  const { space, vectors } = buildVectorsFromWords(words);
  const measures = items.flatMap((item, k) => (item.kind === 'measure' && item.domainSource === 'structure' && item.domain ? [k] : []));
  if (measures.length === 0) return { domains, addresses };
  const work = workParagraphs(documents, space);
  const planCount = new Set(measures.map((k) => items[k].docId)).size;
  // Plans reword the national outline, so many sentences recur from city to city: each is
  // segmented once.
  const sentenceVectors = new Map<string, SparseVector>();
  const vectorOf = (text: string) => {
    let v = sentenceVectors.get(text);
    if (!v) sentenceVectors.set(text, (v = vectorInSpace(termBag(segment(text), []), space)));
    return v;
  };
  const measurePool: Candidate[] = measures.map((k, m) => ({
    ref: m,
    vector: vectors[k],
    text: items[k].text,
  }));
  const measurePostings = termPostings(measurePool, opt.maxPostingShare, opt.maxPostingsPerDocument, planCount);
  // A plan's preamble also sums up its measures (总体目标): such a paragraph is about the
  // subjects, not the work itself, and stays out.
  const workPool = work
    .filter(
      (w) => (closest(w.vector, measurePool, measurePostings, 1, vectorOf, () => 1, opt.sentenceShare)[0]?.score ?? 0) < opt.workMaxMeasureScore,
    )
    .map((w, x) => ({ ref: -1 - x, vector: w.vector, text: w.text }));
  const pool: Candidate[] = [...measurePool, ...workPool];
  const postings = termPostings(pool, opt.maxPostingShare, opt.maxPostingsPerDocument, planCount);

  // A passage is read in the plans' words only: a word no plan uses (宝宝屋, a local
  // programme's name) cannot tell their measures apart, and would only dilute its likeness.
  const planWords = new Set<string>();
  for (const c of pool) for (const id of c.vector.ids) planWords.add(space.terms[id]);
  const passageVector = (text: string) =>
    vectorInSpace(
      termBag(
        segment(text).filter((w) => planWords.has(w)),
        [],
      ),
      space,
    );

  for (const k of summaries) {
    const item = items[k];
    const passages = passagesOf(item).map((text, p) => ({
      vector: passageVector(text),
      weight: p === 0 ? opt.titleWeight : 1,
    }));
    const heading = item.section.at(-1);
    if (heading)
      passages.push({
        vector: passageVector(heading),
        weight: opt.headingWeight,
      });

    const population = namedPopulation(item);
    // Each passage: its closest measures (and work paragraphs), scored exactly.
    const best = new Map<number, number>(); // measure → best passage likeness
    const support = new Map<number, number>(); // measure → all its passages' likeness
    const votes = new Map<DomainName | 'work', number>();
    for (const passage of passages) {
      // A measure for the other population (女性 for a passage on 儿童) is a weaker match.
      const scored = closest(
        passage.vector,
        pool,
        postings,
        opt.candidatesPerPassage,
        vectorOf,
        (ref) => (ref >= 0 && population && items[measures[ref]].population !== population ? opt.otherPopulationFactor : 1),
        opt.sentenceShare,
      );
      const top = scored[0];
      if (!top || top.score < opt.minPassageScore) continue;
      for (const s of scored) {
        if (s.ref < 0) continue;
        best.set(s.ref, Math.max(best.get(s.ref) ?? 0, s.score));
        support.set(s.ref, (support.get(s.ref) ?? 0) + s.score);
      }
      // Near-ties go to the work itself: a passage that reads as much like the plans' 组织实施 as
      // like a measure is not evidence of a subject.
      const work = scored.find((x) => x.ref < 0);
      const vote = top.ref < 0 || (work && work.score >= opt.workTie * top.score) ? 'work' : items[measures[top.ref]].domain!;
      votes.set(vote, (votes.get(vote) ?? 0) + passage.weight * top.score);
      // The runners-up vote too, with less weight: a passage between two measures of one
      // domain speaks for that domain more surely than for either measure.
      for (const x of scored.slice(1, opt.votesPerPassage)) {
        const v = x.ref < 0 ? 'work' : items[measures[x.ref]].domain!;
        votes.set(v, (votes.get(v) ?? 0) + opt.runnerUpVote * passage.weight * x.score);
      }
    }

    const whole = vectors[k];
    const ranked = DOMAINS.map((d) => ({
      name: d.name,
      votes: votes.get(d.name) ?? 0,
    }))
      .filter((d) => d.votes > 0)
      .sort((a, b) => b.votes - a.votes);
    const workVotes = votes.get('work') ?? 0;
    const domainVotes = ranked.reduce((sum, d) => sum + d.votes, 0);
    const main = ranked[0];
    // About the work itself: more of its passages are closer to what the plans say about
    // carrying them out than to all their measures together.
    // Votes scattered over many domains are a survey (`提高认识…`), not an item on one subject.
    if (!main || workVotes * opt.workMargin >= domainVotes || main.votes < opt.minMainShare * (domainVotes + workVotes)) {
      domains.set(item.id, []);
      continue;
    }
    const itemDomains = ranked
      .filter((d, r) => r === 0 || d.votes >= opt.secondaryShare * main.votes)
      .slice(0, opt.maxDomains)
      .map((d) => d.name);

    // Measures: best passage blended with the whole item; outside the item's domains, less.
    const scored = [...best].map(([m, passage]) => {
      const target = items[measures[m]];
      // A measure the item comes back to in several passages is more what it is about.
      const passages = passage + opt.supportWeight * (support.get(m)! - passage);
      const blended = opt.passageShare * passages + (1 - opt.passageShare) * cosine(whole, vectors[measures[m]]);
      const factor = itemDomains.includes(target.domain!) ? 1 : opt.otherDomainFactor;
      return { target, score: blended * factor };
    });
    const byDocument = new Map<string, { target: Item; score: number }[]>();
    for (const s of scored) {
      if (s.score < opt.floor) continue;
      byDocument.set(s.target.docId, [...(byDocument.get(s.target.docId) ?? []), s]);
    }
    const kept = [...byDocument.values()].flatMap((list) => {
      list.sort((a, b) => b.score - a.score || (a.target.id < b.target.id ? -1 : 1));
      return list.filter((s) => s.score >= opt.nearBest * list[0].score).slice(0, opt.perDocument);
    });
    kept.sort((a, b) => b.score - a.score || (a.target.id < b.target.id ? -1 : 1));
    domains.set(item.id, finalDomains(itemDomains, kept.slice(0, opt.domainFromTop), opt));
    for (const s of kept.slice(0, opt.perItem)) {
      addresses.push({
        source: item.id,
        target: s.target.id,
        score: Math.round(s.score * 1000) / 1000,
      });
    }
  }
  return { domains, addresses };
}

/**
 * The item's domains, main first: those of the measures it addresses best (their scores
 * summed per domain), which weigh every passage and the whole item together; then the
 * passages' votes for domains none of those measures is in.
 */
function finalDomains(voted: readonly DomainName[], top: readonly { target: Item; score: number }[], opt: AddressOptions): DomainName[] {
  const sums = new Map<DomainName, number>();
  for (const t of top) sums.set(t.target.domain!, (sums.get(t.target.domain!) ?? 0) + t.score);
  const ranked = [...sums].sort((a, b) => b[1] - a[1] || voted.indexOf(a[0]) - voted.indexOf(b[0]));
  const fromMeasures = ranked.filter(([, sum], r) => r === 0 || sum >= opt.secondaryShare * ranked[0][1]).map(([d]) => d);
  return [...new Set([...fromMeasures, ...voted])].slice(0, opt.maxDomains);
}

/**
 * Paragraphs of the plans outside every item: the preamble and the chapters on carrying the
 * plan out (组织实施, 监测评估), i.e. what a plan says about the work itself.
 */
function workParagraphs(documents: readonly KbDocument[], space: TermSpace): { text: string; vector: SparseVector }[] {
  const out: { text: string; vector: SparseVector }[] = [];
  for (const doc of documents) {
    if (!STRUCTURED_DOCUMENT_KINDS.has(doc.kind) || doc.items.length === 0) continue;
    const inItem = new Uint8Array(doc.blocks.length);
    for (const item of doc.items) inItem.fill(1, item.blockStart, item.blockEnd + 1);
    for (const block of doc.blocks) {
      if (inItem[block.index] || block.headingDepth !== undefined || block.cells) continue;
      if (block.text.replace(/\s/g, '').length < MIN_WORK_CHARS) continue;
      const vector = vectorInSpace(termBag(segment(block.text), []), space);
      if (vector.ids.length > 0) out.push({ text: block.text, vector });
    }
  }
  return out;
}

/** A paragraph shorter than this is a heading or a line of furniture, not a statement. */
const MIN_WORK_CHARS = 30;

/** Term → candidates holding it, for terms in few enough candidates to tell measures apart. */
function termPostings(pool: readonly Candidate[], maxShare: number, maxPerDocument: number, documents: number): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  pool.forEach((c, x) => {
    for (const id of c.vector.ids) {
      const list = postings.get(id);
      if (list) list.push(x);
      else postings.set(id, [x]);
    }
  });
  // As in the link stage: a measure appears about once per plan, so a word in far more items
  // than plans names a theme, not a measure (it still counts in the exact score).
  const limit = Math.max(MIN_POSTING_LIMIT, Math.min(Math.floor(maxShare * pool.length), maxPerDocument * documents));
  for (const [id, list] of postings) if (list.length > limit) postings.delete(id);
  return postings;
}

/** Candidates scored exactly per passage, at least: the proposal's rough order is not the exact one. */
const MIN_PROPOSED = 20;

/** Even on a small corpus a term this rare always proposes candidates. */
const MIN_POSTING_LIMIT = 30;

/** The pool members sharing an informative term with `v`, best first (exact cosine). */
function closest(
  v: SparseVector,
  pool: readonly Candidate[],
  postings: Map<number, number[]>,
  limit: number,
  vectorOf: (text: string) => SparseVector,
  factor: (ref: number) => number,
  /** Weight of the passage's closest sentence of a candidate against the candidate's whole text. */
  sentenceShare: number,
): { ref: number; score: number }[] {
  const proposed = new Map<number, number>();
  for (let t = 0; t < v.ids.length; t++) {
    const list = postings.get(v.ids[t]);
    if (!list) continue;
    for (const x of list) proposed.set(x, (proposed.get(x) ?? 0) + v.weights[t]);
  }
  const candidates = [...proposed].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, Math.max(limit * 4, MIN_PROPOSED));
  // A passage is a sentence; a measure is several: it meets the measure at its closest
  // sentence (the title sentence or one of the means the body lists).
  return candidates
    .map(([x]) => {
      const c = pool[x];
      c.sentences ??= passagesOf({ title: '', text: c.text }).map(vectorOf);
      let best = 0;
      for (const sentence of c.sentences) best = Math.max(best, cosine(v, sentence));
      return {
        ref: c.ref,
        score: (sentenceShare * best + (1 - sentenceShare) * cosine(v, c.vector)) * factor(c.ref),
      };
    })
    .sort((a, b) => b.score - a.score || a.ref - b.ref)
    .slice(0, limit);
}

/**
 * An item with the domains addressPlans found for it (or for the passage it repeats): the
 * first is its domain, the rest its other domains; none where the text is about the work
 * itself. An item whose document gave its domain keeps it, with the others found. Items
 * addressPlans did not read are returned unchanged.
 */
export function withAroundDomains(item: Item, domains: ReadonlyMap<string, DomainName[]>): Item {
  const found = domains.get(item.id) ?? (item.repeats ? domains.get(item.repeats) : undefined);
  if (found === undefined || !isSummaryItem(item)) return item;
  const { otherDomains: _, ...rest } = item;
  // A report that reports under a heading naming the field (`（一）妇女与健康`) gave its domain.
  if (item.domainSource === 'structure' && item.domain) {
    const others = found.filter((d) => d !== item.domain);
    return others.length > 0 ? { ...rest, otherDomains: others } : rest;
  }
  if (found.length === 0) return { ...rest, domain: null, domainSource: null };
  const main = DOMAINS.find((d) => d.name === found[0])!;
  return {
    ...rest,
    domain: main.name,
    domainSource: 'classified',
    population: main.population,
    ...(found.length > 1 ? { otherDomains: found.slice(1) } : {}),
  };
}

/**
 * The one population an item's title names (`加大困境儿童保护力度` → 儿童), or null when it
 * names both (`依法维护妇女儿童权益`) or neither. Not the section heading: a report on
 * women's rights asks for childcare under a heading on 妇女.
 */
export function namedPopulation(item: Pick<Item, 'title'>): Population | null {
  const said = item.title;
  const named = POPULATIONS.filter((p) => said.includes(p));
  return named.length === 1 ? named[0] : null;
}
