import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { archiveConfig } from '../../lib/archive-config.ts';
import { allRecords } from '../../lib/archive.ts';
import { csvColumns } from '../../lib/open-data.ts';

/** /data/records.csv: one row per record; UTF-8 with a BOM so Excel reads the Chinese correctly. */
export const GET: APIRoute = async () => {
  const base = archiveConfig().baseUrl;
  const rows = (await allRecords()).map((record) => csvColumns.map((column) => column.value(record, base)));
  const csv = stringify([csvColumns.map((c) => c.key), ...rows], { record_delimiter: 'windows' });
  return new Response(`\uFEFF${csv}`, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
