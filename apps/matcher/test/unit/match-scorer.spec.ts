import { MatchScorer, locationFit, seniorityFit, type ScorableJob } from '../../src/matching/match-scorer';
import { SkillsProvider } from '../../src/skills/skills.provider';
import type { ResumeProfile } from '../../src/resumes/resume-profile';

// A model without a fitted calibration: the semantic factor is the cosine itself (calibration: semantic-calibration.spec.ts).
const UNCALIBRATED_MODEL = 'test/uncalibrated-model';
const DEFAULT_WEIGHTS = { MODEL_ID: UNCALIBRATED_MODEL, MATCH_WEIGHT_SEMANTIC: 0.6, MATCH_WEIGHT_SKILLS: 0.3, MATCH_WEIGHT_OTHER: 0.1 };
const noProfile: ResumeProfile = { headline: null, seniority: null, yearsOfExperience: null, location: null };

function job(overrides: Partial<ScorableJob> = {}): ScorableJob {
  return {
    title: 'Backend Engineer',
    description: 'We build APIs.',
    requirements: 'Required: Python and Django\nPostgreSQL experience for reporting queries\nNice to have: Kubernetes',
    location: 'Berlin, Germany',
    seniority: 'senior',
    skills: ['Python', 'Django', 'PostgreSQL', 'Kubernetes'],
    requiredSkills: ['Python', 'Django', 'PostgreSQL'],
    niceToHaveSkills: ['Kubernetes'],
    ...overrides,
  };
}

describe('locationFit', () => {
  it.each([
    ['Berlin, Germany', 'Berlin', 1],
    ['Remote (EU)', 'Lisbon, Portugal', 1],
    ['Munich, Germany', 'Berlin, Germany', 0.6],
    ['Paris, France', 'Berlin, Germany', 0],
    ['Berlin', null, null],
    [null, 'Berlin', null],
  ])('%s vs %s → %s', (jobLocation, resumeLocation, expected) => {
    expect(locationFit(jobLocation, resumeLocation)).toBe(expected);
  });
});

describe('seniorityFit', () => {
  it.each([
    ['senior', 'senior', 1],
    ['senior', 'lead', 0.7],
    ['senior', 'mid', 0.5],
    ['senior', 'junior', 0],
    ['senior', null, null],
    [null, 'mid', null],
  ])('job %s, resume %s → %s', (jobLevel, resumeLevel, expected) => {
    expect(seniorityFit(jobLevel, resumeLevel)).toBe(expected);
  });
});

describe('MatchScorer', () => {
  const scorer = new MatchScorer(new SkillsProvider(), DEFAULT_WEIGHTS);

  it('combines the factors with 0.6 / 0.3 / 0.1 weights', () => {
    const resume = { text: 'Python developer with Django', skills: ['Python', 'Django'], profile: { ...noProfile, location: 'Berlin', seniority: 'senior' as const } };
    const result = scorer.score(job(), resume, 0.8);
    // Skills: required Python + Django of 3 (weight 2 each), nice-to-have Kubernetes missing: (2+2)/(6+1).
    const skills = 4 / 7;
    expect(result.factors.semantic).toMatchObject({ weight: 0.6, score: 0.8, contribution: 48 });
    expect(result.factors.skills.weight).toBe(0.3);
    expect(result.factors.skills.score).toBeCloseTo(skills, 3);
    expect(result.factors.other).toMatchObject({ weight: 0.1, score: 1, location: 1, seniority: 1, contribution: 10 });
    expect(result.score).toBeCloseTo(48 + 30 * skills + 10, 1);
    const sumOfContributions = result.factors.semantic.contribution + result.factors.skills.contribution + result.factors.other.contribution;
    expect(sumOfContributions).toBeCloseTo(result.score, 0);
  });

  it('explains matched skills (with implied parents), missing required skills and the strongest requirement lines', () => {
    // Django implies Python in the taxonomy: the resume never says "Python".
    const resume = { text: 'Built Django services and reporting queries', skills: ['Django'], profile: noProfile };
    const { explanation } = scorer.score(job(), resume, 0.5);
    expect(explanation.matchedSkills).toEqual(
      expect.arrayContaining([
        { name: 'Django', requirement: 'required', via: null },
        { name: 'Python', requirement: 'required', via: 'Django' },
      ]),
    );
    expect(explanation.missingRequiredSkills.map((skill) => skill.name)).toEqual(['PostgreSQL']);
    expect(explanation.missingNiceToHaveSkills.map((skill) => skill.name)).toEqual(['Kubernetes']);
    expect(explanation.strongestRequirementLines[0]).toMatchObject({ text: 'Required: Python and Django', matchedSkills: ['Python', 'Django'] });
    expect(explanation.strongestRequirementLines.map((line) => line.text)).toContain('PostgreSQL experience for reporting queries');
    expect(explanation.summary).toMatch(/2 of 3 required skills.*missing PostgreSQL/);
  });

  it('gives the weight of unknown factors to the known ones instead of scoring them as zero', () => {
    const resume = { text: 'Nurse', skills: [], profile: noProfile };
    const result = scorer.score(job({ skills: [], requiredSkills: [], niceToHaveSkills: [], location: null, seniority: null }), resume, 0.7);
    expect(result.factors.skills).toMatchObject({ score: null, weight: 0, contribution: 0 });
    expect(result.factors.other).toMatchObject({ score: null, weight: 0 });
    expect(result.factors.semantic).toMatchObject({ weight: 1, contribution: 70 });
    expect(result.score).toBe(70);
  });

  it('uses configured weights', () => {
    const skillsOnly = new MatchScorer(new SkillsProvider(), { MODEL_ID: UNCALIBRATED_MODEL, MATCH_WEIGHT_SEMANTIC: 0, MATCH_WEIGHT_SKILLS: 1, MATCH_WEIGHT_OTHER: 0 });
    const resume = { text: '', skills: ['Python', 'Django', 'PostgreSQL', 'Kubernetes'], profile: noProfile };
    expect(skillsOnly.score(job(), resume, 0.1).score).toBe(100);
    expect(() => new MatchScorer(new SkillsProvider(), { MODEL_ID: UNCALIBRATED_MODEL, MATCH_WEIGHT_SEMANTIC: 0, MATCH_WEIGHT_SKILLS: 0, MATCH_WEIGHT_OTHER: 0 })).toThrow(/greater than 0/);
  });

  it('ranks with prepared jobs and resumes exactly as it scores a single pair', () => {
    const resume = { text: 'Built Django services and reporting queries', skills: ['Django', 'Docker'], profile: { ...noProfile, location: 'Munich, Germany', seniority: 'mid' as const } };
    const jobs = [job(), job({ requirements: '', description: 'Python and Kubernetes on call\nReporting with PostgreSQL', location: 'Remote' })];
    const preparedResume = scorer.prepare(resume);
    for (const posting of jobs) {
      const single = scorer.score(posting, resume, 0.62);
      const ranking = scorer.rank(scorer.prepareJob(posting), preparedResume, 0.62);
      expect(ranking.score).toBe(single.score);
      expect(scorer.explain(ranking)).toEqual(single);
    }
  });

  it('bounds the quoted requirement lines', () => {
    const long = `Python ${'and Django services '.repeat(30)}`;
    const requirements = [long, 'Python APIs', 'Django admin', 'Python scripts', 'Django REST'].join('\n');
    const { explanation } = scorer.score(job({ requirements }), { text: 'Python Django', skills: ['Python', 'Django'], profile: noProfile }, 0.5);
    expect(explanation.strongestRequirementLines).toHaveLength(3);
    for (const line of explanation.strongestRequirementLines) expect(line.text.length).toBeLessThanOrEqual(200);
    expect(explanation.strongestRequirementLines[0]!.text.endsWith('...')).toBe(true);
  });

  it('ranks a Python/Django resume above a nursing resume for a Python job on skills alone', () => {
    const python = { text: 'Python Django developer', skills: ['Python', 'Django', 'PostgreSQL'], profile: noProfile };
    const nurse = { text: 'Registered nurse, patient care', skills: ['Patient Care'], profile: noProfile };
    expect(scorer.score(job(), python, 0.5).score).toBeGreaterThan(scorer.score(job(), nurse, 0.5).score);
  });
});

describe('MatchScorer occupation closeness (O*NET imported)', () => {
  /** Our own provider with a stated closeness: same for equal codes, related for 29-1141.* vs 29-2061.00. */
  class ProviderWithOccupations extends SkillsProvider {
    override occupationCloseness(a: string | null | undefined, b: string | null | undefined) {
      if (!a || !b) return null;
      if (a === b) return 'same' as const;
      return [a, b].sort().join('|') === '29-1141.00|29-2061.00' ? ('related' as const) : ('unrelated' as const);
    }
  }
  const scorer = new MatchScorer(new ProviderWithOccupations(), DEFAULT_WEIGHTS);
  const resume = (occupationCode: string | null) => ({
    text: 'Python developer with Django',
    skills: ['Python', 'Django'],
    profile: { ...noProfile, location: 'Berlin', seniority: 'senior' as const },
    occupationCode,
  });

  it.each([
    ['29-1141.00', 1, 'is the same'],
    ['29-2061.00', 0.5, 'is related'],
    ['15-1252.00', 0, 'differs'],
  ])('resume occupation %s → occupation %s, averaged with location and seniority in "other"', (code, fit, words) => {
    const result = scorer.score(job({ occupationCode: '29-1141.00' }), resume(code), 0.8);
    expect(result.factors.other.occupation).toBe(fit);
    expect(result.factors.other.score).toBeCloseTo((1 + 1 + fit) / 3, 3);
    expect(result.factors.other.detail).toContain(`occupation ${words}`);
  });

  it('leaves the factor as it was when either occupation is unknown', () => {
    const result = scorer.score(job({ occupationCode: '29-1141.00' }), resume(null), 0.8);
    expect(result.factors.other).toMatchObject({ score: 1, location: 1, seniority: 1, occupation: null });
    expect(result.factors.other.detail).not.toContain('occupation');
  });
});
