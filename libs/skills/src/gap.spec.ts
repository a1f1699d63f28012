import { prng } from '../test/prng';
import { buildSkillGraph, computeSkillGap, jobSkillsFromExtraction, jobSkillsFromStored, prepareOwnedSkills, storedJobSkillCoverage } from './gap';

// A hand-made graph, so these tests pin the gap rules independently of the shipped taxonomy.
const graph = buildSkillGraph([
  { name: 'Python', parents: [], related: [] },
  { name: 'Django', parents: ['Python'], related: ['Flask'] },
  { name: 'Flask', parents: ['Python'], related: [] },
  { name: 'FastAPI', parents: ['Python'], related: [] },
  { name: 'JavaScript', parents: [], related: ['TypeScript'] },
  { name: 'TypeScript', parents: ['JavaScript'], related: [] },
  { name: 'React', parents: ['JavaScript'], related: ['Vue.js'] },
  { name: 'Next.js', parents: ['React'], related: [] },
  { name: 'Vue.js', parents: ['JavaScript'], related: [] },
  { name: 'Kubernetes', parents: [], related: ['Docker'] },
  { name: 'Docker', parents: [], related: [] },
]);

describe('buildSkillGraph', () => {
  it('indexes parents, children and symmetric relations case-insensitively', () => {
    expect(graph.parentsOf('django')).toEqual(['Python']);
    expect(graph.childrenOf('PYTHON')).toEqual(['Django', 'Flask', 'FastAPI']);
    expect(graph.relatedOf('Docker')).toEqual(['Kubernetes']);
    expect(graph.relatedOf('Kubernetes')).toEqual(['Docker']);
    expect(graph.relatedOf('unknown skill')).toEqual([]);
  });
});

describe('computeSkillGap', () => {
  it('splits matched, missing required and missing nice-to-have, comparing names case-insensitively', () => {
    const gap = computeSkillGap(['python', 'Docker'], { required: ['Python', 'Kubernetes'], niceToHave: ['Docker', 'Terraform'] }, { graph });
    expect(gap.matched).toEqual([
      { name: 'Python', requirement: 'required', via: null },
      { name: 'Docker', requirement: 'nice-to-have', via: null },
    ]);
    expect(gap.missingRequired).toEqual([{ name: 'Kubernetes', requirement: 'required', relatedOwned: ['Docker'] }]);
    expect(gap.missingNiceToHave).toEqual([{ name: 'Terraform', requirement: 'nice-to-have', relatedOwned: [] }]);
  });

  it('gives the same answer for skills prepared once with prepareOwnedSkills', () => {
    const owned = prepareOwnedSkills(['python', 'Docker', 'Next.js'], graph);
    for (const job of [
      { required: ['Python', 'Kubernetes'], niceToHave: ['Docker', 'Terraform'] },
      { required: ['JavaScript', 'React'], niceToHave: [] },
    ]) {
      expect(computeSkillGap(owned, job)).toEqual(computeSkillGap(['python', 'Docker', 'Next.js'], job, { graph }));
    }
  });

  it('weights required skills twice as much as nice-to-have ones in coverage', () => {
    // 1 of 2 required (weight 2) + 1 of 2 nice-to-have (weight 1): (2 + 1) / (4 + 2) = 0.5
    const gap = computeSkillGap(['Python', 'Docker'], { required: ['Python', 'Kubernetes'], niceToHave: ['Docker', 'Terraform'] });
    expect(gap.coverage).toBeCloseTo(0.5);
    expect(gap.requiredCoverage).toBeCloseTo(0.5);
    expect(gap.niceToHaveCoverage).toBeCloseTo(0.5);

    // All required, no nice-to-have: (2·2) / (2·2 + 2) = 2/3
    const requiredOnly = computeSkillGap(['Python', 'Kubernetes'], { required: ['Python', 'Kubernetes'], niceToHave: ['Docker', 'Terraform'] });
    expect(requiredOnly.coverage).toBeCloseTo(2 / 3);
  });

  it('reports null coverage when the job lists no skills of a kind', () => {
    const empty = computeSkillGap(['Python'], { required: [], niceToHave: [] });
    expect(empty).toMatchObject({ coverage: null, requiredCoverage: null, niceToHaveCoverage: null, matched: [] });
    const noNice = computeSkillGap([], { required: ['Python'], niceToHave: [] });
    expect(noNice).toMatchObject({ coverage: 0, requiredCoverage: 0, niceToHaveCoverage: null });
  });

  it('counts a broader skill as matched when a more specific owned skill implies it, naming the owned skill', () => {
    const gap = computeSkillGap(['Next.js'], { required: ['JavaScript', 'React'], niceToHave: [] }, { graph });
    expect(gap.matched).toEqual([
      { name: 'JavaScript', requirement: 'required', via: 'Next.js' },
      { name: 'React', requirement: 'required', via: 'Next.js' },
    ]);
    expect(gap.coverage).toBe(1);
  });

  it('does not treat a broad skill as implying a specific one', () => {
    const gap = computeSkillGap(['Python'], { required: ['Django'], niceToHave: [] }, { graph });
    expect(gap.matched).toEqual([]);
    // Python is the parent of Django: the shorter path to learn it.
    expect(gap.missingRequired).toEqual([{ name: 'Django', requirement: 'required', relatedOwned: ['Python'] }]);
  });

  it('lists related owned skills closest first: related, then parents, then siblings', () => {
    const gap = computeSkillGap(['FastAPI', 'Python', 'Flask'], { required: ['Django'], niceToHave: [] }, { graph });
    expect(gap.missingRequired[0]!.relatedOwned).toEqual(['Flask', 'Python', 'FastAPI']);
    const capped = computeSkillGap(['FastAPI', 'Python', 'Flask'], { required: ['Django'], niceToHave: [] }, { graph, maxRelatedOwned: 1 });
    expect(capped.missingRequired[0]!.relatedOwned).toEqual(['Flask']);
  });

  it('counts a skill listed as both required and nice-to-have once, as required, and ignores duplicates', () => {
    const gap = computeSkillGap([], { required: ['Docker', 'docker'], niceToHave: ['DOCKER', 'Terraform'] });
    expect(gap.missingRequired.map((skill) => skill.name)).toEqual(['Docker']);
    expect(gap.missingNiceToHave.map((skill) => skill.name)).toEqual(['Terraform']);
    expect(gap.coverage).toBe(0);
  });

  it('works without a graph: exact names only, no related skills', () => {
    const gap = computeSkillGap(['Django'], { required: ['Python', 'Flask'], niceToHave: [] });
    expect(gap.matched).toEqual([]);
    expect(gap.missingRequired.every((skill) => skill.relatedOwned.length === 0)).toBe(true);
  });
});

describe('job skill sets', () => {
  it('treats stored skills that are not nice-to-have as required', () => {
    expect(jobSkillsFromStored({ skills: ['Python', 'SQL', 'Docker'], requiredSkills: ['Python'], niceToHaveSkills: ['Docker'] })).toEqual({
      required: ['Python', 'SQL'],
      niceToHave: ['Docker'],
    });
  });

  it('treats extracted skills without a qualifier as required', () => {
    expect(
      jobSkillsFromExtraction([
        { name: 'Python', requirement: 'unspecified' },
        { name: 'Go', requirement: 'required' },
        { name: 'Rust', requirement: 'nice-to-have' },
      ]),
    ).toEqual({ required: ['Python', 'Go'], niceToHave: ['Rust'] });
  });
});

describe('storedJobSkillCoverage', () => {
  /** A job skill set as the stored columns hold it (no extra listed skills). */
  const stored = (job: { required: string[]; niceToHave: string[] }) => ({ requiredSkills: job.required, niceToHaveSkills: job.niceToHave });

  it('gives exactly the coverage figures of computeSkillGap (implied, duplicated, both-kinds and empty cases)', () => {
    const owned = prepareOwnedSkills(['django', 'Docker', 'Next.js'], graph);
    const jobs = [
      { required: ['Python', 'Kubernetes', 'python'], niceToHave: ['Docker', 'Terraform', 'Kubernetes'] },
      { required: ['JavaScript', 'React'], niceToHave: [] },
      { required: [], niceToHave: ['Flask'] },
      { required: [], niceToHave: [] },
    ];
    for (const job of jobs) {
      const { coverage, requiredCoverage, niceToHaveCoverage } = computeSkillGap(owned, job);
      expect(storedJobSkillCoverage(owned, stored(job))).toEqual({ coverage, requiredCoverage, niceToHaveCoverage });
    }
    // Python implied by Django, Kubernetes missing; Docker matched, Terraform missing (Kubernetes counts as required only).
    expect(storedJobSkillCoverage(owned, stored(jobs[0]!))).toEqual({ coverage: (2 * 1 + 1) / (2 * 2 + 2), requiredCoverage: 0.5, niceToHaveCoverage: 0.5 });
  });

  it('equals the coverage of computeSkillGap(jobSkillsFromStored) on 2 000 generated jobs (duplicates, spellings, both kinds, blanks)', () => {
    const random = prng(20261121);
    const vocabulary = ['Python', 'python', ' Python ', 'Django', 'Flask', 'Docker', 'DOCKER', 'Kubernetes', 'Terraform', 'React', 'Go', '', '  '];
    const pick = (max: number) => Array.from({ length: Math.floor(random() * (max + 1)) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    let nonTrivial = 0;
    for (let n = 0; n < 2000; n++) {
      const owned = prepareOwnedSkills(pick(4), n % 2 === 0 ? graph : undefined);
      const job = { skills: n % 7 === 0 ? undefined : pick(6), requiredSkills: pick(4), niceToHaveSkills: pick(3) };
      const { coverage, requiredCoverage, niceToHaveCoverage } = computeSkillGap(owned, jobSkillsFromStored(job));
      const expected = { coverage, requiredCoverage, niceToHaveCoverage };
      expect(storedJobSkillCoverage(owned, job)).toEqual(expected);
      if (expected.coverage !== null && expected.coverage > 0 && expected.coverage < 1) nonTrivial++;
    }
    // The generator reaches partial coverage often, not only the empty and full cases.
    expect(nonTrivial).toBeGreaterThan(300);
  });
});
