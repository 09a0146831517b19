import { facetKeys, facetLabels, onDemandFacets, type FacetKey } from '../lib/facet-keys.ts';
import type { SearchDoc } from './data.ts';
import { SearchEngine, type SearchOutcome } from './engine.ts';
import { pairSimplifier } from './normalize.ts';
import type { QueryPhrase } from './query.ts';
import { readState, writeState, type SearchState } from './search-state.ts';
import { matchRanges, snippetParts } from './snippet.ts';

/** Results per page. */
export const PAGE_SIZE = 10;
/** Values listed per facet (the selected one is always listed). */
const FACET_LIMIT = 60;
/**
 * Milliseconds without typing after which the query is looked up ahead of a submit: short
 * against the time a reader takes to press Enter, long against the gap between keys.
 */
const LOOK_AHEAD_PAUSE_MS = 120;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function chineseDate(iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The best line to quote: the first body line that matches, else a head line, else the first line. */
async function bestLine(doc: SearchDoc, phrases: QueryPhrase[]): Promise<{ line: string; anchor: string | null; ranges: [number, number][] }> {
  const toSimplified = doc.s ? pairSimplifier(doc.s) : undefined;
  const variants = phrases.flatMap((p) => p.variants);
  for (const section of doc.sections) {
    for (const line of section.l) {
      const ranges = variants.length ? matchRanges(line, variants, toSimplified) : [];
      if (ranges.length) return { line, anchor: section.a, ranges };
    }
  }
  for (const line of doc.head) {
    const ranges = variants.length ? matchRanges(line, variants, toSimplified) : [];
    if (ranges.length) return { line: doc.sections.find((s) => s.a === 'part-reply')?.l[1] ?? doc.sections[0]?.l[0] ?? line, anchor: null, ranges: [] };
  }
  const reply = doc.sections.find((s) => s.a === 'part-reply') ?? doc.sections[0];
  return { line: reply?.l.find((l) => l.length > 20) ?? reply?.l[0] ?? '', anchor: null, ranges: [] };
}

function highlighted(text: string, phrases: QueryPhrase[], toSimplified?: (t: string) => string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const ranges = phrases.length ? matchRanges(text, phrases.flatMap((p) => p.variants), toSimplified) : [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) fragment.append(text.slice(at, s));
    fragment.append(el('mark', undefined, text.slice(s, e)));
    at = e;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

async function renderCard(doc: SearchDoc, ordinal: number, phrases: QueryPhrase[], query: string): Promise<HTMLLIElement> {
  const item = el('li');
  const card = el('article', 'record-summary search-result');
  const best = await bestLine(doc, phrases);
  const heading = el('h2', 'record-summary__title');
  const link = el('a');
  // The record number lets the record page use this card's data for its highlighting
  // (src/search/highlight-page.ts) instead of loading the conversion dictionary.
  const params = query ? `?hl=${encodeURIComponent(query)}&doc=${ordinal}` : '';
  link.href = `/records/${doc.id}/${params}${best.anchor ? `#${best.anchor}` : ''}`;
  const toSimplified = doc.s ? pairSimplifier(doc.s) : undefined;
  link.append(highlighted(doc.title, phrases, toSimplified));
  heading.append(link);
  const meta = el('dl', 'record-summary__meta');
  const add = (label: string, value: string | null | undefined) => {
    if (!value) return;
    const row = el('div');
    const dd = el('dd');
    dd.append(highlighted(value, phrases, toSimplified));
    row.append(el('dt', undefined, label), dd);
    meta.append(row);
  };
  // A reply's title is mostly its number; the proposal's own title says what it is about.
  add(doc.kind === '人大建议答复' ? '建议标题' : '提案标题', doc.proposalTitle);
  add('类别', doc.kind);
  add('单位', doc.unit);
  add('日期', chineseDate(doc.date));
  add(doc.kind === '人大建议答复' ? '代表' : '提案人', doc.proposers.join('、'));
  const excerpt = el('p', 'record-summary__excerpt');
  for (const part of snippetParts(best.line, best.ranges)) excerpt.append(part.mark ? el('mark', undefined, part.text) : part.text);
  card.append(heading, meta, excerpt);
  if (best.anchor && best.anchor !== 'part-reply') {
    const deep = el('p', 'search-result__deep');
    const a = el('a', undefined, '直接查看匹配段落');
    a.href = link.href;
    deep.append(a);
    card.append(deep);
  }
  item.append(card);
  return item;
}

interface Ui {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  status: HTMLElement;
  results: HTMLOListElement;
  pages: HTMLElement;
  empty: HTMLElement;
  selects: Record<FacetKey, HTMLSelectElement>;
  /** The disclosures of the facets counted on demand (see onDemandFacets). */
  more: Partial<Record<FacetKey, HTMLDetailsElement>>;
}

/** The facets to count: every facet but those on demand whose disclosure is closed. */
function countedFacets(ui: Ui): FacetKey[] {
  return facetKeys.filter((k) => !ui.more[k] || ui.more[k].open);
}

function fillFacets(ui: Ui, outcome: SearchOutcome, state: SearchState): void {
  for (const key of facetKeys) {
    const select = ui.selects[key];
    const chosen = state.filters[key] ?? '';
    // Not counted (a closed disclosure): keep what it lists.
    const values = outcome.facets[key];
    if (!values) continue;
    const shown = values.slice(0, FACET_LIMIT);
    if (chosen && !shown.some((v) => v.value === chosen)) shown.unshift(values.find((v) => v.value === chosen) ?? { value: chosen, count: 0 });
    select.replaceChildren(new Option(`全部${facetLabels[key]}`, ''));
    for (const v of shown) select.append(new Option(`${v.value}（${v.count}）`, v.value));
    select.value = chosen;
  }
}

function renderPages(ui: Ui, state: SearchState, total: number, go: (page: number) => void): void {
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  ui.pages.hidden = last <= 1;
  ui.pages.replaceChildren();
  if (last <= 1) return;
  ui.pages.append(el('p', 'pagination__status', `第 ${state.page} 页，共 ${last} 页`));
  const list = el('ul');
  const addLink = (page: number, label: string, rel?: string) => {
    const li = el('li');
    if (page === state.page && !rel) {
      const span = el('span', undefined, label);
      span.setAttribute('aria-current', 'page');
      li.append(span);
    } else {
      const a = el('a', undefined, label);
      a.href = `${location.pathname}${writeState({ ...state, page })}`;
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
  ui.pages.append(list);
}

function renderEmpty(ui: Ui, state: SearchState, go: (next: SearchState) => void): void {
  ui.empty.replaceChildren();
  const hints = el('ul');
  const selected = facetKeys.filter((k) => state.filters[k]);
  if (selected.length) {
    const li = el('li', undefined, '取消筛选条件：');
    for (const key of selected) {
      const button = el('button', 'search-empty__drop', `去掉“${facetLabels[key]}：${state.filters[key]}”`);
      button.type = 'button';
      button.addEventListener('click', () => {
        const filters = { ...state.filters };
        delete filters[key];
        go({ ...state, filters, page: 1 });
      });
      li.append(' ', button);
    }
    hints.append(li);
  }
  if (state.q.trim().split(/\s+/).length > 1) hints.append(el('li', undefined, '多个词之间用空格分开时，记录须包含全部词语；可以减少词语再试。'));
  hints.append(el('li', undefined, '换用较短或更常用的说法，例如“河长制”而不是整句话。'));
  hints.append(el('li', undefined, '繁体字、全角字符和中文数字（如“第五号”）会自动转换，无需改写；如仍无结果，请检查是否有错别字。'));
  ui.empty.append(el('p', undefined, '可以尝试：'), hints);
  ui.empty.hidden = false;
}

/** Wires the search page: URL ⇄ form ⇄ engine, with the result count announced politely. */
export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  if (!form) return;
  const ui: Ui = {
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    sort: form.querySelector<HTMLSelectElement>('select[name="sort"]')!,
    status: document.getElementById('search-status')!,
    results: document.getElementById('search-results') as HTMLOListElement,
    pages: document.getElementById('search-pages')!,
    empty: document.getElementById('search-empty')!,
    selects: Object.fromEntries(facetKeys.map((k) => [k, form.querySelector<HTMLSelectElement>(`select[name="${k}"]`)!])) as Record<FacetKey, HTMLSelectElement>,
    more: Object.fromEntries(onDemandFacets.map((k) => [k, form.querySelector<HTMLDetailsElement>(`details[data-facet="${k}"]`)!])),
  };
  const engine = new SearchEngine();
  /** Disclosures `show` opened for the search it runs (see the toggle handler below). */
  const openedHere = new WeakSet<HTMLDetailsElement>();
  let state = readState(location.search);
  let run = 0;

  const show = async (push: boolean, focusResults = false) => {
    const mine = ++run;
    if (push) history.pushState(null, '', `${location.pathname}${writeState(state)}`);
    ui.input.value = state.q;
    ui.sort.value = state.sort;
    ui.empty.hidden = true;
    // A facet on demand that the URL selects a value of is shown open, with its counts
    // (this search counts it; its toggle handler need not search again).
    for (const [key, details] of Object.entries(ui.more)) {
      if (!state.filters[key as FacetKey] || details.open) continue;
      openedHere.add(details);
      details.open = true;
    }
    const hasFilter = facetKeys.some((k) => state.filters[k]);
    if (!state.q && !hasFilter) {
      ui.status.textContent = '请输入检索词，或选择筛选条件。';
      ui.results.replaceChildren();
      ui.pages.hidden = true;
      ui.results.removeAttribute('aria-busy');
      try {
        const outcome = await engine.search({ q: '', filters: {}, sort: 'date-desc', count: countedFacets(ui) });
        if (mine === run) fillFacets(ui, outcome, state);
      } catch (error) {
        console.warn('search facets unavailable', error);
      }
      return;
    }
    ui.results.setAttribute('aria-busy', 'true');
    ui.status.textContent = '正在检索…';
    try {
      const shownRange = { start: (state.page - 1) * PAGE_SIZE, count: PAGE_SIZE };
      const outcome = await engine.search({ q: state.q, filters: state.filters, sort: state.sort, count: countedFacets(ui), cards: shownRange });
      if (mine !== run) return;
      const total = outcome.records.length;
      const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (state.page > last) state = { ...state, page: last };
      const start = (state.page - 1) * PAGE_SIZE;
      const shown = outcome.records.slice(start, start + PAGE_SIZE);
      const docs = await Promise.all(shown.map((n) => engine.doc(n)));
      const cards = await Promise.all(docs.map((d, i) => renderCard(d, shown[i]!, outcome.phrases, state.q)));
      if (mine !== run) return;
      fillFacets(ui, outcome, state);
      ui.results.replaceChildren(...cards);
      ui.results.removeAttribute('aria-busy');
      const what = state.q ? `“${state.q}”` : '所选条件';
      ui.status.textContent = total
        ? `检索${what}，找到 ${total} 条记录${total > PAGE_SIZE ? `，当前为第 ${start + 1}–${start + cards.length} 条` : ''}。`
        : `检索${what}，没有找到记录。`;
      if (!total) renderEmpty(ui, state, (next) => {
        state = next;
        void show(true);
      });
      renderPages(ui, state, total, (page) => {
        state = { ...state, page };
        void show(true, true);
      });
      if (focusResults) ui.results.querySelector('a')?.focus();
      document.dispatchEvent(new CustomEvent('archive:search-done', { detail: { total, ms: outcome.ms } }));
    } catch (error) {
      if (mine !== run) return;
      ui.results.removeAttribute('aria-busy');
      ui.status.textContent = '检索服务暂时无法使用，请稍后重试，或使用分类浏览。';
      console.warn(error);
    }
  };

  const submit = () => {
    const data = new FormData(form);
    const filters: SearchState['filters'] = {};
    for (const key of facetKeys) {
      const value = String(data.get(key) ?? '');
      if (value) filters[key] = value;
    }
    state = { q: String(data.get('q') ?? '').trim(), filters, sort: readState(`?sort=${data.get('sort') ?? ''}`).sort, page: 1 };
    void show(true);
  };
  // Ahead of a submit, in the look-up workers: the indexes' page ids and chunk tables load
  // when the reader first focuses the field; every change of the query fetches the index
  // chunks its look-up will read (engine.preload, as Pagefind advises); and when the reader
  // pauses typing the query is looked up (engine.lookAhead), so that a search submitted
  // after the pause often finds its look-ups done. The pause keeps a reader who types on
  // from queueing look-ups of every intermediate text. The letters an input method shows
  // while the reader picks characters (isComposing) are not the query; the characters
  // arrive with compositionend. A failed preload or look-up ahead costs nothing: the
  // search looks up again and reports its own failure.
  const ignore = () => {};
  let pause: ReturnType<typeof setTimeout> | undefined;
  const prepare = () => {
    void engine.preload(ui.input.value).catch(ignore);
    clearTimeout(pause);
    pause = setTimeout(() => void engine.lookAhead(ui.input.value).catch(ignore), LOOK_AHEAD_PAUSE_MS);
  };
  ui.input.addEventListener('focus', () => void engine.warm().catch(ignore), { once: true });
  ui.input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) prepare();
    // Still composing the next characters: no pause yet. A look-up of the text so far would
    // most often be of a prefix of the phrase being typed, which is at least as common as
    // the phrase and so at least as slow to look up, holding up the phrase's own look-up.
    else clearTimeout(pause);
  });
  ui.input.addEventListener('compositionend', prepare);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(pause);
    submit();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT') submit();
  });
  // Opening a facet on demand counts its values for the search on screen (the look-up is
  // cached, so only the facet's column is fetched); results and announcements stay.
  for (const details of Object.values(ui.more)) {
    details.addEventListener('toggle', async () => {
      if (openedHere.delete(details) || !details.open) return;
      const mine = run;
      try {
        const outcome = await engine.search({ q: state.q, filters: state.filters, sort: state.sort, count: countedFacets(ui) });
        if (mine === run) fillFacets(ui, outcome, state);
      } catch (error) {
        console.warn('search facets unavailable', error);
      }
    });
  }
  const clear = document.getElementById('search-clear');
  clear?.addEventListener('click', () => {
    state = { q: state.q, filters: {}, sort: state.sort, page: 1 };
    void show(true);
  });
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    void show(false);
  });
  void show(false);
}
