import { createHash } from 'node:crypto';
import { extractSkills } from '../src';
import type { ExtractedSkill } from '../src';
import { buildCorpus } from './extractor-corpus';

/**
 * Extraction output pinned on a fixed corpus (snapshot taken with the Map-based Aho–Corasick
 * extractor before it was flattened into a dense DFA): any change to the extractor's internals must
 * leave every skill, requirement and evidence span identical. When an intended behaviour change
 * (or a taxonomy edit) moves these, review the diff and refresh with `npx jest -u test/extractor-equivalence.spec.ts`.
 */

/** One line per skill: name|category|requirement|evidence spans (start-end:text). */
function compact(skills: ExtractedSkill[]): string[] {
  return skills.map(
    (s) =>
      `${s.name}|${s.category}|${s.requirement}|${s.evidence.map((e) => `${e.start}-${e.end}:${e.text}`).join(',')}`,
  );
}

describe('extractSkills output is unchanged on a fixed corpus', () => {
  const { documents, generated } = buildCorpus();

  it('evaluation texts and the benchmark posting', () => {
    const outputs = Object.fromEntries(documents.map((d) => [d.id, compact(extractSkills(d.text))]));
    expect(outputs).toMatchSnapshot();
  });

  it('generated mixes and word salad (digest per 50 texts)', () => {
    expect(generated.length).toBe(600);
    const digests: Record<string, string> = {};
    let found = 0;
    for (let i = 0; i < generated.length; i += 50) {
      const hash = createHash('sha256');
      for (const doc of generated.slice(i, i + 50)) {
        const skills = extractSkills(doc.text);
        found += skills.length;
        hash.update(`${doc.id}\n${compact(skills).join('\n')}\n`);
      }
      digests[`${generated[i]!.id}..`] = hash.digest('hex').slice(0, 32);
    }
    expect(found).toBeGreaterThan(3000); // the corpus does exercise the extractor
    expect(digests).toMatchSnapshot();
  });
});
