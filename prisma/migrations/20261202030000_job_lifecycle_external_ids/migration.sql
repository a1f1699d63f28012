-- Issue #13: rows upserted by the caller's own id (imports, ATS syncs), job postings that close or
-- expire, and the Idempotency-Key store of the HTTP API's POSTs.
--
-- external_id: the id the row has in the caller's system; unique where set (NULLs are distinct, so
-- rows without one are unconstrained). ADD COLUMN without a volatile default rewrites nothing.
ALTER TABLE "jobs" ADD COLUMN "external_id" TEXT;
ALTER TABLE "resumes" ADD COLUMN "external_id" TEXT;
CREATE UNIQUE INDEX "jobs_external_id_key" ON "jobs"("external_id");
CREATE UNIQUE INDEX "resumes_external_id_key" ON "resumes"("external_id");

-- A job is open until closed; expires_at (optional) ends it without anyone closing it. Neither a
-- closed nor an expired job is ever recommended or searched by default (libs/db/src/filters.ts).
ALTER TABLE "jobs" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'open';
ALTER TABLE "jobs" ADD COLUMN "expires_at" TIMESTAMPTZ(3);
-- NOT VALID, then VALIDATE: the check of existing rows takes no lock that blocks writes.
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_status_check" CHECK ("status" IN ('open', 'closed')) NOT VALID;
ALTER TABLE "jobs" VALIDATE CONSTRAINT "jobs_status_check";

-- Idempotency-Key (README, "Retries and idempotency"): the first response of a POST, replayed to a
-- retry with the same key, method and path; request_hash tells a retry from a different request
-- that reuses the key. A row without a response is a request still in flight.
CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key")
);
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");
