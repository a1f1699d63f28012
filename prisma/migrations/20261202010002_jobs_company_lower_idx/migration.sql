-- jobmatch:no-transaction
-- The shared company filter compares lower(company) (libs/db/src/filters.ts), which jobs_company_idx
-- (on company) cannot serve. Without this index a selective company filter left the planner one
-- plan: walk the HNSW index until enough rows pass the filter — at 100 000 jobs a company holding
-- 0.25 % of them made the iterative scan read ≈ 12 000 candidates (≈ 0.95 s on the loaded host,
-- BENCHMARKS.md "Vector storage keyed by model"). With it, the planner reads that company's rows
-- and sorts them by exact distance instead when that is cheaper. Built CONCURRENTLY (writes go on).
DROP INDEX CONCURRENTLY IF EXISTS "jobs_company_lower_idx";
CREATE INDEX CONCURRENTLY "jobs_company_lower_idx" ON "jobs" (lower("company"));
