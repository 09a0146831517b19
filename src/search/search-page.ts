import { loadPagefind, type PagefindApi, type PagefindResultData } from './pagefind-client.ts';
import { filterKeys, readState, writeState, type SearchState } from './search-state.ts';

const PAGE_SIZE = 10;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function chineseDate(iso: string | undefined): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = element('li');
  const card = element('article', 'record-summary');
  const heading = element('h2', 'record-summary__title');
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  const meta = element('dl', 'record-summary__meta');
  const add = (label: string, value: string | null | undefined) => {
    if (!value) return;
    const row = element('div');
    row.append(element('dt', undefined, label), element('dd', undefined, value));
    meta.append(row);
  };
  add('类别', data.meta.kind);
  add('单位', data.meta.unit);
  add('日期', chineseDate(data.meta.date));
  const excerpt = element('p', 'record-summary__excerpt');
  // Pagefind escapes page text and adds only <mark> around matches.
  excerpt.innerHTML = data.excerpt;
  card.append(heading, meta, excerpt);
  item.append(card);
  return item;
}

function fillFilterOptions(form: HTMLFormElement, available: Record<string, Record<string, number>>, state: SearchState) {
  for (const key of filterKeys) {
    const select = form.querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`);
    if (!select) continue;
    const counts = available[key] ?? {};
    const values = Object.keys(counts).sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
    select.replaceChildren(new Option('全部', ''));
    for (const value of values) select.append(new Option(`${value}（${counts[value]}）`, value));
    select.value = state.filters[key] ?? '';
  }
}

function renderPages(nav: HTMLElement, state: SearchState, total: number, go: (page: number) => void) {
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  nav.hidden = last <= 1;
  nav.replaceChildren();
  if (last <= 1) return;
  nav.append(element('p', 'pagination__status', `第 ${state.page} 页，共 ${last} 页`));
  const list = element('ul');
  const addLink = (page: number, label: string, rel?: string) => {
    const li = element('li');
    if (page === state.page && !rel) {
      const span = element('span', undefined, label);
      span.setAttribute('aria-current', 'page');
      li.append(span);
    } else {
      const a = element('a', undefined, label);
      a.href = writeState({ ...state, page }) || '?';
      if (rel) a.rel = rel;
      a.addEventListener('click', (event) => {
        event.preventDefault();
        go(page);
      });
      li.append(a);
    }
    list.append(li);
  };
  if (state.page > 1) addLink(state.page - 1, '上一页', 'prev');
  for (let p = Math.max(1, state.page - 2); p <= Math.min(last, state.page + 2); p++) addLink(p, `第 ${p} 页`);
  if (state.page < last) addLink(state.page + 1, '下一页', 'next');
  nav.append(list);
}

async function run(api: PagefindApi, state: SearchState, ui: { form: HTMLFormElement; status: HTMLElement; results: HTMLElement; pages: HTMLElement }, go: (page: number) => void) {
  const hasFilter = Object.keys(state.filters).length > 0;
  if (!state.q && !hasFilter) {
    ui.status.textContent = '请输入检索词，或选择筛选条件。';
    ui.results.replaceChildren();
    ui.pages.hidden = true;
    return;
  }
  ui.status.textContent = '正在检索…';
  const sort = state.sort === 'date-desc' ? { date: 'desc' as const } : state.sort === 'date-asc' ? { date: 'asc' as const } : undefined;
  const search = await api.search(state.q || null, { filters: state.filters, sort });
  const total = search.results.length;
  const start = (state.page - 1) * PAGE_SIZE;
  const shown = await Promise.all(search.results.slice(start, start + PAGE_SIZE).map((r) => r.data()));
  ui.results.replaceChildren(...shown.map(renderResult));
  const what = state.q ? `“${state.q}”` : '所选条件';
  ui.status.textContent = total
    ? `检索${what}，找到 ${total} 条记录${total > PAGE_SIZE ? `，当前显示第 ${start + 1}–${start + shown.length} 条` : ''}。`
    : `检索${what}，没有找到记录。可以尝试：换用较短的词，检查繁体或全角字符，或取消筛选条件。`;
  renderPages(ui.pages, state, total, go);
}

/** Wires the search page: URL ⇄ form ⇄ Pagefind, with results announced politely. */
export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const pages = document.getElementById('search-pages');
  if (!form || !status || !results || !pages) return;
  const ui = { form, status, results, pages };
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  let state = readState(location.search);

  const show = async (push: boolean) => {
    if (push) history.pushState(null, '', `${location.pathname}${writeState(state)}`);
    input.value = state.q;
    sortSelect.value = state.sort;
    try {
      const api = await loadPagefind();
      fillFilterOptions(form, await api.filters(), state);
      await run(api, state, ui, (page) => {
        state = { ...state, page };
        void show(true).then(() => results.querySelector('a')?.focus());
      });
    } catch (error) {
      status.textContent = '检索服务暂时无法使用，请稍后重试，或使用分类浏览。';
      console.warn(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const filters: Record<string, string> = {};
    for (const key of filterKeys) {
      const value = String(data.get(key) ?? '');
      if (value) filters[key] = value;
    }
    state = { q: String(data.get('q') ?? '').trim(), filters, sort: readState(`?sort=${data.get('sort') ?? ''}`).sort, page: 1 };
    void show(true);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT') form.requestSubmit();
  });
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    void show(false);
  });
  void show(false);
}
