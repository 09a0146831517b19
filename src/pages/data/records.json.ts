import type { APIRoute } from 'astro';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { archiveConfig } from '../../lib/archive-config.ts';
import { allRecordEntries } from '../../lib/archive.ts';
import { astroCacheDir } from '../../lib/cache-dir.ts';
import { keptLines } from '../../lib/kept-lines.ts';
import { openRecord } from '../../lib/open-data.ts';
import { recordBody } from '../../lib/record-body.ts';
import { hashSources } from '../../lib/source-digest.ts';

/**
 * /data/records.json: the whole archive, one object per record, newest first. A record's
 * line is made again only when its source changed since the last build (src/lib/kept-lines.ts):
 * the key is everything else a line depends on, the archive settings and the code that
 * reads and writes a record (Astro runs in the project folder).
 */
export const GET: APIRoute = async () => {
  const config = archiveConfig();
  const entries = await allRecordEntries();
  const key = createHash('sha256').update(JSON.stringify(config)).update('\0');
  hashSources(key, process.cwd(), ['src/lib', 'src/schemas', 'src/validation', 'src/pages/data/records.json.ts']);
  const lines = keptLines(
    entries.map((entry) => ({ id: entry.id, digest: String(entry.digest) })),
    (i) => JSON.stringify(openRecord(entries[i]!.data, recordBody(entries[i]!), config.baseUrl)),
    join(astroCacheDir(), 'open-data', 'records.json.lines'),
    key.digest('base64url'),
  );
  // Streamed line by line so a 100k-record archive is never one giant string in memory.
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === 0) controller.enqueue(Buffer.from(`{"archive":${JSON.stringify(config.name)},"count":${entries.length},"records":[\n`));
      const next = lines.next();
      if (next.done) {
        controller.enqueue(Buffer.from(']}\n'));
        controller.close();
        return;
      }
      if (i) controller.enqueue(SEPARATOR);
      controller.enqueue(next.value);
      i++;
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

const SEPARATOR = Buffer.from(',\n');
