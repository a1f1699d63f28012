import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import type { DatabaseOptions } from './pg-pool';

export { PrismaClient };

/** Prisma 7 talks to Postgres through the `pg` driver adapter (no native query engine). */
export function createPrismaClient({ url, poolSize = 10 }: DatabaseOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  return new PrismaClient({ adapter });
}
