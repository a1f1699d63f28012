import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import { STORED_VECTOR_DIMENSION } from '@jobmatch/contracts';
import { createSkillGapApp } from '../src/app.factory';
import { loadAppConfig } from '../src/config';

export const MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real app (same factory as main.ts) on a fresh cloned database; listens on no port (supertest binds one). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadAppConfig({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '3', LOG_LEVEL: 'silent', MODEL_ID, ...env });
  let app: NestFastifyApplication;
  try {
    app = await createSkillGapApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    app,
    db,
    close: async () => {
      await app.close();
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
