import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../types.ts';
import { DEFAULT_LINK_OPTIONS } from './options.ts';
import { pairsOf } from '../../testing/pairs.ts';
import { groupTopics, mutualBest } from './topics.ts';


describe('mutualBest', () => {
  // Item 0 in document 0, items 1 and 2 in document 1, item 3 in document 2.
  const doc = Int32Array.from([0, 1, 1, 2]);

  it('marks which side finds the other its best in that document; 3 is mutual', () => {
    const sides = mutualBest(4, doc, pairsOf([[0, 1, 0.8], [0, 2, 0.6], [0, 3, 0.5], [1, 3, 0.5], [2, 3, 0.7]]));
    expect([...sides]).toEqual([3, 2, 3, 1, 3]);
  });

  it('breaks a tie by the lower item', () => {
    const sides = mutualBest(4, doc, pairsOf([[0, 3, 0.5], [1, 3, 0.5], [2, 3, 0.5]]));
    expect([...sides]).toEqual([3, 3, 1]);
  });

  it('is empty for no pairs', () => {
    expect(mutualBest(4, doc, pairsOf([])).length).toBe(0);
  });
});

describe('groupTopics', () => {
  const item = (id: string, docId: string, domain: string, domainSource: Item['domainSource']) =>
    ({ id, docId, title: `${id} 标题`, domain, domainSource, kind: 'measure' }) as Item;
  const order = [
    item('A-1', 'A', '妇女与健康', 'classified'),
    item('B-1', 'B', '儿童与健康', 'structure'),
    item('B-2', 'B', '儿童与健康', 'structure'),
    item('C-1', 'C', '儿童与健康', 'classified'),
  ];
  const doc = Int32Array.from([0, 1, 1, 2]);
  // Mutual: A-1↔B-1 (0.9), B-2↔C-1 (0.85), A-1↔C-1 (0.8); B-1↔C-1 is not C-1's best in B.
  const pairs = pairsOf([[0, 1, 0.9], [0, 3, 0.8], [1, 3, 0.6], [2, 3, 0.85]]);

  it('joins mutual best matches, strongest first, never two items of one document', () => {
    const topics = groupTopics(order, doc, pairs, DEFAULT_LINK_OPTIONS);
    expect(topics.map((t) => t.items)).toEqual([['A-1', 'B-1'], ['B-2', 'C-1']]);
    const first = topics.find((t) => t.items[0] === 'A-1')!;
    expect(first.id).toBe(`topic-${createHash('sha1').update('A-1').digest('hex').slice(0, 10)}`);
    expect(first.title).toBe('A-1 标题'); // equal centrality: the lower id
  });

  it('leaves out links below the floor', () => {
    expect(groupTopics(order, doc, pairs, { ...DEFAULT_LINK_OPTIONS, topicFloor: 0.86 }).map((t) => t.items)).toEqual([['A-1', 'B-1']]);
    expect(groupTopics(order, doc, pairs, { ...DEFAULT_LINK_OPTIONS, topicFloor: 0.95 })).toEqual([]);
  });

  it('names the majority domain, a stated domain counting more, ties to the earlier domain', () => {
    const topic = (vote: number) => groupTopics(order, doc, pairs, { topicFloor: 0.86, statedDomainVote: vote })[0].domain;
    expect(topic(2)).toBe('儿童与健康');
    expect(topic(1)).toBe('妇女与健康');
  });
});
