import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveConfig } from '../../lib/archive-config.ts';
import { allRecordEntries, type RecordEntry } from '../../lib/archive.ts';
import { openRecord } from '../../lib/open-data.ts';
import { cacheKey, recordDigests } from '../../lib/cache-keys.ts';

/** /records/<id>.json: the record's data beside its page. */
export const getStaticPaths = (async () => {
  const digests = await recordDigests();
  return (await allRecordEntries()).map((entry) => ({ params: { id: entry.id }, props: { entry }, cacheKey: cacheKey('record.json', digests.get(entry.id)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const entry = props.entry as RecordEntry;
  const data = openRecord(entry.data, entry.body ?? '', archiveConfig().baseUrl);
  return new Response(JSON.stringify(data, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
