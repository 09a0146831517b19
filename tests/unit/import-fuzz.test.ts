import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runFuzz } from '../../scripts/fuzz/run-fuzz.ts';

// A smaller run of `npm run fuzz` (10,000 pages): mutated pages must give a record or a
// clear rejection, never an exception and never a page that takes seconds.
test('the importer survives 1,000 mutated pages without a crash or a hang', () => {
  const report = runFuzz(1000, join(import.meta.dirname, '../fixtures/import'), 424242);
  expect(report.crashes).toEqual([]);
  expect(report.hangs).toEqual([]);
  expect(report.records + report.rejected).toBe(1000);
  // Both outcomes occur, so the mutations reach past the first checks.
  expect(report.records).toBeGreaterThan(100);
  expect(report.rejected).toBeGreaterThan(100);
});
