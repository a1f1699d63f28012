import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { authenticatedHttp, createTestApiKey, createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, uniqueRedisPrefix, type TestApiKey, type TestDatabase } from '@jobmatch/testing';
import { STORED_VECTOR_DIMENSION } from '@jobmatch/contracts';
import { createSkillGapApp } from '../src/app.factory';
import { loadAppConfig } from '../src/config';

export const MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** The suite's API key (admin, default tenant): what `http` sends. */
  apiKey: TestApiKey;
  /** supertest with the suite's API key on every request. */
  http: () => ReturnType<typeof authenticatedHttp>;
  close(): Promise<void>;
}

/** The real app (same factory as main.ts) on a fresh cloned database; listens on no port (supertest binds one). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const redisPrefix = uniqueRedisPrefix('skill-gap');
  const config = loadAppConfig({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '3', LOG_LEVEL: 'silent', MODEL_ID, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redisPrefix, ...env });
  let app: NestFastifyApplication;
  let apiKey: TestApiKey;
  try {
    app = await createSkillGapApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    apiKey = await createTestApiKey(db.url);
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    app,
    db,
    apiKey,
    http: () => authenticatedHttp(app.getHttpServer(), apiKey.token),
    close: async () => {
      await app.close();
      await deleteRedisKeys(redisPrefix);
      await db.drop();
    },
  };
}

/**
 * A unit vector whose cosine similarity with unitVector(0) is exactly `similarity`: it leans
 * from axis 0 towards its own axis, so the nearest-job order in tests is known in advance.
 */
export function vectorWithSimilarity(similarity: number, ownAxis: number): number[] {
  const vector = new Array<number>(STORED_VECTOR_DIMENSION).fill(0);
  vector[0] = similarity;
  vector[ownAxis] = Math.sqrt(1 - similarity * similarity);
  return vector;
}
