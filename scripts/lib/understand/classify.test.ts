import { beforeAll, describe, expect, it } from 'vitest';
import { classifyDomains } from './classify.ts';
import { seedKb } from '../testing/seed-kb.ts';
import type { Item } from '../types.ts';

let items: Item[];
beforeAll(() => {
  items = seedKb().documents.flatMap((d) => d.items);
});

const byTitle = (docPrefix: string, title: string) => items.find((i) => i.docId.startsWith(docPrefix) && i.title.includes(title))!;

describe('classifyDomains on the real seeds', () => {
  it('gives opinion and report items a domain when their content clearly belongs to one', () => {
    expect(byTitle('000_', '维护女性平等就业权利')).toMatchObject({ domain: '妇女与经济', population: '妇女', domainSource: 'classified' });
    expect(byTitle('002_', '健全健康服务体系')).toMatchObject({ domain: '妇女与健康', population: '妇女', domainSource: 'classified' });
  });

  it('leaves generic work-mechanism items without a domain', () => {
    expect(byTitle('000_', '完善妇女儿童权益保障工作机制').domain).toBeNull();
    // Opinion, report and speech items now take their domains from link/addresses.ts; how many
    // items on the work itself abstain (and which do not, 002 强化统筹协调 among them) is
    // measured on the labelled set in link/addresses.quality.test.ts.
  });

  it('never touches domains the structure gave', () => {
    const structured = items.filter((i) => i.domainSource === 'structure');
    expect(structured.length).toBeGreaterThan(500);
    expect(classifyDomains(structured)).toEqual(structured);
  });

  it('classifies a plan it has not seen: 大安 with its domains hidden, learning from 阜新 only', () => {
    const plans = items.filter((i) => /^00[13]_/.test(i.docId) && i.domain);
    const hidden = plans.map((i) => (i.docId.startsWith('003_') ? { ...i, domain: null, population: null, domainSource: null } : i));
    const out = classifyDomains(hidden);
    let assigned = 0;
    let right = 0;
    let total = 0;
    out.forEach((o, k) => {
      if (!plans[k].docId.startsWith('003_')) return;
      total++;
      if (!o.domain) return;
      assigned++;
      if (o.domain === plans[k].domain) right++;
    });
    console.log(`classify 大安 unseen: coverage ${(assigned / total).toFixed(3)}, accuracy ${(right / assigned).toFixed(3)}`);
    expect(assigned / total).toBeGreaterThan(0.85);
    expect(right / assigned).toBeGreaterThan(0.95);
  });

  it('is deterministic', () => {
    expect(classifyDomains(items)).toEqual(classifyDomains(items));
  });
});
