import { getSkillTaxonomy } from '../src';
import { evaluate, loadEvalSet } from './eval/evaluate';

// Labelled by hand as a reader would list skills; see test/eval/*.json. Figures go to BENCHMARKS.md.
describe('evaluation set', () => {
  const postings = loadEvalSet('postings');
  const resumes = loadEvalSet('resumes');

  it('is large enough and labelled with known canonical names', () => {
    expect(postings.length).toBeGreaterThanOrEqual(40);
    expect(resumes.length).toBeGreaterThanOrEqual(20);
    expect(new Set([...postings, ...resumes].map((d) => d.field)).size).toBeGreaterThanOrEqual(25);
    const taxonomy = getSkillTaxonomy();
    const unknown = [...postings, ...resumes].flatMap((d) => d.skills.filter((s) => taxonomy.get(s)?.name !== s));
    expect(unknown).toEqual([]);
  });

  it('reaches precision >= 0.90 and recall >= 0.85 (micro-averaged)', () => {
    const result = evaluate([...postings, ...resumes]);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('tells nice-to-have from required for most labelled posting skills', () => {
    expect(evaluate(postings).requirementAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});
