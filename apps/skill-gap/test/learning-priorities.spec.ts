import { buildSkillGraph } from '@jobmatch/skills';
import { aggregateSkillGaps, type ScoredJob } from '../src/skill-gap/learning-priorities';

const graph = buildSkillGraph([
  { name: 'Kubernetes', parents: [], related: ['Docker'] },
  { name: 'Docker', parents: [], related: [] },
  { name: 'Django', parents: ['Python'], related: [] },
  { name: 'Python', parents: [], related: [] },
]);

const job = (id: string, matchScore: number, required: string[], niceToHave: string[] = []): ScoredJob => ({
  id,
  title: `Job ${id}`,
  company: 'Acme',
  matchScore,
  skills: { required, niceToHave },
  occupation: null,
});

describe('aggregateSkillGaps', () => {
  it("orders each job's missing skills by its occupation's demand and breaks priority ties with it", () => {
    const nurse = { code: '29-1141.00', title: 'Registered Nurses' };
    const demand: Record<string, number> = { Epic: 0.9, BLS: 0.4, Excel: 0.1 };
    const jobs: ScoredJob[] = [
      { ...job('a', 0.9, ['Excel', 'BLS', 'Epic']), occupation: nurse },
      { ...job('b', 0.5, ['Go']), occupation: null },
    ];
    const result = aggregateSkillGaps([], jobs, graph, (code) => (code === nurse.code ? (skill) => demand[skill] ?? 0 : null));
    expect(result.jobs[0]).toMatchObject({ occupation: nurse, missingRequired: ['Epic', 'BLS', 'Excel'] });
    expect(result.jobs[1]!.occupation).toBeUndefined();
    // Epic, BLS and Excel are missing from the same job: equal priority, so the occupation's demand decides.
    expect(result.learningPriorities.map((p) => [p.skill, p.occupationDemand])).toEqual([
      ['Epic', 0.9],
      ['BLS', 0.4],
      ['Excel', 0.1],
      ['Go', undefined],
    ]);
    // Without demand data the job's own order stays.
    expect(aggregateSkillGaps([], jobs, graph).jobs[0]!.missingRequired).toEqual(['Excel', 'BLS', 'Epic']);
  });

  it('ranks missing skills by match-weighted demand, required counting double a nice-to-have', () => {
    const result = aggregateSkillGaps(
      ['Python', 'Docker'],
      [
        job('a', 0.9, ['Python', 'Kubernetes'], ['Terraform']),
        job('b', 0.8, ['Kubernetes', 'Go']),
        job('c', 0.5, ['Terraform'], ['Go']),
      ],
      graph,
    );
    // total weight 2.2; Kubernetes: 0.9 + 0.8 = 1.7; Terraform: 0.45 + 0.5 = 0.95; Go: 0.8 + 0.25 = 1.05
    expect(result.learningPriorities.map((p) => [p.skill, p.demand, p.requiredBy, p.preferredBy])).toEqual([
      ['Kubernetes', 1.7, 2, 0],
      ['Go', 1.05, 1, 1],
      ['Terraform', 0.95, 1, 1],
    ]);
    expect(result.learningPriorities[0]).toMatchObject({ rank: 1, priority: Number((1.7 / 2.2).toFixed(4)), relatedOwned: ['Docker'], jobIds: ['a', 'b'] });
    expect(result.learningPriorities.map((p) => p.rank)).toEqual([1, 2, 3]);
  });

  it('lists each job with its score and coverage, best first, and averages coverage', () => {
    const result = aggregateSkillGaps(['Python'], [job('a', 0.9, ['Python']), job('b', 0.7, ['Python', 'Go'])]);
    expect(result.jobs).toEqual([
      { id: 'a', title: 'Job a', company: 'Acme', matchScore: 0.9, coveragePercent: 100, missingRequired: [], missingNiceToHave: [] },
      { id: 'b', title: 'Job b', company: 'Acme', matchScore: 0.7, coveragePercent: 50, missingRequired: ['Go'], missingNiceToHave: [] },
    ]);
    expect(result.averageCoveragePercent).toBe(75);
  });

  it('counts skills implied by the person\'s more specific skills as covered', () => {
    const result = aggregateSkillGaps(['Django'], [job('a', 0.9, ['Python', 'Go'])], graph);
    expect(result.learningPriorities.map((p) => p.skill)).toEqual(['Go']);
  });

  it('ignores jobs that list no skills for demand and average, but still lists them', () => {
    const result = aggregateSkillGaps([], [job('a', 0.9, []), job('b', 0.5, ['Go'])]);
    expect(result.jobs.map((j) => j.coveragePercent)).toEqual([null, 0]);
    expect(result.learningPriorities).toEqual([expect.objectContaining({ skill: 'Go', priority: 1, requiredBy: 1 })]);
    expect(result.averageCoveragePercent).toBe(0);
  });

  it('breaks equal priority by required count, then by having a related skill already, then by name', () => {
    const result = aggregateSkillGaps(['Docker'], [job('a', 0.6, ['Zig', 'Kubernetes', 'Ada'])], graph);
    expect(result.learningPriorities.map((p) => p.skill)).toEqual(['Kubernetes', 'Ada', 'Zig']);
  });

  it('returns empty results for no jobs and zero priority when every match score is 0', () => {
    expect(aggregateSkillGaps(['Python'], [])).toEqual({ jobs: [], learningPriorities: [], averageCoveragePercent: null });
    const zero = aggregateSkillGaps([], [job('a', 0, ['Go'])]);
    expect(zero.learningPriorities[0]).toMatchObject({ skill: 'Go', priority: 0, requiredBy: 1 });
  });
});
