import type { APIRoute } from 'astro';
import { archiveConfig } from '../../lib/archive-config.ts';
import { allRecordEntries } from '../../lib/archive.ts';
import { openRecord } from '../../lib/open-data.ts';
import { recordBody } from '../../lib/record-body.ts';

/** /data/records.json: the whole archive, one object per record, newest first. */
export const GET: APIRoute = async () => {
  const config = archiveConfig();
  const entries = await allRecordEntries();
  // Streamed line by line so a 100k-record archive is never one giant string in memory.
  const encoder = new TextEncoder();
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === 0) controller.enqueue(encoder.encode(`{"archive":${JSON.stringify(config.name)},"count":${entries.length},"records":[\n`));
      if (i >= entries.length) {
        controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      const entry = entries[i]!;
      controller.enqueue(encoder.encode(`${i ? ',\n' : ''}${JSON.stringify(openRecord(entry.data, recordBody(entry), config.baseUrl))}`));
      i++;
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
