import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { fileStamp } from '../lib/file-stamp.ts';
import { hashSources } from '../lib/source-digest.ts';
import { writeWhole } from '../lib/write-whole.ts';
import { archiveConfigSchema, type ArchiveConfig, type ArchiveRecord } from '../schemas/index.ts';
import { formatIssues, type LocatedProblem } from './format-issues.ts';
import { validateRecordSource } from './validate-record.ts';

/** Lists record files (.md, .mdx) under a folder, sorted, as absolute paths. */
export function listRecordFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') || entry.name.endsWith('.mdx')) out.push(full);
    }
  };
  try {
    if (statSync(dir).isDirectory()) walk(dir);
  } catch {
    // A missing records folder is an empty archive; the caller reports it.
  }
  return out;
}

/**
 * Reads and checks content/archive.yaml. Returns the config or located problems.
 */
export function validateArchiveConfig(contentDir: string, displayRoot = process.cwd()): { config: ArchiveConfig | null; problems: LocatedProblem[] } {
  const path = join(contentDir, 'archive.yaml');
  const shown = relative(displayRoot, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { config: null, problems: [{ file: shown, line: null, field: '', message: 'the archive settings file is missing. Hint: copy content/archive.yaml from the demo archive and edit it.' }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length) {
    return {
      config: null,
      problems: doc.errors.map((e) => ({ file: shown, line: (e.linePos?.[0]?.line ?? 0) || null, field: '', message: `not valid YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const data = doc.toJS() ?? {};
  const result = archiveConfigSchema.safeParse(data);
  if (result.success) return { config: result.data, problems: [] };
  const lineOf = (p: ReadonlyArray<PropertyKey>) => {
    for (let d = p.length; d > 0; d--) {
      const node = doc.getIn(p.slice(0, d) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return null;
  };
  return { config: null, problems: formatIssues(shown, result.error.issues, data, lineOf) };
}

/** What a whole-archive check found. */
export interface ArchiveCheck {
  config: ArchiveConfig | null;
  recordCount: number;
  /** Problems that stop the build. */
  problems: LocatedProblem[];
  /** Things a person should look at that do not stop the build (e.g. two replies to one number). */
  warnings: LocatedProblem[];
}

/** The proposal a reply answers: place, body, term, meeting and number, or null if unnumbered. */
function proposalKey(record: ArchiveRecord): string | null {
  if (record.kind === 'document' || !record.number || record.session.term == null) return null;
  const s = record.session;
  return `${s.place ?? '?'}${s.body === 'npc' ? '人大' : '政协'}${s.term}届${s.meeting ?? '?'}次 第${record.number.replace(/^0+/, '')}号 (${record.kind})`;
}

/** What a record that passed its own checks contributes to the archive-wide ones. */
interface CheckedRecord {
  /** Digest of the record's file. */
  hash: string;
  /** The file's size, modification and change times (ns) and inode when it was checked: see src/lib/file-stamp.ts. */
  stamp: string;
  id: string;
  proposal: string | null;
  unit: string | null;
}

/**
 * The checks a previous run passed, by file as shown (src/validation/, src/schemas/ and
 * src/lib/ code digest, then per file): a record whose file is unchanged is not parsed
 * and checked again. Written by hand, not a library: it is one JSON file.
 */
interface CheckCache {
  code: string;
  files: Record<string, CheckedRecord>;
}

function checkCode(): string {
  const hash = createHash('sha256');
  hashSources(hash, join(import.meta.dirname, '..', '..'), ['src/validation', 'src/schemas', 'src/lib']);
  return hash.digest('base64url');
}

function readCheckCache(file: string | undefined, code: string): Record<string, CheckedRecord> {
  if (!file) return {};
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CheckCache;
    return cache.code === code ? cache.files : {};
  } catch {
    return {};
  }
}

/** Options of {@link validateArchive}. */
export interface ValidateArchiveOptions {
  /**
   * A file that keeps, from one run to the next, which record files passed their own
   * checks (scripts/build.ts keeps it in the build cache): those unchanged since are
   * not parsed again. The checks across records (ids, proposal numbers) always run.
   */
  cacheFile?: string;
}

/**
 * Checks a whole archive folder before anything is built: the settings file, every
 * record's frontmatter, file names against ids, and duplicate ids.
 */
export function validateArchive(contentDir: string, displayRoot = process.cwd(), options: ValidateArchiveOptions = {}): ArchiveCheck {
  const code = options.cacheFile ? checkCode() : '';
  const cached = readCheckCache(options.cacheFile, code);
  const passed: Record<string, CheckedRecord> = {};
  const { config, problems } = validateArchiveConfig(contentDir, displayRoot);
  const files = listRecordFiles(join(contentDir, 'records'));
  if (files.length === 0) {
    problems.push({ file: relative(displayRoot, join(contentDir, 'records')) || 'records', line: null, field: '', message: 'the archive has no records (.md or .mdx files). Hint: run npm run import -- <pages> --out <content>/records.' });
  }
  const seen = new Map<string, string>();
  const claims = new Map<string, { file: string; unit: string | null }[]>();
  for (const file of files) {
    const shown = relative(displayRoot, file);
    const stamp = options.cacheFile ? fileStamp(file) : '';
    const before = cached[shown];
    let checked: CheckedRecord | undefined = stamp && before?.stamp === stamp ? before : undefined;
    // A record with problems is not kept as passed: it is checked, and they are reported, again.
    let passes = true;
    if (!checked) {
      const source = readFileSync(file, 'utf8');
      const hash = options.cacheFile ? createHash('sha256').update(source).digest('base64url') : '';
      if (before && before.hash === hash) {
        // Touched but holding the same bytes (a copy, a checkout): not checked again.
        checked = { ...before, stamp };
      } else {
        const check = validateRecordSource(shown, source);
        problems.push(...check.problems);
        if (!check.record) continue;
        checked = { hash, stamp, id: check.record.id, proposal: proposalKey(check.record), unit: check.record.kind === 'document' ? null : check.record.handlingUnit };
        passes = check.problems.length === 0;
      }
    }
    if (passes) passed[shown] = checked;
    const id = checked.id;
    const stem = basename(file, extname(file));
    if (stem !== id) {
      problems.push({ file: shown, line: null, field: 'id', message: `the file is named "${stem}" but its id is "${id}"; expected the file name to be the id. Hint: rename the file to ${id}${extname(file)}.` });
    }
    const key = checked.proposal;
    if (key) (claims.get(key) ?? claims.set(key, []).get(key)!).push({ file: shown, unit: checked.unit });
    const earlier = seen.get(id);
    if (earlier) {
      problems.push({ file: shown, line: null, field: 'id', message: `the id "${id}" is already used by ${earlier}; expected every record id to be unique. Hint: these may be the same page imported twice; keep one.` });
    } else {
      seen.set(id, shown);
    }
  }
  // Several units may each answer one proposal; the same unit answering the same number twice,
  // or two units that do not say who they are, is probably one proposal imported twice or a typo.
  const warnings: LocatedProblem[] = [];
  for (const [key, list] of claims) {
    const units = list.map((c) => c.unit);
    if (list.length < 2 || new Set(units).size === units.length && !units.includes(null)) continue;
    for (const claim of list) {
      const others = list.filter((c) => c !== claim).map((c) => c.file).join(', ');
      warnings.push({ file: claim.file, line: null, field: 'number', message: `${key} is also claimed by ${others}. Hint: check the proposal number and session; if it is the same page imported twice, keep one.` });
    }
  }
  if (options.cacheFile) writeWhole(options.cacheFile, JSON.stringify({ code, files: passed } satisfies CheckCache));
  return { config, recordCount: files.length, problems, warnings };
}

