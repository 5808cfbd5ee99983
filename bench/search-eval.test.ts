import { describe, expect, it } from 'vitest';
import set from './fixtures/search-eval.json' with { type: 'json' };
import heldout from './fixtures/search-heldout.json' with { type: 'json' };
import { bodyText, succeeds } from './search-eval.ts';

describe('search evaluation', () => {
  it('reads only the indexed body of a page, without tags or spaces', () => {
    const html = '<nav>托育 菜单</nav><div data-pagefind-body><h1>加强 托育</h1><script>x="家暴"</script><p>服务</p></div>';
    expect(bodyText(html)).toBe('加强托育服务');
  });
  it('succeeds only when a result holds one of the wanted words', () => {
    expect(succeeds(['发展托育服务', '其他'], ['托育', '婴幼儿照护'])).toBe(true);
    expect(succeeds(['依托儿科'], ['托育'])).toBe(false);
    expect(succeeds([], ['托育'])).toBe(false);
  });
  it('has at least 60 queries in groups, each with words to find, none of the issue’s own', () => {
    const all = Object.values(set.groups).flat();
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(set.groups).length).toBeGreaterThanOrEqual(5);
    for (const q of all) expect(q.find.length, q.q).toBeGreaterThan(0);
    const named = ['托儿所', '网瘾', '生二胎', '二胎', '母应安全', 'tuoyu', 'liushou ertong', 'domestic violence', 'left-behind children', '孩子近视了政府管不管'];
    for (const q of all) expect(named).not.toContain(q.q);
  });
  it('has a held-out set of about 30 queries that shares none with the tuning set', () => {
    const tuned = new Set(Object.values(set.groups).flat().map((q) => q.q));
    const all = Object.values(heldout.groups).flat();
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const q of all) {
      expect(q.find.length, q.q).toBeGreaterThan(0);
      expect(tuned.has(q.q), q.q).toBe(false);
    }
  });
});
