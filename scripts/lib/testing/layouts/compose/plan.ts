/**
 * A plan (or part of one) from the truth of seed 001, in one layout: title, the frame a plan
 * has around its domains (总体要求 before, 组织实施 after, with numbered paragraphs that are
 * not items), per domain its heading, `主要目标`/`策略措施` headings and numbered items.
 */
import { DOMAINS } from '../../../understand/domains.ts';
import type { Layout } from '../dimensions.ts';
import type { Composed, DocBlock, Paragraph } from '../model.ts';
import type { Random } from '../random.ts';
import type { DomainTruth, OutlineTruth, TruthItem } from '../truth.ts';
import { chineseNumeral, itemMarker } from './numbers.ts';

const para = (role: Paragraph['role'], text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ kind: 'paragraph', role, text, ...extra });

/** Which outlines and domains a document prints, and from which measure an excerpt starts. */
export interface PlanSelection {
  outlines: { outline: OutlineTruth; domains: DomainTruth[]; excerptFrom?: number }[];
}

export function selectPlan(plans: OutlineTruth[], layout: Layout, rng: Random): PlanSelection {
  const maxDomains = layout.container === 'pdf' ? 2 : 4;
  const one = rng.pick(plans);
  const some = (outline: OutlineTruth, n: number) => {
    const picked = new Set<number>();
    while (picked.size < Math.min(n, outline.domains.length)) picked.add(rng.int(0, outline.domains.length - 1));
    return outline.domains.filter((_, k) => picked.has(k));
  };
  switch (layout.subset) {
    case 'whole':
      return { outlines: [{ outline: one, domains: one.domains }] };
    case 'both':
      return { outlines: plans.map((outline) => ({ outline, domains: outline.domains })) };
    case 'domains':
      return { outlines: [{ outline: one, domains: some(one, rng.int(2, maxDomains)) }] };
    case 'one-domain':
      return { outlines: [{ outline: one, domains: some(one, 1) }] };
    case 'excerpt': {
      const [domain] = some(one, 1);
      return { outlines: [{ outline: one, domains: [domain!], excerptFrom: rng.int(2, Math.max(2, domain!.measures.length - 2)) }] };
    }
  }
}

/** The frame's part headings in the family of the domain headings, so levels stay consistent. */
function partHeading(layout: Layout, n: number, text: string): string {
  switch (layout.domainHeading) {
    case 'cn-comma':
      return `第${chineseNumeral(n)}部分 ${text}`;
    case 'chapter':
    case 'section':
      return `第${chineseNumeral(n)}章 ${text}`;
    default:
      return `${chineseNumeral(n)}、${text}`;
  }
}

function domainHeading(layout: Layout, d: DomainTruth): Paragraph {
  const ordinal = DOMAINS.filter((x) => x.population === DOMAINS.find((y) => y.name === d.domain)!.population).findIndex((x) => x.name === d.domain) + 1;
  const cn = chineseNumeral(ordinal);
  const name = d.domain;
  switch (layout.domainHeading) {
    case 'paren':
      return para('domain', `（${cn}）${name}`);
    case 'paren-stop':
      return para('domain', `（${cn}）${name}。`);
    case 'cn-comma':
      return para('domain', `${cn}、${name}`);
    case 'chapter':
      // Chapters 一 and 二 are the frame (总体要求, 总体目标): domains are chapters 三 on.
      return para('domain', `第${chineseNumeral(ordinal + 2)}章 ${name}`);
    case 'section':
      return para('domain', `第${cn}节 ${name}`);
    case 'lenticular':
      return para('domain', `【${name}】`);
    case 'markdown':
      return para('domain', name, { depth: 2 });
    case 'arabic':
      return para('domain', `${ordinal}.${name}`);
    case 'paren-field':
      return para('domain', `（${cn}）${name}领域`);
    case 'bold':
      return para('domain', name, { bold: true });
    case 'word-heading':
      return para('domain', name, { headingStyle: true, depth: 2 });
  }
}

function listHeading(layout: Layout, kind: 'goal' | 'measure'): string {
  const name = kind === 'goal' ? '主要目标' : '策略措施';
  const n = kind === 'goal' ? 1 : 2;
  switch (layout.listHeading) {
    case 'colon':
    case 'inline':
      return `${name}：`;
    case 'bare':
      return name;
    case 'paren':
      return `（${chineseNumeral(n)}）${name}`;
    case 'arabic':
      return `${n}.${name}`;
  }
}

export function composePlan(plans: OutlineTruth[], layout: Layout, rng: Random, city = '阜新市'): Composed {
  const selection = selectPlan(plans, layout, rng);
  const blocks: DocBlock[] = [];
  const expected: TruthItem[] = [];
  let lists = 0;
  const chapterFrame = layout.domainHeading === 'chapter';
  for (const { outline, domains, excerptFrom } of selection.outlines) {
    const population = outline.population;
    blocks.push(para('title', excerptFrom !== undefined ? `${outline.title}（节选）` : outline.title, { depth: 1 }));
    const partDepth = layout.domainHeading === 'markdown' ? 2 : undefined;
    if (excerptFrom === undefined) {
      blocks.push(para('part', partHeading(layout, 1, '总体要求'), { depth: partDepth }));
      blocks.push(para('body', `以习近平新时代中国特色社会主义思想为指导，坚持男女平等基本国策，坚持${population}优先发展，结合${city}实际，制定本规划。`));
      if (chapterFrame) {
        blocks.push(para('part', partHeading(layout, 2, '总体目标'), { depth: partDepth }));
        blocks.push(para('body', `到2030年，${population}发展环境更为优化，${population}全面发展的制度机制更加完善。`));
      } else if (layout.domainHeading !== 'markdown') {
        blocks.push(para('part', partHeading(layout, 2, '发展领域、主要目标和策略措施')));
      }
    }
    for (const d of domains) {
      blocks.push(domainHeading(layout, d));
      const lists_: ['goal' | 'measure', TruthItem[]][] = excerptFrom !== undefined ? [['measure', d.measures.filter((m) => m.number >= excerptFrom)]] : [['goal', d.goals], ['measure', d.measures]];
      for (const [kind, items] of lists_) {
        if (items.length === 0) continue;
        lists++;
        const heading = listHeading(layout, kind);
        if (layout.listHeading !== 'inline') blocks.push(para('list', heading));
        items.forEach((item, k) => {
          blocks.push(
            para('item', item.text, {
              marker: itemMarker(layout.itemNumber, item.number),
              ...(layout.listHeading === 'inline' && k === 0 ? { prefix: heading } : {}),
              ...(layout.itemNumber === 'word-auto' ? { autoNumber: { list: lists } } : {}),
            }),
          );
          expected.push(item);
        });
      }
    }
    if (excerptFrom === undefined) {
      blocks.push(para('part', partHeading(layout, chapterFrame ? DOMAINS.filter((x) => x.population === population).length + 3 : 3, '组织实施'), { depth: partDepth }));
      // Numbered paragraphs outside any 主要目标/策略措施 list: document text, never items.
      const closing = ['坚持党的全面领导。坚持以党的政治建设为统领，把党的领导贯穿规划实施全过程。', '加强监测评估。完善监测评估制度，定期开展监测评估工作。'];
      closing.forEach((text, k) => blocks.push(para('closing', text, { marker: itemMarker(layout.itemNumber === 'word-auto' ? 'dot' : layout.itemNumber, k + 1) })));
    }
  }
  const title = selection.outlines.length > 1 ? `${city}妇女发展规划和儿童发展规划（2021—2030年）` : (blocks[0] as Paragraph).text;
  return { model: { blocks, title, issuer: `${city}人民政府` }, expected };
}
