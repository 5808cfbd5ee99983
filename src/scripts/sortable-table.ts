/**
 * Sortable, filterable tables, as progressive enhancement: without JavaScript the table is
 * complete and in a sensible order; with it, column headers marked `data-sort` become buttons
 * (state in `aria-sort`) and a filter box, shipped `hidden` next to the table, appears.
 *
 * Markup: `<table id="t" data-sortable>`, `<th data-sort="text|number">`, a cell's sort key in
 * `data-sort-value` when its text is not the key; `<div class="table-filter" data-filter-for="t"
 * hidden>` holding an `<input>` and a `[role=status]` element for the count. The box also gets
 * a 排序 select with the same orders as the header buttons: on a phone the table is a list of
 * cards and its header row is not shown.
 */
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

function key(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.dataset.sortValue ?? cell?.textContent?.trim() ?? '';
}

function compare(a: string, b: string, type: string): number {
  if (type === 'number') {
    const x = a === '' ? NaN : Number(a);
    const y = b === '' ? NaN : Number(b);
    // Empty cells (no year, no value) last, whichever the direction.
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return x - y;
  }
  return collator.compare(a, b);
}

function makeSortable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])] as HTMLTableCellElement[];
  if (!body) return;
  const original = [...body.rows];
  const select = document.createElement('select');
  const sortBy = (column: number | null, ascending: boolean) => {
    for (const other of headers) other.removeAttribute('aria-sort');
    if (column === null) {
      body.append(...original);
      select.value = '';
      return;
    }
    const th = headers[column]!;
    const type = th.dataset.sort!;
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const rows = [...body.rows];
    // Stable sort: equal keys keep the order they had, so sorting by one column then another nests.
    rows.sort((a, b) => {
      const c = compare(key(a, column), key(b, column), type);
      if (type === 'number' && (key(a, column) === '' || key(b, column) === '')) return c;
      return ascending ? c : -c;
    });
    body.append(...rows);
    select.value = `${column}:${ascending ? 'asc' : 'desc'}`;
  };
  select.append(new Option('原顺序', ''));
  headers.forEach((th, column) => {
    const type = th.dataset.sort;
    if (!type) return;
    const name = th.textContent?.trim() ?? '';
    const [up, down] = type === 'number' ? ['从小到大', '从大到小'] : ['升序', '降序'];
    select.append(new Option(`${name}：${up}`, `${column}:asc`), new Option(`${name}：${down}`, `${column}:desc`));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => sortBy(column, th.getAttribute('aria-sort') !== 'ascending'));
  });
  select.addEventListener('change', () => {
    const [column, direction] = select.value.split(':');
    sortBy(column ? Number(column) : null, direction === 'asc');
  });
  const box = table.id ? document.querySelector<HTMLElement>(`.table-filter[data-filter-for="${table.id}"]`) : null;
  if (box) {
    const label = document.createElement('label');
    label.className = 'table-sort';
    label.append('排序 ', select);
    box.querySelector('[role="status"]')?.before(label);
  }
}

function makeFilterable(box: HTMLElement): void {
  const table = document.getElementById(box.dataset.filterFor ?? '') as HTMLTableElement | null;
  const input = box.querySelector('input');
  const status = box.querySelector('[role="status"]');
  const body = table?.tBodies[0];
  if (!table || !input || !body) return;
  box.hidden = false;
  const update = () => {
    const q = input.value.trim().toLowerCase();
    let shown = 0;
    for (const row of body.rows) {
      const match = !q || (row.textContent ?? '').toLowerCase().includes(q);
      row.hidden = !match;
      if (match) shown++;
    }
    if (status) status.textContent = q ? `显示 ${shown} / ${body.rows.length} 行` : '';
  };
  input.addEventListener('input', update);
  update();
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) makeSortable(table);
for (const box of document.querySelectorAll<HTMLElement>('.table-filter[data-filter-for]')) makeFilterable(box);
