/**
 * npm run fuzz -- [--count N] [--seed S]: imports N mutated pages (default 10,000) and
 * fails on any crash or any page slower than 2 s. Replay one finding with --count 1 --seed S.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz } from './run-fuzz.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.count);
const started = performance.now();
const report = runFuzz(count, join(import.meta.dirname, '../../tests/fixtures/import'), Number(values.seed));
const seconds = (performance.now() - started) / 1000;
console.log(`fuzzed ${report.pages} pages in ${seconds.toFixed(1)} s: ${report.records} records, ${report.rejected} clear rejections, ${report.crashes.length} crashes, ${report.hangs.length} hangs`);
console.log(`slowest page: ${report.slowest.ms.toFixed(0)} ms of CPU (seed ${report.slowest.seed}, ${report.slowest.kind}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const crash of report.crashes.slice(0, 20)) console.log(`CRASH seed ${crash.seed} (${crash.kind}): ${crash.error}`);
for (const hang of report.hangs.slice(0, 20)) console.log(`HANG seed ${hang.seed} (${hang.kind}): ${hang.ms.toFixed(0)} ms of CPU`);
process.exit(report.crashes.length || report.hangs.length ? 1 : 0);
