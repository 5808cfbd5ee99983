/**
 * Canonical domain (and population) for items whose document gives none: review
 * opinions, implementation reports, speeches, and plan text outside the domain chapters.
 *
 * Nothing here knows a particular document. Domain profiles are learned from the corpus
 * itself: the centroid of the term vectors of the items that the plans' own structure
 * files under each domain, plus the words of the domain's name (so a domain no plan in the
 * corpus covers still has a profile). An item is given a domain only when it is clearly
 * closer to one profile than to any other; otherwise it stays null. A generic
 * `完善工作机制` is close to every domain a little and to none clearly.
 */
import { DOMAINS, type Domain } from './domains.ts';
import { segment, segmentItem, type ItemWords } from '../text/segment.ts';
import { buildVectorsFromWords, centroid, cosineDense, denseOf, termBag, toVector, vectorInSpace, type ItemVectors, type SparseVector, type TermSpace } from '../text/vectors.ts';
import type { Item } from '../types.ts';
import { POPULATIONS } from '../../../src/lib/vocabulary.ts';

export interface ClassifyOptions {
  /** Lowest similarity to the winning domain profile. */
  minSimilarity: number;
  /** The winner must beat the runner-up by this factor. */
  margin: number;
  /** The winning population must beat the other by this factor. */
  populationMargin: number;
  /** Weight of the domain name's own words in a profile, against the learned centroid (1). */
  nameWeight: number;
  /** Share of the score that comes from the title sentence alone. */
  titleShare: number;
}

export const DEFAULT_CLASSIFY_OPTIONS: ClassifyOptions = {
  minSimilarity: 0.1,
  margin: 1.25,
  populationMargin: 1.2,
  nameWeight: 0.35,
  titleShare: 0.7,
};

export function classifyDomains(
  items: Item[],
  options: Partial<ClassifyOptions> = {},
  /** The items' words (`segmentItems(items)`), when the caller has them already. */
  itemWords?: readonly ItemWords[],
  /** `buildVectorsFromWords(itemWords)`, when the caller has them already (the addressed measures use the same). */
  itemVectors?: ItemVectors,
): Item[] {
  const opt = { ...DEFAULT_CLASSIFY_OPTIONS, ...options };
  if (!items.some((i) => i.domain === null)) return items;
  const words = itemWords ?? items.map((item) => segmentItem(item.title, item.text));
  // Flat typed arrays, not a Map of terms per item: at 300,000 items the Maps were most of the heap.
  const { space, vectors } = itemVectors ?? buildVectorsFromWords(words);
  const sparseProfiles = domainProfiles(items, vectors, space, opt.nameWeight);
  const populationProfiles = new Map(
    POPULATIONS.map((p) => [p, denseOf(centroid(DOMAINS.filter((d) => d.population === p).map((d) => sparseProfiles.get(d.name)!)), space.terms.length)]),
  );
  // Every unclassified item is compared with every profile, and a profile holds most of the
  // vocabulary: dense profiles make each comparison as long as the item, not as the vocabulary.
  const profiles = new Map([...sparseProfiles].map(([name, v]) => [name, denseOf(v, space.terms.length)]));
  const cosine = cosineDense;

  return items.map((item, k) => {
    if (item.domain !== null) return item;
    const v = vectors[k];
    // The title sentence says what the item is about; the body often lists means that
    // belong to neighbouring domains (就业 measures that mention 社会保险). Both count.
    const t = vectorInSpace(termBag(words[k].title, []), space);
    const similarity = (profile: Float32Array) => (1 - opt.titleShare) * cosine(v, profile) + opt.titleShare * cosine(t, profile);
    const population = item.population ?? clearWinner(POPULATIONS, (p) => similarity(populationProfiles.get(p)!), opt.populationMargin, 0);
    const candidates = population ? DOMAINS.filter((d) => d.population === population) : DOMAINS;
    const winner = clearWinner(candidates, (d) => similarity(profiles.get(d.name)!), opt.margin, opt.minSimilarity);
    // A clear case reads the same from the whole text as from its title: `强化组织领导`
    // sounds like 决策和管理 (领导) but its body is about government leadership.
    const fromBody = (d: Domain) => cosine(v, profiles.get(d.name)!);
    const domain = winner && fromBody(winner) >= BODY_AGREEMENT * Math.max(...candidates.map(fromBody)) ? winner : null;
    if (!domain) return population && population !== item.population ? { ...item, population } : item;
    return { ...item, domain: domain.name, population: domain.population, domainSource: 'classified' as const };
  });
}

/** Per domain: centroid of its structured items, blended with its name's words. */
function domainProfiles(
  items: readonly Item[],
  vectors: readonly SparseVector[],
  space: TermSpace,
  nameWeight: number,
): Map<string, SparseVector> {
  const members = new Map<string, SparseVector[]>();
  items.forEach((item, k) => {
    if (item.domainSource !== 'structure' || !item.domain) return;
    const list = members.get(item.domain) ?? [];
    list.push(vectors[k]);
    members.set(item.domain, list);
  });
  const learned = new Map(DOMAINS.map((d) => [d.name, centroid(members.get(d.name) ?? [])]));
  // A word that many domains use (服务, 机制, 保障) tells domains apart less than one only
  // a few use (就业, 参保): weigh each word by how few domains' profiles it is prominent in.
  const prominentIn = new Map<number, number>();
  for (const v of learned.values()) {
    for (let k = 0; k < v.ids.length; k++) {
      if (v.weights[k] >= PROMINENT) prominentIn.set(v.ids[k], (prominentIn.get(v.ids[k]) ?? 0) + 1);
    }
  }
  const profiles = new Map<string, SparseVector>();
  for (const d of DOMAINS) {
    const v = learned.get(d.name)!;
    const distinct = toVector(
      [...v.ids].map((id, k) => [id, v.weights[k] * Math.log((DOMAINS.length + 1) / ((prominentIn.get(id) ?? 0) + 0.5))]),
    );
    profiles.set(d.name, blend(distinct, nameVector(d, space), v.ids.length ? nameWeight : 1));
  }
  return profiles;
}

/** Weight above which a word counts as prominent in a domain's centroid. */
const PROMINENT = 0.02;

/** The domain's name as a vector (`妇女与健康` → 妇女, 健康), weighted by the corpus' idf. */
function nameVector(domain: Domain, space: TermSpace): SparseVector {
  const entries = new Map<number, number>();
  for (const word of segment(domain.name)) {
    const id = space.idOf(word);
    if (id !== undefined) entries.set(id, space.idf(id));
  }
  return toVector([...entries]);
}

function blend(a: SparseVector, b: SparseVector, weightOfB: number): SparseVector {
  const acc = new Map<number, number>();
  for (let k = 0; k < a.ids.length; k++) acc.set(a.ids[k], a.weights[k]);
  for (let k = 0; k < b.ids.length; k++) acc.set(b.ids[k], (acc.get(b.ids[k]) ?? 0) + weightOfB * b.weights[k]);
  return toVector([...acc]);
}

/** The whole text must rate the title's domain at least this share of its own favourite. */
const BODY_AGREEMENT = 0.7;

/** The option scoring highest, if it scores at least `min` and `margin` times the runner-up. */
function clearWinner<T>(options: readonly T[], score: (o: T) => number, margin: number, min: number): T | null {
  let best: T | null = null;
  let bestScore = -1;
  let second = 0;
  for (const o of options) {
    const s = score(o);
    if (s > bestScore) {
      second = Math.max(second, bestScore);
      best = o;
      bestScore = s;
    } else second = Math.max(second, s);
  }
  if (best === null || bestScore <= 0 || bestScore < min) return null;
  return bestScore >= second * margin ? best : null;
}
