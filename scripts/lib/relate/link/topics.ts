/**
 * Topics: the same measure across cities. Links between mutual best matches (each is the
 * other's best in its document) above the floor join items, strongest first, never
 * putting two items of one document in the same topic.
 */
import { createHash } from 'node:crypto';
import { DOMAINS } from '../../understand/domains.ts';
import type { DomainName, Item, Topic } from '../../types.ts';
import type { LinkOptions } from './options.ts';
import { pairAdjacency, type Pairs } from './pairs.ts';
import { cmp } from './sort.ts';
import { DocumentSets } from './union-find.ts';
import { neutralTitle } from './topic-title.ts';

export function groupTopics(
  order: readonly Item[],
  doc: Int32Array,
  pairs: Pairs,
  opt: Pick<LinkOptions, 'topicFloor' | 'statedDomainVote'>,
): Topic[] {
  const n = order.length;
  const bestSides = mutualBest(n, doc, pairs);
  const mutual: number[] = [];
  for (let p = 0; p < pairs.count; p++) if (pairs.score[p] >= opt.topicFloor && bestSides[p] === 3) mutual.push(p);
  mutual.sort((a, b) => pairs.score[b] - pairs.score[a] || pairs.i[a] - pairs.i[b] || pairs.j[a] - pairs.j[b]);

  const sets = new DocumentSets(doc);
  const centrality = new Float64Array(n);
  for (const p of mutual) {
    if (!sets.join(pairs.i[p], pairs.j[p])) continue;
    centrality[pairs.i[p]] += pairs.score[p];
    centrality[pairs.j[p]] += pairs.score[p];
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (centrality[i] === 0) continue;
    const r = sets.find(i);
    const list = members.get(r) ?? [];
    list.push(i);
    members.set(r, list);
  }

  const topics: Topic[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const central = [...list].sort((a, b) => centrality[b] - centrality[a] || cmp(order[a].id, order[b].id))[0];
    const ids = list.map((i) => order[i].id).sort(cmp);
    topics.push({
      id: topicId(ids),
      title: neutralTitle(order[central].title, list.map((i) => order[i])),
      domain: majorityDomain(list.map((i) => order[i]), opt.statedDomainVote),
      items: ids,
    });
  }
  topics.sort((a, b) => domainRank(a.domain) - domainRank(b.domain) || cmp(a.items[0], b.items[0]));
  return topics;
}

/**
 * Per pair p: bit 1 if j is i's best match in j's document, bit 2 if i is j's best in i's
 * document; 3 = mutual. Best: highest score, then lowest index.
 */
export function mutualBest(n: number, doc: Int32Array, pairs: Pairs): Uint8Array {
  const { start, partner, pairOf } = pairAdjacency(n, pairs);
  const bestSides = new Uint8Array(pairs.count);
  let docCount = 0;
  for (let x = 0; x < n; x++) docCount = Math.max(docCount, doc[x] + 1);
  const bestIn = new Int32Array(docCount).fill(-1);
  const bestScore = new Float64Array(docCount);
  for (let x = 0; x < n; x++) {
    for (let e = start[x]; e < start[x + 1]; e++) {
      const y = partner[e];
      const s = pairs.score[pairOf[e]];
      const d = doc[y];
      const cur = bestIn[d];
      if (cur < 0 || s > bestScore[d] || (s === bestScore[d] && y < cur)) {
        bestIn[d] = y;
        bestScore[d] = s;
      }
    }
    for (let e = start[x]; e < start[x + 1]; e++) {
      const y = partner[e];
      if (bestIn[doc[y]] === y) bestSides[pairOf[e]] |= x === pairs.i[pairOf[e]] ? 1 : 2;
    }
    for (let e = start[x]; e < start[x + 1]; e++) bestIn[doc[partner[e]]] = -1;
  }
  return bestSides;
}

/**
 * Topic id from its first member id: stays the same when other cities join the topic,
 * as long as no member with an earlier id appears.
 */
function topicId(sortedMemberIds: readonly string[]): string {
  return `topic-${createHash('sha1').update(sortedMemberIds[0]).digest('hex').slice(0, 10)}`;
}

function majorityDomain(items: readonly Item[], statedVote: number): DomainName | null {
  const votes = new Map<DomainName, number>();
  for (const item of items) {
    if (!item.domain) continue;
    votes.set(item.domain, (votes.get(item.domain) ?? 0) + (item.domainSource === 'structure' ? statedVote : 1));
  }
  let best: DomainName | null = null;
  for (const [d, v] of votes) {
    const bv = best ? votes.get(best)! : -1;
    if (v > bv || (v === bv && domainRank(d) < domainRank(best))) best = d;
  }
  return best;
}

function domainRank(name: string | null): number {
  const i = DOMAINS.findIndex((d) => d.name === name);
  return i < 0 ? DOMAINS.length : i;
}
