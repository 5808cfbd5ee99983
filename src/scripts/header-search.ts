/**
 * The header's search box as a combobox (WAI-ARIA combobox pattern, list autocomplete): results
 * as you type (debounced), ↑/↓ to highlight one, Enter to open it (or, with none highlighted, the
 * search page for the query: the form's own submit), Esc to close. Without JavaScript the box is
 * a plain GET form; Pagefind is loaded only on first focus or typing (search-quick.ts).
 */
const DEBOUNCE_MS = 200;

const input = document.getElementById('site-q') as HTMLInputElement | null;
const list = document.getElementById('site-q-list') as HTMLUListElement | null;
const announce = document.getElementById('site-q-status');

if (input && list && announce) {
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  list.setAttribute('role', 'listbox');

  let quick: typeof import('./search-quick.ts') | undefined;
  const load = async () => (quick ??= await import('./search-quick.ts'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  let active = -1;
  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role=option]')];

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (i: number) => {
    const opts = options();
    if (!opts.length) return;
    active = (i + opts.length) % opts.length;
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    input.setAttribute('aria-activedescendant', opts[active]!.id);
    opts[active]!.scrollIntoView({ block: 'nearest' });
  };

  const show = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) {
      close();
      announce.textContent = '';
      return;
    }
    let results: Awaited<ReturnType<NonNullable<typeof quick>['quickResults']>>;
    try {
      results = await (await load()).quickResults(q);
    } catch {
      if (mine === asked) announce.textContent = '搜索索引未能加载，请按回车到搜索页。';
      return;
    }
    if (mine !== asked) return;
    list.replaceChildren(
      ...results.map((r, i) => {
        const li = document.createElement('li');
        li.id = `site-q-opt-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.url = r.url;
        const title = document.createElement('span');
        title.className = 'title';
        title.textContent = r.title;
        li.append(title);
        // An item's heading already starts with its city.
        if (r.place && !r.title.startsWith(r.place)) {
          const place = document.createElement('span');
          place.className = 'place';
          place.textContent = r.place;
          li.append(' ', place);
        }
        return li;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = results.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    announce.textContent = open ? `有 ${results.length} 个结果，按上下方向键选择，按回车打开。` : `没有直接找到结果，按回车到搜索页搜索「${q}」。`;
  };

  const start = () => void load().then((m) => m.prepare()).catch(() => undefined);
  input.addEventListener('focus', start, { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void show(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) {
        if (options().length) (list.hidden = false), input.setAttribute('aria-expanded', 'true');
        else return;
      }
      e.preventDefault();
      highlight(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      location.href = options()[active]!.dataset.url!;
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  // A press on an option keeps the focus in the box, so the click that follows still lands.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = (e.target as Element).closest<HTMLLIElement>('[role=option]');
    if (li?.dataset.url) location.href = li.dataset.url;
  });
  input.addEventListener('blur', close);
}
