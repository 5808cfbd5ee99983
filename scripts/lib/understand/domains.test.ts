import { describe, expect, it } from 'vitest';
import { DOMAINS, canonicalDomain } from './domains.ts';

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
