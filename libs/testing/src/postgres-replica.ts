import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL primary and a streaming replica of it (`pg_basebackup -R`), each its own cluster
 * under a temporary folder, on free ports of 5433–5439, for tests of reads on replicas. The shared
 * server on 5432 is left alone: it accepts no replication connections (pg_hba), and changing that
 * would take a reload of everybody's database. The system's PostgreSQL binaries are used (pgvector
 * is installed for them); as root, the clusters run as the `postgres` user (initdb refuses root).
 * Settings favour speed over durability (fsync off): the clusters live for one test file.
 */

export interface ReplicaPair {
  primaryPort: number;
  replicaPort: number;
  /** postgresql:// URL of `database` on the primary / on the replica. */
  primaryUrl(database?: string): string;
  replicaUrl(database?: string): string;
  /** Stops the replica only (a failed replica). */
  stopReplica(): Promise<void>;
  /** Stops both clusters and removes their folder; safe to call twice. */
  stop(): Promise<void>;
}

const PORTS = [5433, 5434, 5435, 5436, 5437, 5438, 5439];
/** Port reservations of this process, so two pairs in one worker never pick the same ports. */
const taken = new Set<number>();

function binDir(): string {
  return process.env.PG_BINDIR ?? '/usr/lib/postgresql/15/bin';
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePorts(count: number): Promise<number[]> {
  const chosen: number[] = [];
  for (const port of PORTS) {
    if (chosen.length === count) break;
    if (!taken.has(port) && (await portIsFree(port))) chosen.push(port);
  }
  if (chosen.length < count) throw new Error(`need ${count} free ports in 5433–5439 for a primary/replica pair, found ${chosen.length}`);
  chosen.forEach((port) => taken.add(port));
  return chosen;
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startReplicaPair(options: { timeoutMs?: number } = {}): Promise<ReplicaPair> {
  const timeout = options.timeoutMs ?? 20_000;
  const asUser = postgresUser();
  const root = mkdtempSync(path.join(os.tmpdir(), 'jobmatch-replica-'));
  if (asUser) chownSync(root, asUser.uid, asUser.gid);
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  const [primaryPort, replicaPort] = await freePorts(2);
  const pg = async (program: string, args: string[]) => {
    const binary = path.join(binDir(), program);
    const [command, commandArgs] = asUser ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
    try {
      return await run(command, commandArgs, { timeout, cwd: root });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${program} ${args.join(' ')} failed: ${(stderr || stdout || (error as Error).message).trim()}`, { cause: error });
    }
  };
  const serverOptions = (port: number) => `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=30`;
  const started: string[] = [];
  const stopCluster = async (dir: string) => {
    if (!started.includes(dir)) return;
    started.splice(started.indexOf(dir), 1);
    await pg('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopCluster(replicaDir);
    await stopCluster(primaryDir);
    rmSync(root, { recursive: true, force: true });
    taken.delete(primaryPort!);
    taken.delete(replicaPort!);
  };

  try {
    // initdb's pg_hba.conf trusts local and 127.0.0.1 connections, replication ones included.
    await pg('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    await pg('pg_ctl', ['-D', primaryDir, '-l', path.join(root, 'primary.log'), '-o', serverOptions(primaryPort!), '-w', '-t', String(timeout / 1000), 'start']);
    started.push(primaryDir);
    // -R writes standby.signal and primary_conninfo; -X stream carries the WAL written meanwhile.
    await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    await pg('pg_ctl', ['-D', replicaDir, '-l', path.join(root, 'replica.log'), '-o', `${serverOptions(replicaPort!)} -c hot_standby=on`, '-w', '-t', String(timeout / 1000), 'start']);
    started.push(replicaDir);
  } catch (error) {
    await stop();
    throw error;
  }

  const url = (port: number, database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryPort: primaryPort!,
    replicaPort: replicaPort!,
    primaryUrl: (database = 'postgres') => url(primaryPort!, database),
    replicaUrl: (database = 'postgres') => url(replicaPort!, database),
    stopReplica: () => stopCluster(replicaDir),
    stop,
  };
}
