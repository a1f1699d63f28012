-- jobmatch:no-transaction
-- HNSW indexes of the first registered model (key 1, 384-d; see the previous migration), built
-- CONCURRENTLY so writes keep flowing while they build. The migration runner runs this file one
-- statement at a time outside a transaction (the marker above), and retries it if a run was
-- interrupted: hence the DROP … IF EXISTS of an index a failed build may have left INVALID.
-- The definitions must stay identical to VectorStore.createModelIndexes (libs/db/src/vector-store.ts).
DROP INDEX CONCURRENTLY IF EXISTS "job_embeddings_m1_hnsw_idx";
CREATE INDEX CONCURRENTLY "job_embeddings_m1_hnsw_idx" ON "job_embeddings"
    USING hnsw ((("embedding")::halfvec(384)) halfvec_cosine_ops) WITH (m = 16, ef_construction = 64)
    WHERE "model_key" = 1;
DROP INDEX CONCURRENTLY IF EXISTS "resume_embeddings_m1_hnsw_idx";
CREATE INDEX CONCURRENTLY "resume_embeddings_m1_hnsw_idx" ON "resume_embeddings"
    USING hnsw ((("embedding")::halfvec(384)) halfvec_cosine_ops) WITH (m = 16, ef_construction = 64)
    WHERE "model_key" = 1;
