import type { LongTextStrategy } from '@jobmatch/config';

/**
 * What the embedder does with texts longer than the model's window (MiniLM: 256 tokens), chosen by
 * EMBED_LONG_TEXT. BENCHMARKS.md ("Match quality on the real model") compares them on the labelled
 * relevance set:
 * - truncate: the first window only (sentence-transformers' behaviour);
 * - windows: consecutive windows of at most the model's length, each embedded, then the mean of the
 *   window vectors weighted by their token counts (re-normalized);
 * - sections: the text's sections reordered before truncation: the opening lines, summary, skills,
 *   requirements and responsibilities first, then experience (latest roles first, as written), then
 *   the rest (education, company blurb, benefits...), so the window holds what says most about the job.
 */
export type { LongTextStrategy };

/** Most windows per text: bounds the cost of one text (preprocessing already caps it at MAX_RAW_TEXT_CHARS). */
export const MAX_WINDOWS_PER_TEXT = 16;

/** Content token ids cut into consecutive windows of at most `budget` ids (the last one may be shorter). */
export function contentWindows(ids: readonly number[], budget: number, maxWindows = MAX_WINDOWS_PER_TEXT): number[][] {
  if (budget <= 0) throw new Error('window budget must be positive');
  const windows: number[][] = [];
  for (let start = 0; start < ids.length && windows.length < maxWindows; start += budget) windows.push(ids.slice(start, start + budget));
  return windows.length > 0 ? windows : [[]];
}

/** Mean of vectors weighted by `weights` (token counts), L2-normalized; one vector is returned as it is. */
export function weightedMeanVector(vectors: readonly Float32Array[], weights: readonly number[]): Float32Array {
  if (vectors.length === 0 || vectors.length !== weights.length) throw new Error('one weight per vector is needed');
  if (vectors.length === 1) return vectors[0]!;
  const dimension = vectors[0]!.length;
  const sum = new Float64Array(dimension);
  vectors.forEach((vector, index) => {
    const weight = weights[index]!;
    for (let d = 0; d < dimension; d++) sum[d] += weight * vector[d]!;
  });
  let squares = 0;
  for (let d = 0; d < dimension; d++) squares += sum[d]! * sum[d]!;
  const scale = 1 / Math.max(Math.sqrt(squares), 1e-12);
  const out = new Float32Array(dimension);
  for (let d = 0; d < dimension; d++) out[d] = sum[d]! * scale;
  return out;
}

/** Section kinds, in the order sectionAwareText puts them. */
type SectionKind = 'core' | 'experience' | 'other';

/** Headings whose sections describe the person or the job best (summary, skills, requirements...). */
const CORE_HEADING =
  /^(?:(?:professional |career |executive )?summary|profile|about me|objective|(?:core |key |technical |clinical )?(?:skills|competencies)|areas of expertise|expertise|licen[cs]es?(?: and certifications)?|certifications?(?: and (?:training|licen[cs]es))?|credentials|requirements|(?:minimum |preferred )?qualifications|responsibilities|duties|(?:day-to-day |key )?duties(?: include)?|what you(?:'|’)?ll do|what you will do|in this role you will|the role|about the role|about you|who you are|what we(?:'|’)?re looking for|what we are looking for|you bring|must have|nice to have|required|preferred)$/;
/** Headings of work history: kept after the core, in their written order (latest role first on most resumes). */
const EXPERIENCE_HEADING =
  /^(?:(?:professional |work |relevant |teaching |industry |clinical )?experience|work history|employment(?: history)?|career history|professional background)$/;
/** Any other short heading line: starts a section that goes last (education, about us, benefits, references...). */
const OTHER_HEADING =
  /^(?:education(?: and training)?|training|projects|publications|talks and writing|professional activities|interests|hobbies|references|volunteer(?:ing| work)?|awards|about us|who we are|why [\w &]+|what we offer|benefits|perks|compensation|salary|how to apply|equal opportunity(?: employer)?)$/;

/** The heading kind of a line, or null when the line is content. */
function headingKind(line: string): SectionKind | null {
  const cleaned = line.replace(/^[#*\s]+|[*:\s]+$/g, '').toLowerCase();
  if (cleaned.length === 0 || cleaned.length > 60) return null;
  if (CORE_HEADING.test(cleaned)) return 'core';
  if (EXPERIENCE_HEADING.test(cleaned)) return 'experience';
  if (OTHER_HEADING.test(cleaned)) return 'other';
  return null;
}

/**
 * A heading may also open its line ("Skills: Python, SQL"): the label decides the kind, and the rest
 * of the line is the section's first content.
 */
function inlineHeading(line: string): SectionKind | null {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 40) return null;
  return headingKind(line.slice(0, colon));
}

/**
 * The text with its sections reordered for a window that only holds the start: the lines before the
 * first heading (title, headline), then core sections, then experience, then everything else. Lines
 * keep their order within a kind. A text without recognised headings comes back unchanged.
 */
export function sectionAwareText(text: string): string {
  const parts: Record<SectionKind | 'opening', string[]> = { opening: [], core: [], experience: [], other: [] };
  let current: SectionKind | 'opening' = 'opening';
  let headings = 0;
  for (const line of text.split(/\r?\n/)) {
    const kind = headingKind(line) ?? inlineHeading(line);
    if (kind) {
      current = kind;
      headings++;
    }
    parts[current].push(line);
  }
  if (headings === 0) return text;
  return [...parts.opening, ...parts.core, ...parts.experience, ...parts.other].join('\n');
}
