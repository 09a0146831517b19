/**
 * Runs a command and measures it as a whole: wall time, CPU time and the peak resident
 * memory of its whole process tree (Astro's Node process and the Pagefind binaries it
 * starts), sampled from /proc every 100 ms. Node's own maxRSS sees one process only, and
 * GNU time one child at a time, so neither would show the real peak of a build.
 *
 * CPU time is reported beside wall time because the reference machine is a shared
 * virtual machine: the same build's wall time varies by 15 % or more from run to run
 * while the work done does not, and the CPU the host takes away (steal) is measured too.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';

/** What one measured run took. */
export interface Measured {
  status: number | null;
  seconds: number;
  /** Peak of the summed RSS of the whole tree, MB. */
  peakMb: number;
  /** CPU time (user + system) of the whole tree, seconds. */
  cpuSeconds: number;
  /** CPU time of each direct child's subtree, by the child's script (as peakByStep), seconds. */
  cpuByStep: Record<string, number>;
  /** CPU time the host took from this machine (all cores) while the command ran, seconds. */
  stealSeconds: number;
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
  /** User + system time of the process itself, clock ticks. */
  ownTicks: number;
}

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a /proc/<pid>/stat line's fields after the name. */
function ownTicksOf(fields: string[]): number {
  return Number(fields[11]) + Number(fields[12]);
}

/** This process's waited-for children's CPU time, clock ticks. */
function childrenTicks(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[13]) + Number(fields[14]);
}

/** The machine's steal time (all cores), clock ticks. */
function stealTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  return Number(cpu[8] ?? 0);
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
      out.push({ pid: Number(entry), ppid: Number(fields[1]), name, rssKb: rss ? Number(rss[1]) : 0, ownTicks: ownTicksOf(fields) });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The script a Node process runs (astro.mjs, index-search.ts …), else its program name;
 * null while that cannot be known yet or any more: a child caught between fork and exec
 * still shows its parent's command line, and an exited one none.
 */
function stepName(proc: Proc, parentCommandLine: string): string | null {
  const line = commandLine(proc.pid);
  if (line === '' || line === parentCommandLine) return null;
  const script = line.split('\0').slice(1).find((a) => /\.(m?js|ts)$/.test(a));
  return script ? script.split('/').pop()! : proc.name;
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
    const ticksBefore = childrenTicks();
    const stealBefore = stealTicks();
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
    let parentCommandLine: string | undefined;
    const stepNames = new Map<number, string>();
    const peakByProgram: Record<string, number> = {};
    const peakByStep: Record<string, number> = {};
    // Every process seen in the tree: its step and the most CPU time it was seen with. A
    // process's own time is counted once, whether or not its parent ever waits for it.
    const seen = new Map<number, { step: string | null; ticks: number }>();
    const note = (p: Proc, step: string | null) => {
      const known = seen.get(p.pid);
      seen.set(p.pid, { step: known?.step ?? step, ticks: Math.max(known?.ticks ?? 0, p.ownTicks) });
    };
    const sample = () => {
      if (child.pid === undefined) return;
      const all = processes();
      const tree = treeOf(child.pid, all);
      parentCommandLine ??= commandLine(child.pid);
      for (const step of all.filter((p) => p.ppid === child.pid)) {
        let name = stepNames.get(step.pid);
        if (!name) {
          name = stepName(step, parentCommandLine) ?? undefined;
          if (!name) continue;
          stepNames.set(step.pid, name);
        }
        const subtree = treeOf(step.pid, all);
        const kb = subtree.reduce((sum, p) => sum + p.rssKb, 0);
        peakByStep[name] = Math.max(peakByStep[name] ?? 0, kb);
        for (const p of subtree) note(p, name);
      }
      const byName: Record<string, number> = {};
      let total = 0;
      for (const p of tree) {
        total += p.rssKb;
        byName[p.name] = (byName[p.name] ?? 0) + p.rssKb;
      }
      peakKb = Math.max(peakKb, total);
      for (const p of tree) note(p, null);
      for (const [name, kb] of Object.entries(byName)) peakByProgram[name] = Math.max(peakByProgram[name] ?? 0, kb);
    };
    const timer = setInterval(sample, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      const cpuTicksByStep: Record<string, number> = {};
      let sampledTicks = 0;
      for (const { step, ticks } of seen.values()) {
        sampledTicks += ticks;
        if (step) cpuTicksByStep[step] = (cpuTicksByStep[step] ?? 0) + ticks;
      }
      resolve({
        status,
        seconds: (performance.now() - started) / 1000,
        // Samples miss a process's last 100 ms and processes shorter than that; waited-for
        // descendants' exact time is in this process's children's time, but a helper its
        // parent never waits for (esbuild's service) is only in the samples.
        cpuSeconds: Math.max(childrenTicks() - ticksBefore, sampledTicks) / TICKS_PER_SECOND,
        cpuByStep: Object.fromEntries(Object.entries(cpuTicksByStep).map(([k, v]) => [k, v / TICKS_PER_SECOND])),
        stealSeconds: (stealTicks() - stealBefore) / TICKS_PER_SECOND,
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
