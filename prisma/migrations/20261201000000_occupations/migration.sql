-- O*NET-SOC occupation of a posting's or resume's title (libs/skills, onet/occupations.ts), set when
-- an O*NET release is imported (ONET_DATA_FILE); NULL when unknown. Filterable, hence indexed.
ALTER TABLE "jobs" ADD COLUMN "occupation_code" TEXT;
ALTER TABLE "jobs" ADD COLUMN "occupation_title" TEXT;
ALTER TABLE "resumes" ADD COLUMN "occupation_code" TEXT;
ALTER TABLE "resumes" ADD COLUMN "occupation_title" TEXT;

-- CreateIndex
CREATE INDEX "jobs_occupation_code_idx" ON "jobs"("occupation_code");

-- CreateIndex
CREATE INDEX "resumes_occupation_code_idx" ON "resumes"("occupation_code");
