import type { Pool } from 'pg';

/**
 * Postgres full-text ranking of job postings against the terms of a resume: the resume's lexemes
 * (to_tsvector('english'), so stemmed and without stop words) OR-ed into one tsquery, ranked against
 * each posting's title, description and requirements. Measured as a candidate match factor in
 * `pnpm bench:quality` (BENCHMARKS.md, "Match quality on the real model").
 */
export type LexicalRankFunction = 'ts_rank' | 'ts_rank_cd';

/** Fixed SQL per rank function (never built from caller input); $3 is the normalization bit mask. */
const lexicalRankSql = (rank: LexicalRankFunction) => `
  WITH resume_terms AS (
    SELECT array_to_string(ARRAY(SELECT quote_literal(lexeme) FROM unnest(tsvector_to_array(to_tsvector('english', text))) AS lexeme), ' | ') AS terms
      FROM resumes WHERE id = $1
  )
  SELECT jobs.id, CASE WHEN resume_terms.terms = '' THEN 0
                       ELSE ${rank}(to_tsvector('english', jobs.title || ' ' || jobs.description || ' ' || jobs.requirements), resume_terms.terms::tsquery, $3::int)
                  END::float8 AS rank
    FROM jobs, resume_terms
   WHERE jobs.id = ANY($2::uuid[])`;
const LEXICAL_RANK_SQL: Record<LexicalRankFunction, string> = { ts_rank: lexicalRankSql('ts_rank'), ts_rank_cd: lexicalRankSql('ts_rank_cd') };

export interface LexicalRankOptions {
  rank: LexicalRankFunction;
  /** Postgres's normalization bit mask (1: divide by 1 + log(length), 32: rank / (rank + 1), ...). */
  normalization: number;
}

export class LexicalRanker {
  constructor(private readonly pool: Pool) {}

  /** Rank of each given job against the resume's terms (jobs that do not exist are left out). */
  async rankJobsForResume(resumeId: string, jobIds: string[], options: LexicalRankOptions): Promise<Map<string, number>> {
    const normalization = Math.max(0, Math.min(63, Math.floor(options.normalization)));
    const { rows } = await this.pool.query<{ id: string; rank: number }>(LEXICAL_RANK_SQL[options.rank], [resumeId, jobIds, normalization]);
    return new Map(rows.map((row) => [row.id, row.rank]));
  }
}
