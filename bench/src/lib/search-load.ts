import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { percentile } from './search-recall';

/** HTTP load (autocannon) against a real matcher child process, with its memory sampled. */

export interface LoadResult {
  name: string;
  connections: number;
  durationSeconds: number;
  /** Offered rate (requests/s) or null for a closed loop (as fast as responses come back). */
  offeredRate: number | null;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Filled by the caller: the server's CPU time per answered request and its RSS peak so far. */
  serverCpuMsPerRequest?: number;
  /** PostgreSQL (all backends) and the whole machine (every process and the kernel), CPU ms per answered request. */
  postgresCpuMsPerRequest?: number;
  machineCpuMsPerRequest?: number;
  /** How the load was offered (open-loop runs add their in-flight peak and timer lateness). */
  loadGenerator?: { kind: string; maxInFlight?: number; maxSendLateMs?: number };
  serverPeakRssMb?: number;
  loadAverage1m?: number;
}

/** Resident memory of a process, from /proc (Linux): current and peak (VmHWM) in MB. */
export function readRss(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** User + system CPU time a process has used so far, in ms (/proc/<pid>/stat, Linux). */
export function readCpuMs(pid: number | string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** CPU time (ms) so far of every process named `name` (e.g. the PostgreSQL backends), by pid. */
export function readProcessGroupCpu(name: string): Map<string, number> {
  const byPid = new Map<string, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return byPid;
  }
  for (const pid of entries) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== name) continue;
    } catch {
      continue;
    }
    const cpu = readCpuMs(pid);
    if (cpu !== null) byPid.set(pid, cpu);
  }
  return byPid;
}

/** CPU (ms) the group used between two readings: processes that exited in between are left out, new ones count whole. */
export function processGroupCpuDelta(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** Busy CPU time of the whole machine so far (user, nice, system, irq, softirq over all cores), ms. */
export function readMachineCpuMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return ((user + nice + system + irq + softirq) * 1000) / 100;
}

export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakMb = 0;
  samples = 0;

  constructor(private readonly pid: number) {}

  start(intervalMs = 100): void {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const rss = readRss(this.pid);
    if (!rss) return;
    this.samples++;
    this.peakMb = Math.max(this.peakMb, rss.rssMb, rss.hwmMb);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
}

export interface LoadOptions {
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  overallRate?: number;
  method?: 'GET' | 'POST';
  /** Called for every request: path and optional JSON body (rotates over ids / queries). */
  next: (index: number) => { path: string; body?: string };
  /** Sent with every request (the API key). */
  headers?: Record<string, string>;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let counter = 0;
  const statusCodes: Record<string, number> = {};
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    overallRate: options.overallRate,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    method: options.method ?? 'GET',
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const { path, body } = options.next(counter++);
          return { ...request, path, ...(body === undefined ? {} : { body }) };
        },
      },
    ],
  });
  // autocannon's histograms stop at p90/p97.5; the raw response times give an exact p95.
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    instance.on('done', resolve).on('error', reject),
  );
  latencies.sort((a, b) => a - b);
  return {
    name: options.name,
    connections: options.connections,
    durationSeconds: result.duration,
    offeredRate: options.overallRate ?? null,
    requests: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    loadGenerator: { kind: `closed loop (autocannon), ${options.connections} connections${options.overallRate ? ', per-second rate cap' : ''}` },
  };
}

/** Closed-loop in-process load (no HTTP): `concurrency` callers, each awaiting `fn` in turn. */
export async function closedLoop(
  fn: (index: number) => Promise<unknown>,
  concurrency: number,
  durationSeconds: number,
): Promise<{ requestsPerSecond: number; p50Ms: number; p95Ms: number; requests: number }> {
  const latencies: number[] = [];
  const end = performance.now() + durationSeconds * 1000;
  let index = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await fn(index++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
  };
}
