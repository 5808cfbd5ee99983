import { describe, expect, it } from 'vitest';
import { formatTarget, meetsTarget, resultStatus } from './targets.ts';

const t = (comparator: Parameters<typeof meetsTarget>[0]['comparator'], value: number, unit = '%', valueMax: number | null = null, year: number | null = null) => ({ comparator, value, valueMax, unit, year });
const r = (value: number, unit = '%', year: number | null = 2023) => ({ value, unit, year });

describe('a target against the value reached', () => {
  it('不低于 and 不高于 say their direction themselves', () => {
    expect(meetsTarget(t('atLeast', 90), r(93.5), false)).toBe(true);
    expect(meetsTarget(t('atLeast', 90), r(89.9), false)).toBe(false);
    expect(meetsTarget(t('atMost', 10.5, '/10万'), r(9.8, '/10万'), true)).toBe(true);
    expect(meetsTarget(t('atMost', 10.5, '/10万'), r(10.6, '/10万'), true)).toBe(false);
  });

  it('保持在 and 约 take the direction from the indicator; a range must hold the value', () => {
    expect(meetsTarget(t('hold', 95), r(96), false)).toBe(true);
    expect(meetsTarget(t('hold', 95), r(96), true)).toBe(false);
    expect(meetsTarget(t('hold', 92, '%', 95), r(96), false)).toBe(false);
    expect(meetsTarget(t('hold', 92, '%', 95), r(93), false)).toBe(true);
    expect(meetsTarget(t('about', 45), r(43.5), false)).toBe(true);
    expect(meetsTarget(t('about', 45), r(40), false)).toBe(false);
  });

  it('cannot compare another unit or a change', () => {
    expect(meetsTarget(t('atMost', 3, '‰'), r(3, '%'), true)).toBeNull();
    expect(meetsTarget(t('decreaseBy', 20), r(10), true)).toBeNull();
    expect(resultStatus(t('decreaseBy', 20), r(10), true)).toBe('unknown');
  });

  it('not met: still ahead before the target year (or the plan\'s end), missed from it on', () => {
    expect(resultStatus(t('atLeast', 90, '%', null, 2025), r(85, '%', 2023), false)).toBe('notYet');
    expect(resultStatus(t('atLeast', 90, '%', null, 2025), r(85, '%', 2025), false)).toBe('missed');
    expect(resultStatus(t('atLeast', 90), r(85, '%', 2029), false)).toBe('notYet');
    expect(resultStatus(t('atLeast', 90), r(85, '%', 2030), false)).toBe('missed');
    expect(resultStatus(t('atLeast', 90), r(85, '%', null), false)).toBe('notYet');
    expect(resultStatus(t('atLeast', 90), r(91, '%', 2022), false)).toBe('met');
  });

  it('writes changes that happened apart from targets', () => {
    expect(formatTarget({ comparator: 'decreasedBy', value: 0.8, valueMax: null, unit: '个百分点' })).toBe('实际↓ 0.8 个百分点');
    expect(formatTarget({ comparator: 'reached', value: 9.8, valueMax: null, unit: '/10万' })).toBe('实际 9.8/10万');
  });
});
