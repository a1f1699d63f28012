-- Tenants and API keys (#14). Every job and resume belongs to one tenant; rows that existed before
-- tenants go to the default tenant (a fixed id, also what the local-development switch
-- AUTH_DISABLED acts as). Keys are stored as the SHA-256 of the token only: the token is shown once.
CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenants_name_key" ON "tenants"("name");
INSERT INTO "tenants" ("id", "name") VALUES ('00000000-0000-0000-0000-000000000001', 'default');

CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    -- The token's first characters (`jm_` + 8), shown in listings so a person can tell keys apart.
    "token_prefix" TEXT NOT NULL,
    -- Hex SHA-256 of the whole token; the token itself is never stored.
    "key_hash" TEXT NOT NULL,
    "scopes" TEXT[] NOT NULL,
    -- Requests per minute for this key; NULL: the service's RATE_LIMIT_PER_MINUTE.
    "rate_limit_per_minute" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");
CREATE INDEX "api_keys_tenant_id_idx" ON "api_keys"("tenant_id");

-- The default keeps writers that predate tenants (imports, scripts) inside the default tenant.
ALTER TABLE "jobs" ADD COLUMN "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';
ALTER TABLE "resumes" ADD COLUMN "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "resumes" ADD CONSTRAINT "resumes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- No B-tree leads with tenant_id, on purpose: given one, Postgres would read a whole tenant through
-- it and sort by distance (an exact search) instead of walking the HNSW index with the tenant as a
-- filter. Lists per tenant walk created_at_idx and filter (BENCHMARKS.md, "Authentication and tenants").
