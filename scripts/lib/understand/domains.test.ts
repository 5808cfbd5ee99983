import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/lib/edit-distance.ts';
import { DOMAINS, canonicalDomain, domainInOrder, domainsExpected } from './domains.ts';

describe('canonicalDomain', () => {
  it('reads each of the 15 names in every dress', () => {
    for (const d of DOMAINS) {
      for (const dressed of [d.name, `（三）${d.name}。`, `【${d.name}】`, `第三章 ${d.name}`, `${d.name}领域`, `（三）、${d.name}：`, `3. ${d.name}`, `**${d.name}**`]) {
        expect(canonicalDomain(dressed)?.name, dressed).toBe(d.name);
      }
    }
  });

  it('reads the local spellings of a name as the name', () => {
    expect(canonicalDomain('（八）儿童与法律')?.name).toBe('儿童与法律保护');
    expect(canonicalDomain('妇女与家庭')?.name).toBe('妇女与家庭建设');
    expect(canonicalDomain('（四）妇女参与决策与管理')?.name).toBe('妇女参与决策和管理');
    expect(canonicalDomain('儿童与社会环境')?.name).toBe('儿童与环境');
    expect(canonicalDomain('儿童与社会福利')?.name).toBe('儿童与福利');
    expect(canonicalDomain('妇女与\n社会保障')?.name).toBe('妇女与社会保障');
  });

  it('reads a numbered heading one character off a name (an OCR misreading, a typo) as that name', () => {
    expect(canonicalDomain('（一）妇交与健康。')?.name).toBe('妇女与健康');
    expect(canonicalDomain('（二）妇女与建康')?.name).toBe('妇女与健康');
    expect(canonicalDomain('第七章 儿童与环镜')?.name).toBe('儿童与环境');
    expect(canonicalDomain('（四）妇女参与决策和管埋')?.name).toBe('妇女参与决策和管理');
    // A marker OCR read as Latin letters: （六） as `(AS`, （八） as `WAN`.
    expect(canonicalDomain('(AS妇广与家庭建设。')?.name).toBe('妇女与家庭建设');
    expect(canonicalDomain('WAN妇女与法律。')?.name).toBe('妇女与法律');
    // Not numbered, two characters off (`妇广与经六` is OCR's 妇女与经济, but `儿童与家庭环境` is two
    // away from 儿童与社会环境 too), as near to two names, or of another length: no domain.
    expect(canonicalDomain('（三）妇广与经六。')).toBeUndefined();
    expect(canonicalDomain('妇交与健康')).toBeUndefined();
    expect(canonicalDomain('（一）妇女与儿童')).toBeUndefined();
    expect(canonicalDomain('HPV疫苗接种')).toBeUndefined();
    expect(canonicalDomain('（一）儿童与家庭环境')).toBeUndefined();
    expect(canonicalDomain('（一）儿童健康')).toBeUndefined();
  });

  it('reads no domain in text that only starts with one, or names another thing', () => {
    expect(canonicalDomain('4.儿童与家庭教育指导服务体系更加完善。')).toBeUndefined();
    expect(canonicalDomain('妇女与健康：提升妇女健康水平')).toBeUndefined();
    expect(canonicalDomain('儿童与家庭环境')).toBeUndefined();
    expect(canonicalDomain('发展领域')).toBeUndefined();
    expect(canonicalDomain('健康')).toBeUndefined();
  });
});

describe('domainInOrder (a plan read by OCR)', () => {
  const named = (name: string) => DOMAINS.find((d) => d.name === name)!;
  const health = named('妇女与健康');

  it('counts edits by character', () => {
    expect(editDistance('妇女与经济', '妇女与经济')).toBe(0);
    expect(editDistance('妇文与教肓', '妇女与教育')).toBe(2);
    expect(editDistance('妇女与经', '妇女与经济')).toBe(1);
    expect(editDistance('儿童与家庭环境', '儿童与家庭')).toBe(2);
  });

  it('expects the domain after the previous one, the first before any, and the one the heading numbers when later', () => {
    expect(domainsExpected(health, '妇女', 2).map((d) => d.name)).toEqual(['妇女与教育']);
    expect(domainsExpected(null, '儿童', 1).map((d) => d.name)).toEqual(['儿童与健康']);
    expect(domainsExpected(health, null, 4).map((d) => d.name)).toEqual(['妇女与教育', '妇女参与决策和管理']);
    // A number at or before the previous domain's place confirms nothing; the last domain expects none after it.
    expect(domainsExpected(named('妇女与经济'), '妇女', 2).map((d) => d.name)).toEqual(['妇女参与决策和管理']);
    expect(domainsExpected(named('儿童与法律保护'), '儿童', null)).toEqual([]);
    expect(domainsExpected(null, null, 3)).toEqual([]);
  });

  it('reads a numbered heading two characters off the expected domain as that domain', () => {
    // Invented misreadings, two characters each: substitutions, one left out, a marker read as letters.
    expect(domainInOrder('（二）妇文与教肓。', domainsExpected(health, '妇女', 2))?.name).toBe('妇女与教育');
    expect(domainInOrder('（五）妇女与杜会保陣', domainsExpected(named('妇女参与决策和管理'), '妇女', 5))?.name).toBe('妇女与社会保障');
    expect(domainInOrder('（四）儿重与福刹。', domainsExpected(named('儿童与教育'), '儿童', 4))?.name).toBe('儿童与福利');
    expect(domainInOrder('（七）儿童与法侓保', domainsExpected(named('儿童与环境'), '儿童', 7))?.name).toBe('儿童与法律保护');
    expect(domainInOrder('(AX妇女与家廷建没', domainsExpected(named('妇女与社会保障'), '妇女', null))?.name).toBe('妇女与家庭建设');
    // A marker OCR spoilt: a numeral read as another ideograph, brackets as other signs.
    expect(domainInOrder('（土）妇女与环境。', domainsExpected(named('妇女与家庭建设'), '妇女', null))?.name).toBe('妇女与环境');
    expect(domainInOrder('<门]儿童与安仝', domainsExpected(named('儿童与健康'), '儿童', null))?.name).toBe('儿童与安全');
    expect(domainInOrder('~\\、儿童与健康', domainsExpected(null, '儿童', null))?.name).toBe('儿童与健康');
    // One edit off two names: the order picks (儿童与福全 is one off 儿童与安全 and 儿童与福利).
    expect(domainInOrder('（二）儿童与福全', domainsExpected(named('儿童与健康'), '儿童', 2))?.name).toBe('儿童与安全');
    expect(domainInOrder('（四）儿童与福全', domainsExpected(named('儿童与教育'), '儿童', 4))?.name).toBe('儿童与福利');
    // The heading's number confirms a later domain when the one between was not read.
    expect(domainInOrder('（四）妇女参与决荣和管埋', domainsExpected(health, '妇女', 4))?.name).toBe('妇女参与决策和管理');
  });

  it('never reads a heading against the order, unnumbered, or as near another domain', () => {
    // 妇女与经济, two off, where the order and the heading's number expect 妇女与教育.
    expect(domainInOrder('（二）妇广与经六。', domainsExpected(health, '妇女', 2))).toBeUndefined();
    expect(domainInOrder('妇文与教肓', domainsExpected(health, '妇女', null))).toBeUndefined();
    // Two off 儿童与家庭, and as near 儿童与环境 and 儿童与社会环境: no domain.
    expect(domainInOrder('（五）儿童与家庭环境', domainsExpected(named('儿童与福利'), '儿童', 5))).toBeUndefined();
    // One off two names, neither of them expected.
    expect(domainInOrder('（五）儿童与福全', domainsExpected(named('儿童与福利'), '儿童', 5))).toBeUndefined();
    // `妇女与X` is as near every women's domain of five characters.
    expect(domainInOrder('（二）妇女与某', domainsExpected(health, '妇女', 2))).toBeUndefined();
    // Three off, or a sentence.
    expect(domainInOrder('（二）妇文与敦肓', domainsExpected(health, '妇女', 2))).toBeUndefined();
    // Three off the one domain the order expects, and nearer to it than to any other spelling: still too far.
    expect(domainInOrder('（七）儿童与汰侓呆护', domainsExpected(named('儿童与环境'), '儿童', 7))).toBeUndefined();
    expect(domainInOrder('（二）基本原则。', domainsExpected(null, '妇女', 2))).toBeUndefined();
    expect(domainInOrder('（二）妇文与教肓。', [])).toBeUndefined();
  });
});
