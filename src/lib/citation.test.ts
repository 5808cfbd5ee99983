import { describe, expect, it } from 'vitest';
import { ACCESSED, citation, isoDay } from './citation';

const fuxin = { title: '阜新市妇女发展规划（2021—2030年）', issuer: '阜新市人民政府', docNumber: '阜政发〔2022〕11号', date: '2022-04-02' };

describe('citation', () => {
  it('cites a document: issuer, title with 文号, [EB/OL], date, date accessed, URL', () => {
    expect(citation(fuxin, 'https://kb.example.org/documents/001/', '2026-12-02')).toBe(
      '阜新市人民政府. 阜新市妇女发展规划（2021—2030年）（阜政发〔2022〕11号）[EB/OL]. (2022-04-02)[2026-12-02]. https://kb.example.org/documents/001/.',
    );
  });

  it('cites an item by domain, kind and number, so goal 3 and measure 3 differ', () => {
    const goal = citation(fuxin, 'u', ACCESSED, { kind: 'goal', domain: '妇女与健康', number: '3' });
    const measure = citation(fuxin, 'u', ACCESSED, { kind: 'measure', domain: '妇女与健康', number: '3' });
    expect(goal).toContain('：妇女与健康 主要目标 3[EB/OL]');
    expect(measure).toContain('：妇女与健康 策略措施 3[EB/OL]');
    expect(goal).toContain(`[${ACCESSED}]`);
  });

  it('leaves out what the document does not state, inventing nothing', () => {
    const c = citation({ title: '妇女儿童工作会议讲话汇编', issuer: null, docNumber: null, date: null }, 'u', '2026-12-02');
    expect(c).toBe('妇女儿童工作会议讲话汇编[EB/OL]. [2026-12-02]. u.');
  });

  it('names an item without a domain as 未归类, and items of opinions by their kind', () => {
    expect(citation(fuxin, 'u', ACCESSED, { kind: 'measure', domain: null, number: '9' })).toContain('：未归类 策略措施 9[EB/OL]');
    expect(citation(fuxin, 'u', ACCESSED, { kind: 'recommendation', domain: '妇女与健康', number: '二是' })).toContain('：审议建议 二是[EB/OL]');
  });

  it('writes the reader day as YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
