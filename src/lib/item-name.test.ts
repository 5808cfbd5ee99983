import { describe, expect, it } from 'vitest';
import { itemName, placedItemName } from './item-name.ts';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';

describe('naming an item: domain, kind and number', () => {
  it('names goals and measures by domain, kind and number, other kinds by kind and number', () => {
    expect(itemName({ domain: '儿童与健康', kind: 'goal', number: '3' })).toBe('儿童与健康 主要目标 3');
    expect(itemName({ domain: '妇女与健康', kind: 'measure', number: ' 4 ' })).toBe('妇女与健康 策略措施 4');
    expect(itemName({ domain: null, kind: 'measure', number: '2' })).toBe('未归类 策略措施 2');
    expect(itemName({ domain: '妇女与经济', kind: 'recommendation', number: '二是' })).toBe('审议建议 二是');
    expect(itemName({ domain: null, kind: 'speech', number: '' })).toBe('讲话要点');
    expect(placedItemName('阜新市', { domain: '儿童与健康', kind: 'goal', number: '9' })).toBe('阜新市 儿童与健康 主要目标 9');
  });

  it('tells apart every goal and measure of a plan or task list on the seeds, where number alone does not', () => {
    for (const doc of seedKb().documents.filter((d) => d.kind === 'plan' || d.kind === 'tasklist')) {
      const items = doc.items.filter((i) => i.kind === 'goal' || i.kind === 'measure');
      expect(new Set(items.map((i) => i.number)).size).toBeLessThan(items.length);
      expect(new Set(items.map(itemName)).size).toBe(items.length);
    }
  });
});
