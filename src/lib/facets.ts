import { kindLabels, recordKinds, type ArchiveRecord } from '../schemas/index.ts';
import { recordProposers, recordSession, recordUnit, recordYear, sessionLabel } from './record-facts.ts';
import { nameSlug } from './slugs.ts';
import { recordTopics } from './topics.ts';
import { facetKeys, facetLabels, type FacetKey } from './facet-keys.ts';

export { facetKeys, facetLabels, type FacetKey };

/** One value of a facet, e.g. the unit 县招商局. */
export interface FacetValue {
  /** The URL path segment. */
  slug: string;
  /** What readers see. */
  label: string;
}

/** How a facet is named, where it lives and how records map to its values. */
export interface Facet {
  key: FacetKey;
  /** Chinese name: 类别, 年份 … */
  label: string;
  /** The folder of its pages: /units/ … */
  base: string;
  /** Values of one record (several for proposers). */
  values: (record: ArchiveRecord) => FacetValue[];
  /** Order of the index page. */
  order: 'count' | 'desc' | 'fixed';
}

const UNDATED: FacetValue = { slug: 'undated', label: '未注明日期' };

/** The facet definitions, by key. */
export const facets: Record<FacetKey, Facet> = {
  kind: {
    key: 'kind',
    label: facetLabels.kind,
    base: 'kinds',
    values: (r) => [{ slug: r.kind, label: kindLabels[r.kind] }],
    order: 'fixed',
  },
  year: {
    key: 'year',
    label: facetLabels.year,
    base: 'years',
    values: (r) => {
      const year = recordYear(r);
      return [year ? { slug: String(year), label: `${year}年` } : UNDATED];
    },
    order: 'desc',
  },
  session: {
    key: 'session',
    label: facetLabels.session,
    base: 'sessions',
    values: (r) => {
      const session = recordSession(r);
      if (!session) return [];
      const label = sessionLabel(session);
      return [{ slug: nameSlug(label), label }];
    },
    order: 'desc',
  },
  unit: {
    key: 'unit',
    label: facetLabels.unit,
    base: 'units',
    values: (r) => {
      const unit = recordUnit(r);
      return unit ? [{ slug: nameSlug(unit), label: unit }] : [];
    },
    order: 'count',
  },
  proposer: {
    key: 'proposer',
    label: facetLabels.proposer,
    base: 'proposers',
    values: (r) => recordProposers(r).map((name) => ({ slug: nameSlug(name), label: name })),
    order: 'count',
  },
  topic: {
    key: 'topic',
    label: facetLabels.topic,
    base: 'topics',
    values: (r) => recordTopics(r).map((topic) => ({ slug: nameSlug(topic), label: topic })),
    order: 'count',
  },
};

/** A facet value with the records filed under it. */
export interface FacetGroup {
  value: FacetValue;
  records: ArchiveRecord[];
}

/**
 * Groups records by one facet in a single pass (records keep their input order),
 * and orders the groups for the facet's index page.
 */
export function groupByFacet(records: ReadonlyArray<ArchiveRecord>, facet: Facet): FacetGroup[] {
  const groups = new Map<string, FacetGroup>();
  for (const record of records) {
    for (const value of facet.values(record)) {
      let group = groups.get(value.slug);
      if (!group) groups.set(value.slug, (group = { value, records: [] }));
      if (group.records[group.records.length - 1] !== record) group.records.push(record);
    }
  }
  const list = [...groups.values()];
  const collator = new Intl.Collator('zh-CN');
  if (facet.order === 'fixed') {
    const rank = (slug: string) => (recordKinds as readonly string[]).indexOf(slug);
    return list.sort((a, b) => rank(a.value.slug) - rank(b.value.slug));
  }
  if (facet.order === 'desc') return list.sort((a, b) => collator.compare(b.value.label, a.value.label));
  return list.sort((a, b) => b.records.length - a.records.length || collator.compare(a.value.label, b.value.label));
}

/** /units/县招商局/2/ — the URL of a facet page (page 1 has no number). */
export function facetPath(facet: Facet, slug: string, page = 1): string {
  return `/${facet.base}/${encodeURIComponent(slug)}/${page > 1 ? `${page}/` : ''}`;
}

/** /records/<id>/ — a record's permalink path. */
export function recordPath(id: string): string {
  return `/records/${id}/`;
}
