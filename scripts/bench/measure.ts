/**
 * Runs a command and measures it as a whole: wall time and the peak resident memory of
 * its whole process tree (Astro's Node process and the Pagefind binaries it starts),
 * sampled from /proc every 100 ms. Node's own maxRSS sees one process only, and GNU
 * time one child at a time, so neither would show the real peak of a build.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';

/** What one measured run took. */
export interface Measured {
  status: number | null;
  seconds: number;
  /** Peak of the summed RSS of the whole tree, MB. */
  peakMb: number;
  /** Peak summed RSS per program name (e.g. node, pagefind_extended), MB. */
  peakByProgram: Record<string, number>;
  /**
   * Peak RSS of the subtree of each direct child of the command, MB, by the child's script
   * (e.g. astro.mjs, index-search.ts): the steps a build runs side by side.
   */
  peakByStep: Record<string, number>;
  /** What the command printed (stdout and stderr interleaved). */
  output: string;
}

interface Proc {
  pid: number;
  ppid: number;
  name: string;
  rssKb: number;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The name is in parentheses and may contain spaces; fields after it are space-separated.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+)/.exec(status);
      out.push({ pid: Number(entry), ppid: Number(fields[1]), name, rssKb: rss ? Number(rss[1]) : 0 });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

/** The script a Node process runs (astro.mjs, index-search.ts …), else its program name. */
function stepName(proc: Proc): string {
  try {
    const args = readFileSync(`/proc/${proc.pid}/cmdline`, 'utf8').split('\0');
    const script = args.slice(1).find((a) => /\.(m?js|ts)$/.test(a));
    return script ? script.split('/').pop()! : proc.name;
  } catch {
    return proc.name;
  }
}

function treeOf(root: number, all: Proc[]): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const tree: Proc[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const self = all.find((p) => p.pid === pid);
    if (self) tree.push(self);
    for (const c of children.get(pid) ?? []) stack.push(c.pid);
  }
  return tree;
}

/** Runs `command args` with `env`, echoing its output when `echo` is set. */
export function runMeasured(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      if (options.echo) process.stderr.write(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let peakKb = 0;
    const peakByProgram: Record<string, number> = {};
    const peakByStep: Record<string, number> = {};
    const stepNames = new Map<number, string>();
    const sample = () => {
      if (child.pid === undefined) return;
      const all = processes();
      const tree = treeOf(child.pid, all);
      for (const step of all.filter((p) => p.ppid === child.pid)) {
        if (!stepNames.has(step.pid)) stepNames.set(step.pid, stepName(step));
        const name = stepNames.get(step.pid)!;
        const kb = treeOf(step.pid, all).reduce((sum, p) => sum + p.rssKb, 0);
        peakByStep[name] = Math.max(peakByStep[name] ?? 0, kb);
      }
      const byName: Record<string, number> = {};
      let total = 0;
      for (const p of tree) {
        total += p.rssKb;
        byName[p.name] = (byName[p.name] ?? 0) + p.rssKb;
      }
      peakKb = Math.max(peakKb, total);
      for (const [name, kb] of Object.entries(byName)) peakByProgram[name] = Math.max(peakByProgram[name] ?? 0, kb);
    };
    const timer = setInterval(sample, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({
        status,
        seconds: (performance.now() - started) / 1000,
        peakMb: peakKb / 1024,
        peakByProgram: Object.fromEntries(Object.entries(peakByProgram).map(([k, v]) => [k, v / 1024])),
        peakByStep: Object.fromEntries(Object.entries(peakByStep).map(([k, v]) => [k, v / 1024])),
        output,
      });
    });
  });
}

/** Total size of the files under `dir`, bytes. */
export function duBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      total += statSync(`${entry.parentPath}/${entry.name}`).size;
    }
  }
  return total;
}
