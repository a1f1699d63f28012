-- jobmatch:no-transaction
-- The pending sweeper (apps/matcher/src/queue/pending-embeddings.sweeper.ts) walks PENDING rows in
-- (updated_at, id) keyset pages (PendingEmbeddingsRepository.findStalePage). Partial indexes keep
-- each page an index range scan however large the table is: only PENDING rows are in them, so
-- they stay small once the backlog is embedded. Built CONCURRENTLY (writes keep flowing); the
-- DROP … IF EXISTS clears an INVALID index a failed earlier run may have left. Prisma's schema
-- cannot express partial indexes (schema.prisma names them in a comment).
DROP INDEX CONCURRENTLY IF EXISTS "jobs_pending_sweep_idx";
CREATE INDEX CONCURRENTLY "jobs_pending_sweep_idx" ON "jobs" ("updated_at", "id") WHERE "embedding_status" = 'PENDING';
DROP INDEX CONCURRENTLY IF EXISTS "resumes_pending_sweep_idx";
CREATE INDEX CONCURRENTLY "resumes_pending_sweep_idx" ON "resumes" ("updated_at", "id") WHERE "embedding_status" = 'PENDING';
