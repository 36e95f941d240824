import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time of the processes behind one `wrangler dev`, read from /proc (Linux; elsewhere the
 * numbers are absent). wrangler dev runs two workerd processes: the proxy that owns the public
 * port, and the runtime that runs the worker and, for local D1, SQLite inside the same process.
 */

/** Clock ticks per second for /proc/<pid>/stat; 100 on every Linux we run on. */
const TICKS = 100;

interface ProcInfo {
  pid: number;
  ppid: number;
  /** CPU seconds, user + system. */
  cpu: number;
  cmdline: string;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return {
      pid,
      ppid: Number(fields[1]),
      cpu: (Number(fields[11]) + Number(fields[12])) / TICKS,
      cmdline,
    };
  } catch {
    return null;
  }
}

function descendants(root: number): ProcInfo[] {
  let all: ProcInfo[];
  try {
    all = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map((name) => readProc(Number(name)))
      .filter((p): p is ProcInfo => p !== null);
  } catch {
    return [];
  }
  const found: ProcInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

export interface CpuSplit {
  /** The workerd that runs the worker (and local D1's SQLite). */
  runtime: number;
  /** The workerd of wrangler's proxy in front of it. */
  proxy: number;
  /** wrangler's own Node processes (and its esbuild). */
  wrangler: number;
}

/** CPU seconds so far of one `wrangler dev` (its pid) whose public port is `port`. */
export function devCpu(pid: number, port: number): CpuSplit | null {
  const self = readProc(pid);
  if (!self) return null;
  const split: CpuSplit = { runtime: 0, proxy: 0, wrangler: self.cpu };
  for (const p of descendants(pid)) {
    if (!p.cmdline.includes('workerd')) split.wrangler += p.cpu;
    else if (p.cmdline.includes(`entry=127.0.0.1:${port} `)) split.proxy += p.cpu;
    else split.runtime += p.cpu;
  }
  return split;
}

export const cpuDelta = (after: CpuSplit | null, before: CpuSplit | null): CpuSplit | null =>
  after && before
    ? {
        runtime: after.runtime - before.runtime,
        proxy: after.proxy - before.proxy,
        wrangler: after.wrangler - before.wrangler,
      }
    : null;

/** The pid of the workerd that runs the worker behind one `wrangler dev` (not its proxy). */
export function runtimePid(pid: number, port: number): number | null {
  const runtime = descendants(pid).find(
    (p) => p.cmdline.includes('workerd') && !p.cmdline.includes(`entry=127.0.0.1:${port} `),
  );
  return runtime?.pid ?? null;
}
