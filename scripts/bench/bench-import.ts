import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { importPage } from '../import/import-page.ts';

// Typical pages: the five seeds (5–9 KB each, every layout family of the demo archive),
// varied so that no two pages are identical (number, proposer, one paragraph).
const SEEDS = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'import');
const COUNT = Number(process.env.BENCH_PAGES ?? 2000);
const NAMES = ['李明', '张华', '王芳', '陈晓东', '刘洋', '阿卜杜拉·买买提'];

function seedPages(): { name: string; text: string }[] {
  return readdirSync(SEEDS)
    .filter((d) => d.startsWith('seed-'))
    .map((d) => {
      const file = readdirSync(join(SEEDS, d)).find((f) => /^\d{3}_.*\.txt$/.test(f)) as string;
      return { name: file, text: readFileSync(join(SEEDS, d, file), 'utf8') };
    });
}

function vary(text: string, i: number): string {
  return text
    .replace(/第(\d+)号/g, `第${i + 1}号`)
    .replace(/(\d+)号提案/g, `${i + 1}号提案`)
    .replace(/王玲玲|高斌|葛亚/g, NAMES[i % NAMES.length] as string)
    .replace(/(感谢您[^\n]*)/, `$1(第${i}次抽样)`);
}

/** Writes the pages, imports them in this one process, and prints pages/s and peak RSS. */
function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const pagesDir = join(work, 'pages');
  const outDir = join(work, 'records');
  mkdirSync(pagesDir);
  const seeds = seedPages();
  let bytes = 0;
  const files: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const seed = seeds[i % seeds.length] as { name: string; text: string };
    const file = join(pagesDir, `${String(i).padStart(5, '0')}_${seed.name}`);
    const text = vary(seed.text, i);
    bytes += Buffer.byteLength(text);
    writeFileSync(file, text);
    files.push(file);
  }
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let ok = 0;
  let importMs = 0;
  for (const file of files) {
    const bytesIn = readFileSync(file);
    const t = performance.now();
    const result = importPage(bytesIn, file, file.slice(pagesDir.length + 1));
    importMs += performance.now() - t;
    if (!result.ok || !result.fileText || !result.relPath) continue;
    const target = join(outDir, result.relPath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, result.fileText);
    ok++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of this process: on a shared machine wall time also counts other programs.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  rmSync(work, { recursive: true, force: true });
  console.log(`pages: ${COUNT} (average ${(bytes / COUNT / 1024).toFixed(1)} KB), records written: ${ok}`);
  console.log(`wall time: ${seconds.toFixed(2)} s, ${(COUNT / seconds).toFixed(0)} pages/s (one process, one thread)`);
  console.log(`CPU time: ${cpuSeconds.toFixed(2)} s, ${(COUNT / cpuSeconds).toFixed(0)} pages per CPU second`);
  console.log(`of which importing (read bytes → validated record text): ${(importMs / 1000).toFixed(2)} s, ${(COUNT / (importMs / 1000)).toFixed(0)} pages/s; the rest is file I/O`);
  console.log(`peak RSS: ${peakMb.toFixed(0)} MB`);
  if (ok !== COUNT) process.exitCode = 1;
}

main();
