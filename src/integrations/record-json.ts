import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveConfig } from '../lib/archive-config.ts';
import { astroCacheDir } from '../lib/cache-dir.ts';
import { contentDir } from '../lib/content-dir.ts';
import { fileStamp } from '../lib/file-stamp.ts';
import { cachedOutputDir } from '../lib/output-staging.ts';
import { openRecord } from '../lib/open-data.ts';
import { readRecordJsonState, recordJsonPath, writeRecordJsonState } from '../lib/record-json-state.ts';
import { hashSources } from '../lib/source-digest.ts';
import { recordSchema } from '../schemas/index.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { listRecordFiles } from '../validation/validate-archive.ts';

/** The code a record's JSON comes from (open-data.ts and what it imports, the schemas, the frontmatter reader). */
const JSON_CODE = ['src/lib', 'src/schemas', 'src/validation', 'src/integrations/record-json.ts'];

/**
 * Writes /records/<id>.json, each record's open data, beside its page once the pages are
 * built (and before the link check, which follows the pages' links to them).
 *
 * Why not an Astro route: a route costs Astro about 3.5 ms per file however little it
 * renders, about 35 s of a 10,000-record build for 10,000 files; writing the same JSON
 * straight from the record files takes a few seconds. The body is the text after the
 * frontmatter, trimmed, exactly as Astro's `entry.body` gives it for .md and .mdx.
 *
 * On a rebuild into the previous output (src/lib/output-staging.ts), the file of a
 * record whose source, the code and the archive settings are unchanged is already there
 * and stays: it is neither parsed nor written again (src/lib/record-json-state.ts), nor
 * read when its stamp is the one it had (src/lib/file-stamp.ts). The files of records
 * no longer in the archive are removed. Like Astro for its pages, it keeps a copy of
 * each file it writes in the build cache, from which a rebuild after a first build into
 * a folder starts (src/lib/output-staging.ts).
 */
export function recordJson(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'archive:record-json',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { baseUrl } = archiveConfig();
        const cache = astroCacheDir();
        const codeHash = createHash('sha256').update(baseUrl).update('\0');
        hashSources(codeHash, root, JSON_CODE);
        const code = codeHash.digest('base64url');
        const before = readRecordJsonState(cache);
        const unchanged = before?.code === code ? before.files : {};
        const files: Record<string, string> = {};
        const stamps: Record<string, string> = {};
        let written = 0;
        let kept = 0;
        for (const file of listRecordFiles(join(contentDir(), 'records'))) {
          // The file name is the record's id (checked before the build).
          const id = basename(file, extname(file));
          // Taken before reading: a file changed after it gets another stamp next time.
          const stamp = fileStamp(file);
          // A file whose stamp is unchanged is not read to learn its digest.
          let source: string | undefined;
          let digest = before?.stamps?.[id] === stamp ? before.files[id] : undefined;
          if (digest === undefined) {
            source = readFileSync(file, 'utf8');
            digest = createHash('sha256').update(source).digest('base64url');
          }
          files[id] = digest;
          stamps[id] = stamp;
          const target = join(out, recordJsonPath(id));
          if (unchanged[id] === digest && existsSync(target)) {
            kept++;
            continue;
          }
          const read = readFrontmatter(source ?? readFileSync(file, 'utf8'));
          // Checked before the build: a record that does not parse here is a bug, said plainly.
          const record = recordSchema.parse(read?.data);
          const json = JSON.stringify(openRecord(record, read!.body.trim(), baseUrl), null, 2);
          writeFileSync(target, json);
          // A copy beside Astro's copies of the pages, for the same use (src/lib/output-staging.ts).
          const copy = join(cachedOutputDir(cache), recordJsonPath(id));
          if (written === 0) mkdirSync(dirname(copy), { recursive: true });
          writeFileSync(copy, json);
          written++;
        }
        for (const id of Object.keys(before?.files ?? {})) {
          if (id in files) continue;
          rmSync(join(out, recordJsonPath(id)), { force: true });
          rmSync(join(cachedOutputDir(cache), recordJsonPath(id)), { force: true });
        }
        writeRecordJsonState(cache, { code, files, stamps });
        logger.info(`${written + kept} record JSON files: ${written} written${kept ? `, ${kept} unchanged kept` : ''}`);
      },
    },
  };
}
