/**
 * Search at archive scale: on a generated archive of at least 10,000 records (Pagefind's
 * Chinese recall only fails past that size), every query finds exactly the records that
 * literally contain it — recall and precision 1.00 — through the site's own engine and
 * index in Chromium. The archive is built by tests/scale/prepare-scale.ts.
 */
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { literalMatches, loadReference, scoreQuery } from '../../scripts/bench/literal-reference.ts';
import { openSearchHarness, recordIdsByNumber } from '../../scripts/bench/search-harness.ts';
import { queryset } from '../../scripts/bench/search-queries.ts';
import { scaleDir } from './scale-dir.ts';

test('every query finds every record that contains it, and only those, at 10,000+ records', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const reference = loadReference(resolve(scaleDir, 'archive'));
  expect(reference.length).toBeGreaterThanOrEqual(Number(process.env.SCALE_RECORDS ?? 10_000));
  const ids = recordIdsByNumber(resolve(scaleDir, 'dist'));
  expect(ids.length).toBe(reference.length);
  const search = await openSearchHarness(page);
  const failures: string[] = [];
  const rows: string[] = [];
  const queries = queryset(reference);
  for (const { q, what } of queries) {
    const expected = literalMatches(reference, q);
    const found = new Set((await search(q)).records.map((n) => ids[n]!));
    const { missed, extra, recall, precision } = scoreQuery(expected, found);
    rows.push(`${q}\t${what}\texpected ${expected.size}\tfound ${found.size}\trecall ${recall.toFixed(2)}\tprecision ${precision.toFixed(2)}`);
    if (missed.length || extra.length) failures.push(`${q} (${what}): ${missed.length} missed (e.g. ${missed.slice(0, 3).join(', ')}), ${extra.length} not containing it (e.g. ${extra.slice(0, 3).join(', ')})`);
  }
  console.log(rows.join('\n'));
  // The set must exercise the index, not only empty answers.
  expect(queries.filter(({ q }) => literalMatches(reference, q).size > 0).length).toBeGreaterThan(queries.length * 0.8);
  expect(failures).toEqual([]);
});
