import { describe, expect, it } from 'vitest';
import { segmentItems } from '../../text/segment.ts';
import type { DomainName, Item, KbDocument } from '../../types.ts';
import { addressPlans, namedPopulation, passagesOf, withAroundDomains } from './addresses.ts';

let serial = 0;
const item = (docId: string, kind: Item['kind'], title: string, text: string, domain: DomainName | null = null, section: string[] = []): Item => ({
  id: `${docId}-${kind}-${serial++}`,
  docId,
  kind,
  population: domain ? (domain.startsWith('妇女') ? '妇女' : '儿童') : null,
  domain,
  domainSource: domain ? 'structure' : null,
  number: '',
  title,
  text: `${title}。${text}`,
  section,
  leadDepartments: [],
  partnerDepartments: [],
  blockStart: 0,
  blockEnd: 0,
  textStart: 0,
});

/** A document whose blocks are its items' texts, one each, plus `outside` paragraphs after them. */
const doc = (id: string, kind: KbDocument['kind'], items: Item[], outside: string[] = []): KbDocument => {
  const texts = [...items.map((i) => i.text), ...outside];
  items.forEach((i, k) => Object.assign(i, { blockStart: k, blockEnd: k }));
  return {
    id,
    source: `${id}.txt`,
    sha256: '',
    encoding: 'utf-8',
    title: id,
    issuer: null,
    city: id,
    province: null,
    level: 'city',
    kind,
    date: null,
    docNumber: null,
    populations: [],
    overridden: [],
    blocks: texts.map((text, index) => ({ index, text, lineStart: index + 1, lineEnd: index + 1 })),
    removed: [],
    items,
  };
};

/**
 * Two made-up plans in other words than the seeds', and the work chapter of one of them. Like
 * real plans, their measures share boilerplate (加大…力度), so such words weigh little.
 */
function plans(): KbDocument[] {
  const a = doc('plan-a', 'plan', [
    item('plan-a', 'measure', '发展普惠托育服务', '扩大托位供给，加大对用人单位办托的支持力度，推动托育机构规范发展，开展婴幼儿照护指导。', '儿童与福利'),
    item('plan-a', 'measure', '做好困境儿童分类保障', '落实孤儿和事实无人抚养儿童基本生活保障，完善残疾儿童康复救助，加强留守儿童关爱。', '儿童与福利'),
    item('plan-a', 'measure', '促进妇女就业创业', '开展女性职业技能培训，加大创业担保贷款支持力度，消除招聘中的性别歧视。', '妇女与经济'),
    item('plan-a', 'measure', '预防和制止家庭暴力', '落实告诫书和人身安全保护令制度，建立家庭暴力强制报告机制。', '妇女与法律'),
    item('plan-a', 'measure', '加强妇女两癌筛查', '扩大宫颈癌乳腺癌筛查覆盖面，加大对患病困难妇女的救助力度。', '妇女与健康'),
  ], [
    '加强组织领导。各级政府要把规划实施纳入重要议事日程，健全妇儿工委统筹协调、成员单位分工负责的工作机制，定期研究解决重大问题。',
    '保障经费投入。将实施规划所需经费纳入财政预算，随着经济发展逐步加大投入，动员社会力量多渠道筹集资金。',
    '加大宣传力度。利用各类媒体宣传规划内容和实施成效，营造全社会关心支持规划实施的氛围。',
  ]);
  const b = doc('plan-b', 'tasklist', [
    item('plan-b', 'measure', '增加托育服务供给', '建设社区托育点，发展普惠托位，加强托育从业人员培训。', '儿童与福利'),
    item('plan-b', 'measure', '加强困境儿童保障', '对孤儿、残疾儿童、留守儿童分类施策，落实基本生活费发放。', '儿童与福利'),
    item('plan-b', 'measure', '支持妇女创业就业', '组织女性技能培训，加大创业贷款贴息力度。', '妇女与经济'),
    item('plan-b', 'measure', '依法惩处家庭暴力', '及时签发人身安全保护令，公安机关出具告诫书。', '妇女与法律'),
  ]);
  return [a, b];
}

function run(around: Item[]) {
  const documents = [...plans(), doc('opinion', 'opinion', around)];
  const items = documents.flatMap((d) => d.items);
  return { ...addressPlans(documents, items, segmentItems(items)), items };
}

describe('addressPlans on made-up documents', () => {
  it('joins an opinion to the measures it asks for, in each plan, with the domain of those measures', () => {
    const childcare = item('opinion', 'recommendation', '一是扩大普惠托育服务', '要新建一批社区托育点，增加普惠托位，减轻家庭养育负担。');
    const difficulty = item('opinion', 'recommendation', '二是加大困境儿童保护力度', '要对孤儿、残疾儿童和留守儿童分类保障，提高基本生活保障水平。');
    const { addresses, domains, items } = run([childcare, difficulty]);
    const titleOf = (id: string) => items.find((i) => i.id === id)!.title;
    const top = (id: string) => addresses.filter((a) => a.source === id).map((a) => titleOf(a.target));
    expect(top(childcare.id).slice(0, 2).sort()).toEqual(['发展普惠托育服务', '增加托育服务供给']);
    expect(top(difficulty.id).slice(0, 2).sort()).toEqual(['做好困境儿童分类保障', '加强困境儿童保障']);
    expect(domains.get(childcare.id)?.[0]).toBe('儿童与福利');
    expect(domains.get(difficulty.id)?.[0]).toBe('儿童与福利');
    for (const a of addresses) expect(a.score).toBeGreaterThan(0);
  });

  it('gives a passage on two subjects both domains, the larger first', () => {
    const both = item(
      'opinion',
      'recommendation',
      '维护妇女劳动和人身权益',
      '要开展女性职业技能培训，落实创业担保贷款，消除招聘中的性别歧视，帮助妇女就业创业。要依法签发人身安全保护令。',
    );
    const { domains } = run([both]);
    expect(domains.get(both.id)).toEqual(['妇女与经济', '妇女与法律']);
  });

  it('abstains on an item about the work itself (leadership, funding, publicity), as the plans\' own work chapter reads', () => {
    const leadership = item('opinion', 'speech', '强化组织领导', '各级政府要把妇女儿童工作摆上重要议事日程，妇儿工委要统筹协调，成员单位要分工负责。');
    const funding = item('opinion', 'speech', '强化资金保障', '要把妇女儿童事业经费纳入财政预算，逐步加大投入，多渠道筹集资金。');
    const { domains, addresses } = run([leadership, funding]);
    expect(domains.get(leadership.id)).toEqual([]);
    expect(domains.get(funding.id)).toEqual([]);
    expect(addresses.filter((a) => a.source === leadership.id || a.source === funding.id)).toEqual([]);
  });

  it('leaves plan items and repeated passages alone', () => {
    const first = item('opinion', 'recommendation', '扩大普惠托育服务', '要增加普惠托位。');
    const again = { ...item('opinion', 'recommendation', '扩大普惠托育服务', '要增加普惠托位。'), repeats: first.id };
    const { domains, addresses, items } = run([first, again]);
    expect(domains.has(again.id)).toBe(false);
    expect(addresses.some((a) => a.source === again.id)).toBe(false);
    for (const i of items.filter((x) => x.kind === 'measure')) expect(domains.has(i.id)).toBe(false);
    // The repeat takes its first occurrence's domains.
    expect(withAroundDomains(again, domains).domain).toBe(domains.get(first.id)![0]);
  });

  it('a corpus without plans gives nothing and says so by leaving domains unset', () => {
    const lone = item('opinion', 'recommendation', '扩大普惠托育服务', '要增加普惠托位。');
    const documents = [doc('opinion', 'opinion', [lone])];
    const result = addressPlans(documents, [lone], segmentItems([lone]));
    expect(result.addresses).toEqual([]);
    expect(result.domains.size).toBe(0);
  });
});

describe('passagesOf', () => {
  it('splits the title from the body sentences, past an enumeration before the title', () => {
    expect(passagesOf({ title: '加大困境儿童保护力度', text: '二是加大困境儿童保护力度。要分类施策。完善制度，强化服务手段；提高监护能力。' })).toEqual([
      '加大困境儿童保护力度',
      '要分类施策。',
      '完善制度，强化服务手段；',
      '提高监护能力。',
    ]);
  });

  it('keeps a text without sentence ends whole', () => {
    expect(passagesOf({ title: '', text: '扩大普惠托位供给' })).toEqual(['扩大普惠托位供给']);
  });
});

describe('namedPopulation and withAroundDomains', () => {
  it('reads the population its title names, only when it names one, never from the heading', () => {
    expect(namedPopulation({ title: '加大困境儿童保护力度' })).toBe('儿童');
    expect(namedPopulation({ title: '二是加强妇女两癌筛查' })).toBe('妇女');
    // A report on women's rights asks for childcare under a heading on 妇女: the heading does not count.
    const childcare = { title: '增加普惠服务供给', section: ['二、全力保障妇女各项合法权益'] };
    expect(namedPopulation(childcare)).toBeNull();
    expect(namedPopulation({ title: '依法维护妇女儿童权益' })).toBeNull();
    expect(namedPopulation({ title: '强化组织领导' })).toBeNull();
  });

  it('sets the main domain and the others, and clears a domain where the text is about the work', () => {
    const x = { ...item('o', 'speech', '强化组织领导', '……'), domain: '妇女参与决策和管理' as const, domainSource: 'classified' as const, population: '妇女' as const };
    expect(withAroundDomains(x, new Map([[x.id, []]]))).toMatchObject({ domain: null, domainSource: null });
    const y = withAroundDomains(x, new Map([[x.id, ['儿童与福利', '儿童与家庭'] as DomainName[]]]));
    expect(y).toMatchObject({ domain: '儿童与福利', otherDomains: ['儿童与家庭'], population: '儿童', domainSource: 'classified' });
    const measure = item('p', 'measure', '发展普惠托育服务', '……', '儿童与福利');
    expect(withAroundDomains(measure, new Map([[measure.id, []]]))).toBe(measure);
  });

  it('keeps the domain a report gave by its field heading, adding the others found', () => {
    const r = { ...item('r', 'report', '孕产妇死亡率持续下降', '……'), domain: '妇女与健康' as const, domainSource: 'structure' as const, population: '妇女' as const };
    expect(withAroundDomains(r, new Map([[r.id, []]]))).toMatchObject({ domain: '妇女与健康', domainSource: 'structure' });
    const both = withAroundDomains(r, new Map([[r.id, ['妇女与社会保障', '妇女与健康'] as DomainName[]]]));
    expect(both).toMatchObject({ domain: '妇女与健康', domainSource: 'structure', otherDomains: ['妇女与社会保障'] });
  });
});
