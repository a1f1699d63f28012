export * from './prisma';
export * from './pg-pool';
export * from './vector-store';
export * from './migrate';
export { Prisma, EmbeddingStatus } from './generated/prisma/client';
export type { Job, Resume } from './generated/prisma/client';
export * from './repositories/job.repository';
export * from './repositories/resume.repository';
