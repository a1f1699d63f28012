import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'undici';
import type { LoadResult } from './search-load';
import { percentile } from './search-recall';

/**
 * Open-loop load at a steady rate (the wrk2 / k6 "constant arrival rate" model): request i is due at
 * start + i / rate whatever happened to the earlier ones, and its latency is measured from that due
 * time, so a slow server cannot slow the load down and hide its own queueing (coordinated omission).
 *
 * Why not autocannon's `overallRate`: its rate limiter (lib/httpClient.js) resets a per-connection
 * counter once a second, so each connection sends its share of the second back to back as fast as
 * the server answers and then idles — at 300 req/s offered the server sees saturation bursts for most
 * of every second, and the "p95 at 300 req/s" it reports is the p95 at saturation.
 */
export interface OpenLoopOptions {
  name: string;
  url: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  /** Sockets the client may open; requests beyond them wait in the client (and that wait counts). */
  maxConnections?: number;
  /** Request i is requests[i % requests.length]. */
  requests: Array<{ path: string; body?: string }>;
  /** Sent with every request (the API key). */
  headers?: Record<string, string>;
}

/**
 * runOpenLoop in a process of its own: its timers are not delayed by the garbage collection or
 * work of the benchmark process (which holds the dataset), only by the machine.
 */
export async function runOpenLoopInChild(options: OpenLoopOptions): Promise<LoadResult> {
  const child = path.join(__dirname, 'open-loop-child.ts');
  const optionsFile = path.join(mkdtempSync(path.join(tmpdir(), 'open-loop-')), 'options.json');
  writeFileSync(optionsFile, JSON.stringify(options));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, optionsFile], {
      cwd: path.resolve(__dirname, '../..'),
      maxBuffer: 64 * 1024 * 1024,
      timeout: (options.durationSeconds + 60) * 1000,
    });
    return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
  } finally {
    rmSync(path.dirname(optionsFile), { recursive: true, force: true });
  }
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const maxConnections = options.maxConnections ?? 64;
  const pool = new Pool(options.url, { connections: maxConnections, pipelining: 1, keepAliveTimeout: 30_000 });
  const intervalMs = 1000 / options.rate;
  const total = Math.round(options.rate * options.durationSeconds);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let lateMsMax = 0;
  const requests: Promise<void>[] = [];

  const fire = (index: number, dueAt: number) => {
    const { path, body } = options.requests[index % options.requests.length]!;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    lateMsMax = Math.max(lateMsMax, performance.now() - dueAt);
    requests.push(
      pool
        .request({
          path,
          method: options.method ?? 'GET',
          headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
          body,
        })
        .then(async (response) => {
          await response.body.dump({ limit: Infinity });
          latencies.push(performance.now() - dueAt);
          statusCodes[response.statusCode] = (statusCodes[response.statusCode] ?? 0) + 1;
        })
        .catch(() => {
          errors++;
        })
        .finally(() => {
          inFlight--;
        }),
    );
  };

  const start = performance.now() + 5;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes out (a late timer sends a small burst, timed from its due times).
      while (sent < total && start + sent * intervalMs <= now) {
        fire(sent, start + sent * intervalMs);
        sent++;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
    };
    setTimeout(tick, 5);
  });
  await Promise.all(requests);
  const elapsedSeconds = (performance.now() - start) / 1000;
  await pool.close();

  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    name: options.name,
    connections: maxInFlight,
    durationSeconds: elapsedSeconds,
    offeredRate: options.rate,
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    non2xx,
    errors,
    statusCodes,
    loadGenerator: { kind: 'open loop, evenly spaced, latency from due time', maxInFlight, maxSendLateMs: lateMsMax },
  };
}
