-- External ids are the caller's ids, so they are unique within a tenant, not across tenants: two
-- tenants importing "job-1" each get their own row, and an upsert never touches another tenant's row.
-- Partial (rows that have one): an index that also covers tenant_id for every row lets the planner
-- read a whole tenant through it and sort by distance instead of walking the HNSW index (libs/db
-- vector-layout test). Upserts name the predicate: ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL.
DROP INDEX "jobs_external_id_key";
DROP INDEX "resumes_external_id_key";
CREATE UNIQUE INDEX "jobs_external_id_tenant_id_key" ON "jobs"("external_id", "tenant_id") WHERE "external_id" IS NOT NULL;
CREATE UNIQUE INDEX "resumes_external_id_tenant_id_key" ON "resumes"("external_id", "tenant_id") WHERE "external_id" IS NOT NULL;
