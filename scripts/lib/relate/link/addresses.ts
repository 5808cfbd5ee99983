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
import { buildVectorsFromWords, cosine, termBag, vectorInSpace, type ItemVectors, type SparseVector } from '../../text/vectors.ts';
import type { Address, DomainName, Item, KbDocument } from '../../types.ts';
import { DEFAULT_ADDRESS_OPTIONS, type AddressOptions } from './options.ts';
import { closest, proposals, termPostings, type Candidate } from './addresses/candidates.ts';
import { finalDomains } from './addresses/domains.ts';
import { passagesOf } from './addresses/passages.ts';
import { namedPopulation } from './addresses/population.ts';
import { isSummaryItem } from './addresses/summaries.ts';
import { workParagraphs } from './addresses/work.ts';

// The parts live in addresses/, one job each; this module joins them and keeps the public names.
export { withAroundDomains } from './addresses/domains.ts';
export { passagesOf } from './addresses/passages.ts';
export { namedPopulation } from './addresses/population.ts';
export { isSummaryItem } from './addresses/summaries.ts';

export type { Address };

export interface AroundResult {
  /** Per item id: its domains, main first; an empty list where the text is about the work itself. */
  domains: Map<string, DomainName[]>;
  /** Best first per source. */
  addresses: Address[];
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
  /** `buildVectorsFromWords(words)`, when the caller has them already (classification uses the same). */
  itemVectors?: ItemVectors,
): AroundResult {
  const opt = { ...DEFAULT_ADDRESS_OPTIONS, ...options };
  const domains = new Map<string, DomainName[]>();
  const addresses: Address[] = [];
  const summaries = items.flatMap((item, k) => (isSummaryItem(item) && !item.repeats ? [k] : []));
  if (summaries.length === 0) return { domains, addresses };

  const { space, vectors } = itemVectors ?? buildVectorsFromWords(words);
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
  const fromMeasures = proposals(measurePool, termPostings(measurePool, opt.maxPostingShare, opt.maxPostingsPerDocument, planCount));
  // A plan's preamble also sums up its measures (总体目标): such a paragraph is about the
  // subjects, not the work itself, and stays out.
  const workPool = work
    .filter(
      (w) => (closest(w.vector, fromMeasures, 1, vectorOf, () => 1, opt.sentenceShare)[0]?.score ?? 0) < opt.workMaxMeasureScore,
    )
    .map((w, x) => ({ ref: -1 - x, vector: w.vector, text: w.text }));
  const pool: Candidate[] = [...measurePool, ...workPool];
  const fromPool = proposals(pool, termPostings(pool, opt.maxPostingShare, opt.maxPostingsPerDocument, planCount));

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
        fromPool,
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
