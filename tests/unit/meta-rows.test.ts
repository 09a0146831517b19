import { describe, expect, test } from 'vitest';
import { groupByFacet, facets } from '../../src/lib/facets.ts';
import { metaRows } from '../../src/lib/meta-rows.ts';
import { reply } from '../support/records.ts';

const session = { body: 'cppcc', place: '某县', term: 5, meeting: 1 };
const lead = reply({ id: '2021-cppcc-5-1-12-aaa001', number: '12', session, handlingUnit: '县水利局' });
const opinion = reply({ id: '2021-cppcc-5-1-12-co-aaa002', kind: 'co-handling-opinion', number: '12', session, handlingUnit: '濉溪县人力资源和社会保障局', fromUnit: '县财政局' });

describe('metadata table links', () => {
  test('every unit link points at a unit list page that exists and holds the record', () => {
    const unitPages = new Map(groupByFacet([lead, opinion], facets.unit).map((g) => [`/units/${encodeURIComponent(g.value.slug)}/`, g.records]));
    for (const record of [lead, opinion]) {
      for (const row of metaRows(record).filter((r) => r.href?.startsWith('/units/'))) {
        expect(unitPages.get(row.href!), `${record.id}: ${row.label} → ${row.href}`).toContain(record);
      }
    }
  });

  test('a co-handling opinion links its own unit and shows the lead unit as text', () => {
    const rows = metaRows(opinion);
    expect(rows.find((r) => r.label === '协办单位（本意见）')).toMatchObject({ value: '县财政局', href: `/units/${encodeURIComponent('县财政局')}/` });
    expect(rows.find((r) => r.label === '承办单位')).toEqual({ label: '承办单位', value: '濉溪县人力资源和社会保障局', href: undefined });
  });
});
