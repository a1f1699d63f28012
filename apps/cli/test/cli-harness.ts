import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { EMBEDDING_QUEUE } from '@jobmatch/contracts';
import {
  createTestDatabase,
  deleteRedisKeys,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@jobmatch/testing';
import { runCli, type CliResult } from './run-cli';

/** A database and a Redis prefix of the test's own, and the built CLI run against them. */
export interface CliHarness {
  db: TestDatabase;
  redisPrefix: string;
  env: Record<string, string>;
  queue: Queue;
  cli(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** A command's `--json` summary (its last stdout line). */
  cliJson<T = Record<string, unknown>>(
    args: string[],
    env?: Record<string, string>,
  ): Promise<{ result: CliResult; summary: T }>;
  sql<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  const db = await createTestDatabase();
  const redisPrefix = uniqueRedisPrefix('cli');
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DATABASE_POOL_SIZE: '4',
  };
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(EMBEDDING_QUEUE, { connection, prefix: redisPrefix });
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runCli(args, { env: { ...env, ...extra }, timeoutMs: 170_000 });
  return {
    db,
    redisPrefix,
    env,
    queue,
    cli,
    cliJson: async <T>(args: string[], extra: Record<string, string> = {}) => {
      const result = await cli([...args, '--json'], extra);
      const last = result.stdout.trim().split('\n').pop() ?? '';
      let summary: T;
      try {
        summary = JSON.parse(last) as T;
      } catch {
        throw new Error(`no JSON summary (exit ${result.status}):\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
      }
      return { result, summary };
    },
    sql: async <T extends object>(text: string, params: unknown[] = []) => (await pg.query(text, params)).rows as T[],
    close: async () => {
      await queue.close();
      connection.disconnect();
      await pg.end();
      await deleteRedisKeys(redisPrefix);
      await db.drop();
    },
  };
}
