import { createHash } from 'node:crypto';
import { redactContactDetails } from './personal-data';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The exact text embedded for a job posting; its hash decides whether a re-embed is needed. */
export function jobEmbeddingText(job: { title: string; description: string; requirements?: string | null }): string {
  return [job.title, job.description, job.requirements ?? '']
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The text embedded for a resume: its text without contact details (e-mail addresses, phone
 * numbers, street addresses), which carry no meaning for matching and must not leave the row.
 */
export function resumeEmbeddingText(text: string): string {
  return redactContactDetails(text);
}
