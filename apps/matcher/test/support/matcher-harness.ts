import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { EMBEDDING_QUEUE, type EmbeddableEntity } from '@jobmatch/contracts';
import { VectorStore } from '@jobmatch/db';
import {
  authenticatedHttp,
  createTestApiKey,
  createTestDatabase,
  deleteRedisKeys,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestApiKey,
  type TestApiKeyOptions,
  type TestDatabase,
} from '@jobmatch/testing';
import { Client } from 'pg';
import { createMatcherApp } from '../../src/bootstrap';
import { loadAppConfig, type AppConfig } from '../../src/config';

export const MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';

export interface MatcherHarness {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  redisPrefix: string;
  /** The suite's API key (admin, default tenant): what `http` sends. */
  apiKey: TestApiKey;
  /** supertest with the suite's API key on every request. */
  http: () => ReturnType<typeof authenticatedHttp>;
  /** supertest without any key. */
  anonymous: () => ReturnType<typeof request>;
  /** supertest as another key (another tenant, fewer scopes), created through the key service. */
  as: (options: TestApiKeyOptions) => Promise<{ key: TestApiKey; http: () => ReturnType<typeof authenticatedHttp> }>;
  queue: Queue;
  redis: Redis;
  /** Direct SQL for test setup/inspection (the test's own connection). */
  sql<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Stores a vector for a row as the embedder worker would (through the shared VectorStore). */
  embed(entity: EmbeddableEntity, id: string, vector: number[]): Promise<void>;
  close(): Promise<void>;
}

export interface MatcherHarnessOptions {
  /** Redis of the app and of the harness's queue (default TEST_REDIS_URL). */
  redisUrl?: string;
  /** The app's DATABASE_URL for the test database (e.g. through a proxy); the harness's own SQL connects directly. */
  databaseUrl?: (db: TestDatabase) => string;
}

/** The matcher app in-process (as main.ts builds it) on its own database and Redis prefix. */
export async function startMatcher(env: Record<string, string> = {}, options: MatcherHarnessOptions = {}): Promise<MatcherHarness> {
  const db = await createTestDatabase();
  const redisPrefix = uniqueRedisPrefix('matcher');
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const config = loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: options.databaseUrl?.(db) ?? db.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    EMBEDDER_TIMEOUT_MS: '2000',
    BREAKER_RESET_MS: '1500',
    ...env,
  });
  const app = await createMatcherApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const apiKey = await createTestApiKey(db.url);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const redis = new Redis(redisUrl);
  redis.on('error', () => undefined); // a test may kill its own Redis
  const queueConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  queueConnection.on('error', () => undefined);
  const queue = new Queue(EMBEDDING_QUEUE, { connection: queueConnection, prefix: redisPrefix });
  queue.on('error', () => undefined);
  const vectors = app.get(VectorStore);
  return {
    app,
    config,
    db,
    redisPrefix,
    queue,
    redis,
    apiKey,
    http: () => authenticatedHttp(app.getHttpServer(), apiKey.token),
    anonymous: () => request(app.getHttpServer()),
    as: async (options) => {
      const key = await createTestApiKey(db.url, options);
      return { key, http: () => authenticatedHttp(app.getHttpServer(), key.token) };
    },
    sql: async <T extends object>(text: string, params: unknown[] = []) => (await pg.query(text, params)).rows as T[],
    embed: async (entity, id, vector) => {
      const table = entity === 'job' ? 'jobs' : 'resumes';
      const { rows } = await pg.query(`SELECT content_hash FROM ${table} WHERE id = $1`, [id]);
      const stored = await vectors.writeEmbedding(entity, id, unitVector(vector), MODEL_ID, rows[0].content_hash);
      if (!stored) throw new Error(`could not store a vector for ${entity} ${id}`);
    },
    close: async () => {
      await app.close();
      await queue.close();
      queueConnection.disconnect();
      redis.disconnect();
      await pg.end();
      await deleteRedisKeys(redisPrefix, redisUrl);
      await db.drop();
    },
  };
}

/** A 384-d unit vector from a few leading components (the rest zero). */
export function unitVector(head: number[]): number[] {
  const vector = Array.from({ length: 384 }, (_, i) => head[i] ?? 0);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
