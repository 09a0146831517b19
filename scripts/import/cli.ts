import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PAGE_EXT } from './import-page-file.ts';
import { jsonLine } from './json-output.ts';
import { defaultThreads, importPageFiles } from './read-pages.ts';

const USAGE = `usage: npm run import -- <file|dir>... [--out <dir>] [--dry-run] [--json] [--force] [--threads N]

  <file|dir>   saved pages (.txt, .html, .htm); folders are walked
  --out <dir>  where records are written (default content/records), as <year>/<id>.md
  --dry-run    read and check everything, write nothing
  --json       one JSON object per input on stdout
  --force      overwrite records that already exist with different content
  --threads N  pages imported at a time (default: one per core, at most 4; 1 under 200 pages)`;

/** Lists the page files under the given paths, sorted within each folder. */
function collect(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (PAGE_EXT.test(entry.name)) out.push(full);
    }
  };
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

function usage(message: string): never {
  process.stderr.write(`import: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** The command: imports pages, writes records, prints a summary; exit 0, 1 (rejections) or 2 (usage). */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, force: { type: 'boolean' }, threads: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length === 0) usage('no pages given');
  for (const p of args.positionals) if (!existsSync(p)) usage(`${p} does not exist`);
  const outDir = args.values.out ?? 'content/records';
  const dryRun = args.values['dry-run'] ?? false;
  const json = args.values.json ?? false;
  const force = args.values.force ?? false;

  const threads = args.values.threads === undefined ? null : Number(args.values.threads);
  if (threads !== null && !(Number.isInteger(threads) && threads >= 1)) usage(`--threads is "${args.values.threads}"; give a whole number of threads, 1 or more`);

  const started = performance.now();
  const files = collect(args.positionals);
  const written = new Map<string, string>();
  const rejected: { file: string; reason: string }[] = [];
  const flagCounts = new Map<string, number>();
  let wrote = 0;
  let unchanged = 0;
  // Results come back in the order of `files`, so the first capture of a reply wins, as it would one page at a time.
  for await (let result of importPageFiles(files, threads ?? defaultThreads(files.length))) {
    const file = result.source;
    let status = result.ok ? 'written' : 'rejected';
    let target: string | null = null;
    const fileText = result.fileText;
    if (result.ok && result.relPath && fileText) {
      target = join(outDir, result.relPath);
      const earlier = written.get(target);
      const existing = earlier ?? (existsSync(target) ? readFileSync(target, 'utf8') : null);
      if (existing === fileText) {
        status = 'unchanged';
        unchanged++;
      } else if (earlier !== undefined) {
        result = { ...result, ok: false, errors: [{ line: null, message: `another page in this run produced the same record ${target} with different content. Hint: these are two captures of one reply; keep one.` }] };
        status = 'rejected';
      } else if (existing !== null && !force) {
        result = { ...result, ok: false, errors: [{ line: null, message: `${target} already exists with different content; it was not overwritten. Hint: pass --force to replace it.` }] };
        status = 'exists';
      } else {
        if (!dryRun) {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, fileText);
        }
        status = dryRun ? 'would-write' : 'written';
        wrote++;
      }
      written.set(target, fileText);
    }
    if (!result.ok) rejected.push({ file, reason: result.errors.map((e) => `${e.line ? `line ${e.line}: ` : ''}${e.message}`).join('\n    ') });
    for (const f of result.flags) flagCounts.set(f.type, (flagCounts.get(f.type) ?? 0) + 1);
    if (json) process.stdout.write(`${jsonLine(result, { written: result.ok ? target : null, status })}\n`);
    else {
      const mark = result.ok ? '✓' : '✗';
      const where = target ? ` → ${relative(process.cwd(), target)}` : '';
      process.stdout.write(`${mark} ${file}${where} (${status})${result.flags.length ? ` [${[...new Set(result.flags.map((f) => f.type))].join(', ')}]` : ''}\n`);
      for (const e of result.errors) process.stdout.write(`    ${file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `pages read: ${files.length}`,
    `records ${dryRun ? 'that would be written' : 'written'}: ${wrote}${unchanged ? ` (+${unchanged} unchanged)` : ''}`,
    `pages rejected: ${rejected.length}`,
    ...rejected.map((r) => `  ${r.file}: ${r.reason}`),
    `flags: ${flagCounts.size ? [...flagCounts].sort().map(([t, n]) => `${t} ${n}`).join(', ') : 'none'}`,
    `time: ${seconds.toFixed(2)} s`,
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return rejected.length ? 1 : 0;
}

// A reader that stops early (`… --json | head`) closes the pipe: the import goes on and
// still writes every record; only the listing stops.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = await main(process.argv.slice(2));
