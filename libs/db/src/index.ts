// The Prisma client (./prisma) is left out: apps read and write through `pg` (repositories, VectorStore),
// and loading Prisma's runtime cost every service ≈ 1.6 MB of heap for nothing. The schema-drift
// test imports it directly.
export * from './pg-pool';
export * from './filters';
export * from './vector-store';
export * from './model-registry';
export * from './searched-model';
export * from './sql-statements';
export * from './migrate';
export { EmbeddingStatus } from './generated/prisma/enums';
export type { Prisma } from './generated/prisma/client';
export type { Job, Resume } from './generated/prisma/client';
export * from './repositories/job.repository';
export * from './repositories/resume.repository';
export * from './repositories/embeddable-text.repository';
export * from './repositories/pending-embeddings.repository';
export * from './lexical-rank';
