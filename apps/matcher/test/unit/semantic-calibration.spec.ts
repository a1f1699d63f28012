import { blendedScore, matchLabel } from '../../src/matching/match-blend';
import { MatchScorer, type ScorableJob } from '../../src/matching/match-scorer';
import { logisticMap, SEMANTIC_CALIBRATIONS, semanticFactorFor } from '../../src/matching/semantic-calibration';
import { SkillsProvider } from '../../src/skills/skills.provider';

const MINILM = 'sentence-transformers/all-MiniLM-L6-v2';

describe('semantic calibration', () => {
  const factor = semanticFactorFor(MINILM);

  it('has a fitted curve for all-MiniLM-L6-v2 that says where it came from', () => {
    expect(SEMANTIC_CALIBRATIONS[MINILM]).toMatchObject({ intercept: expect.any(Number), slope: expect.any(Number), source: expect.stringContaining('bench:quality') });
  });

  it('maps real MiniLM cosines onto what they mean on the labelled set', () => {
    // Medians of bench/results/match-quality.json: unrelated ≈ 0.19, near miss ≈ 0.39, same occupation ≈ 0.52.
    expect(factor(0.19)).toBeLessThan(0.02);
    expect(factor(0.39)).toBeGreaterThan(0.2);
    expect(factor(0.39)).toBeLessThan(0.4);
    expect(factor(0.52)).toBeGreaterThan(0.8);
    expect(factor(0.7)).toBeGreaterThan(0.99);
  });

  it('is increasing, bounded by 0 and 1, and clamps the cosine first', () => {
    let previous = -1;
    for (let cosine = 0; cosine <= 1; cosine += 0.05) {
      const value = factor(cosine);
      expect(value).toBeGreaterThan(previous);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
      previous = value;
    }
    expect(factor(-0.3)).toBe(factor(0));
    expect(factor(1.2)).toBe(factor(1));
  });

  it('is the logistic curve of its parameters', () => {
    const map = logisticMap({ intercept: -2, slope: 4 });
    expect(map(0.5)).toBeCloseTo(0.5, 12);
    expect(map(0)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
  });

  it('keeps the clamped cosine for a model without a fitted curve', () => {
    const identity = semanticFactorFor('someone/unfitted-model');
    expect(identity(0.42)).toBe(0.42);
    expect(identity(-0.1)).toBe(0);
    expect(identity(1.5)).toBe(1);
  });
});

describe('matchLabel and blendedScore', () => {
  it.each([
    [100, 'Strong match'],
    [75, 'Strong match'],
    [74.9, 'Good match'],
    [55, 'Good match'],
    [54.9, 'Partial match'],
    [35, 'Partial match'],
    [34.9, 'Weak match'],
    [0, 'Weak match'],
  ])('%s → %s', (score, label) => {
    expect(matchLabel(score)).toBe(label);
  });

  it('hands the weight of an unknown factor to the known ones', () => {
    const weights = { semantic: 0.45, skills: 0.45, other: 0.1 };
    expect(blendedScore({ semantic: 0.8, skills: 0.5, other: 1 }, weights)).toBeCloseTo(100 * (0.45 * 0.8 + 0.45 * 0.5 + 0.1), 10);
    expect(blendedScore({ semantic: 0.8, skills: null, other: null }, weights)).toBeCloseTo(80, 10);
    expect(blendedScore({ semantic: null, skills: null, other: null }, weights)).toBe(0);
  });
});

describe('MatchScorer on the calibrated MiniLM factor', () => {
  const scorer = new MatchScorer(new SkillsProvider(), { MODEL_ID: MINILM, MATCH_WEIGHT_SEMANTIC: 0.45, MATCH_WEIGHT_SKILLS: 0.45, MATCH_WEIGHT_OTHER: 0.1 });
  const job: ScorableJob = {
    title: 'Data Engineer',
    description: 'Build batch and streaming pipelines.',
    requirements: 'Required: Python, SQL, Airflow\nNice to have: Kafka',
    location: null,
    seniority: null,
    skills: ['Python', 'SQL', 'Airflow', 'Kafka'],
    requiredSkills: ['Python', 'SQL', 'Airflow'],
    niceToHaveSkills: ['Kafka'],
  };
  const profile = { headline: null, seniority: null, yearsOfExperience: null, location: null };

  it('calls a typical same-occupation pair (cosine 0.52, most required skills) a good match', () => {
    const result = scorer.score(job, { text: 'Data engineer: Python, SQL, Airflow', skills: ['Python', 'SQL', 'Airflow'], profile }, 0.52);
    expect(result.explanation.summary).toMatch(/^(Good|Strong) match/);
    expect(result.factors.semantic.detail).toBe(`Cosine similarity of the stored embeddings: 0.52 (calibrated to ${semanticFactorFor(MINILM)(0.52).toFixed(2)})`);
    expect(result.explanation.summary).toContain('semantic similarity 0.52');
  });

  it('calls a typical unrelated pair (cosine 0.19, no shared skills) a weak match', () => {
    const result = scorer.score(job, { text: 'Registered nurse, ICU', skills: ['Patient Assessment'], profile }, 0.19);
    expect(result.score).toBeLessThan(5);
    expect(result.explanation.summary).toMatch(/^Weak match/);
  });
});
