import { memoizeByString } from './memo';
import type { SkillDefinition } from './types';

/**
 * Skill gap between a person's skills and a job's skills: a pure function shared by the
 * skill-gap API (gap endpoints) and the matcher (skill part of the explained match score).
 * Names compare case-insensitively; output keeps the caller's spelling.
 */

export type GapRequirement = 'required' | 'nice-to-have';

export interface JobSkillSet {
  required: readonly string[];
  niceToHave: readonly string[];
}

export interface MatchedSkill {
  name: string;
  requirement: GapRequirement;
  /** The person's skill that implies this one (Django ⇒ Python), or null when listed directly. */
  via: string | null;
}

export interface MissingSkill {
  name: string;
  requirement: GapRequirement;
  /** Skills the person already has that are close to this one: a shorter path to learn it. */
  relatedOwned: string[];
}

export interface SkillGap {
  matched: MatchedSkill[];
  missingRequired: MissingSkill[];
  missingNiceToHave: MissingSkill[];
  /** Weighted share of the job's skills the person has (see COVERAGE_WEIGHTS); null when the job lists none. */
  coverage: number | null;
  requiredCoverage: number | null;
  niceToHaveCoverage: number | null;
}

/** A required skill counts twice as much as a nice-to-have one in `coverage`. */
export const COVERAGE_WEIGHTS: Readonly<Record<GapRequirement, number>> = { required: 2, 'nice-to-have': 1 };

/** Relations between skills, keyed case-insensitively; built once from the taxonomy. */
export interface SkillGraph {
  parentsOf(name: string): readonly string[];
  childrenOf(name: string): readonly string[];
  /** Symmetric: A related to B whenever either definition lists the other. */
  relatedOf(name: string): readonly string[];
}

/**
 * The case-insensitive key of a skill name. Memoized: ranking a recommendation's candidate pool
 * compares a few hundred skill names, nearly all from the taxonomy's bounded vocabulary, and
 * trimming and lower-casing each anew allocated two strings per comparison.
 */
const key = memoizeByString((name) => name.trim().toLowerCase(), 20_000);

function addEdge(map: Map<string, string[]>, from: string, to: string): void {
  const list = map.get(key(from));
  if (!list) map.set(key(from), [to]);
  else if (!list.some((existing) => key(existing) === key(to))) list.push(to);
}

export function buildSkillGraph(definitions: Iterable<Pick<SkillDefinition, 'name' | 'parents' | 'related'>>): SkillGraph {
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  const related = new Map<string, string[]>();
  for (const skill of definitions) {
    for (const parent of skill.parents) {
      addEdge(parents, skill.name, parent);
      addEdge(children, parent, skill.name);
    }
    for (const other of skill.related) {
      addEdge(related, skill.name, other);
      addEdge(related, other, skill.name);
    }
  }
  const none: readonly string[] = [];
  return {
    parentsOf: (name) => parents.get(key(name)) ?? none,
    childrenOf: (name) => children.get(key(name)) ?? none,
    relatedOf: (name) => related.get(key(name)) ?? none,
  };
}

/** A job's stored skill columns: every canonical skill found, and those the posting marks required or nice-to-have. */
export interface StoredJobSkills {
  skills?: readonly string[];
  requiredSkills: readonly string[];
  niceToHaveSkills: readonly string[];
}

/** Job skills from stored job columns: skills not marked nice-to-have count as required. */
export function jobSkillsFromStored(job: StoredJobSkills): JobSkillSet {
  const nice = new Set(job.niceToHaveSkills.map(key));
  const required = uniqueByKey([...job.requiredSkills, ...(job.skills ?? []).filter((skill) => !nice.has(key(skill)))]);
  return { required, niceToHave: uniqueByKey(job.niceToHaveSkills) };
}

/** Job skills from extraction: a skill the posting does not qualify counts as required. */
export function jobSkillsFromExtraction(skills: readonly { name: string; requirement: 'required' | 'nice-to-have' | 'unspecified' }[]): JobSkillSet {
  return {
    required: uniqueByKey(skills.filter((skill) => skill.requirement !== 'nice-to-have').map((skill) => skill.name)),
    niceToHave: uniqueByKey(skills.filter((skill) => skill.requirement === 'nice-to-have').map((skill) => skill.name)),
  };
}

function uniqueByKey(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const k = key(name);
    if (k.length === 0 || seen.has(k)) continue;
    seen.add(k);
    out.push(name.trim());
  }
  return out;
}

/** Every ancestor of each owned skill, mapped to the owned skill that implies it (nearest first). */
function impliedSkills(owned: readonly string[], graph: SkillGraph, maxDepth = 4): Map<string, string> {
  const implied = new Map<string, string>();
  for (const skill of owned) {
    let frontier = [skill];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const current of frontier) {
        for (const parent of graph.parentsOf(current)) {
          if (implied.has(key(parent))) continue;
          implied.set(key(parent), skill);
          next.push(parent);
        }
      }
      frontier = next;
    }
  }
  return implied;
}

/**
 * Owned skills close to `target`, closest first: related skills, then broader skills it builds on
 * (Python for Django), then siblings under the same parent (Flask for Django).
 */
function relatedOwnedSkills(target: string, ownedByKey: ReadonlyMap<string, string>, graph: SkillGraph, limit: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>([key(target)]);
  const consider = (name: string) => {
    const owned = ownedByKey.get(key(name));
    if (owned === undefined || seen.has(key(name)) || out.length >= limit) return;
    seen.add(key(name));
    out.push(owned);
  };
  graph.relatedOf(target).forEach(consider);
  graph.parentsOf(target).forEach(consider);
  for (const parent of graph.parentsOf(target)) graph.childrenOf(parent).forEach(consider);
  return out;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export interface SkillGapOptions {
  /** Taxonomy relations; without it only exact names match and relatedOwned stays empty. */
  graph?: SkillGraph;
  /** Most related skills listed per missing skill. */
  maxRelatedOwned?: number;
}

/**
 * A person's skills with everything they imply (Django ⇒ Python), built once when the same
 * person is compared with many jobs (recommendations re-rank dozens per request).
 */
export interface OwnedSkills {
  readonly byKey: ReadonlyMap<string, string>;
  readonly implied: ReadonlyMap<string, string>;
  readonly graph?: SkillGraph;
}

export function prepareOwnedSkills(resumeSkills: readonly string[], graph?: SkillGraph): OwnedSkills {
  const byKey = new Map<string, string>();
  for (const skill of uniqueByKey(resumeSkills)) byKey.set(key(skill), skill);
  return { byKey, implied: graph ? impliedSkills([...byKey.values()], graph) : new Map<string, string>(), graph };
}

function isOwnedSkills(value: readonly string[] | OwnedSkills): value is OwnedSkills {
  return !Array.isArray(value);
}

/** A job's skills deduplicated by name; a skill listed both as required and nice-to-have is required. */
function distinctJobSkills(job: JobSkillSet): { required: string[]; niceToHave: string[] } {
  const required = uniqueByKey(job.required);
  const requiredKeys = new Set(required.map(key));
  return { required, niceToHave: uniqueByKey(job.niceToHave).filter((skill) => !requiredKeys.has(key(skill))) };
}

/** Who covers a job skill: the person directly (null), through a skill that implies it, or nobody (undefined). */
function coveredBy(owned: OwnedSkills, name: string): string | null | undefined {
  const k = key(name);
  return owned.byKey.has(k) ? null : owned.implied.get(k);
}

function coversKey(owned: OwnedSkills, k: string): boolean {
  return owned.byKey.has(k) || owned.implied.has(k);
}

type Coverage = Pick<SkillGap, 'coverage' | 'requiredCoverage' | 'niceToHaveCoverage'>;

function coverageOf(matchedRequired: number, matchedNice: number, requiredCount: number, niceCount: number): Coverage {
  const weightRequired = COVERAGE_WEIGHTS.required;
  const weightNice = COVERAGE_WEIGHTS['nice-to-have'];
  return {
    coverage: ratio(weightRequired * matchedRequired + weightNice * matchedNice, weightRequired * requiredCount + weightNice * niceCount),
    requiredCoverage: ratio(matchedRequired, requiredCount),
    niceToHaveCoverage: ratio(matchedNice, niceCount),
  };
}

/**
 * The coverage figures of computeSkillGap(owned, jobSkillsFromStored(job)) alone (same matching
 * rule), computed on the stored columns directly: ranking runs it for every candidate of every
 * recommendation, and building the skill set and the matched/missing lists per candidate was a
 * sizeable share of each request's garbage. Each name is
 * keyed once; duplicates are found by scanning the earlier keys, as postings list a handful of skills.
 */
export function storedJobSkillCoverage(owned: OwnedSkills, job: StoredJobSkills): Coverage {
  const required = job.requiredSkills.map(key);
  const listed = (job.skills ?? []).map(key);
  const nice = job.niceToHaveSkills.map(key);
  let requiredCount = 0;
  let matchedRequired = 0;
  let niceCount = 0;
  let matchedNice = 0;
  // Required: the skills marked required, then the other listed skills not marked nice-to-have.
  for (let i = 0; i < required.length; i++) {
    const k = required[i]!;
    if (k.length === 0 || required.indexOf(k) < i) continue;
    requiredCount++;
    if (coversKey(owned, k)) matchedRequired++;
  }
  for (let i = 0; i < listed.length; i++) {
    const k = listed[i]!;
    if (k.length === 0 || listed.indexOf(k) < i || nice.includes(k) || required.includes(k)) continue;
    requiredCount++;
    if (coversKey(owned, k)) matchedRequired++;
  }
  // Nice-to-have: a skill also marked required counts as required only.
  for (let i = 0; i < nice.length; i++) {
    const k = nice[i]!;
    if (k.length === 0 || nice.indexOf(k) < i || required.includes(k)) continue;
    niceCount++;
    if (coversKey(owned, k)) matchedNice++;
  }
  return coverageOf(matchedRequired, matchedNice, requiredCount, niceCount);
}

/** `resumeSkills` may be prepared once with prepareOwnedSkills (its graph then wins over options.graph). */
export function computeSkillGap(resumeSkills: readonly string[] | OwnedSkills, job: JobSkillSet, options: SkillGapOptions = {}): SkillGap {
  const owned = isOwnedSkills(resumeSkills) ? resumeSkills : prepareOwnedSkills(resumeSkills, options.graph);
  const graph = owned.graph;
  const maxRelated = options.maxRelatedOwned ?? 5;
  const { required, niceToHave } = distinctJobSkills(job);

  const matched: MatchedSkill[] = [];
  const missing: Record<GapRequirement, MissingSkill[]> = { required: [], 'nice-to-have': [] };
  const classify = (name: string, requirement: GapRequirement) => {
    const via = coveredBy(owned, name);
    if (via !== undefined) matched.push({ name, requirement, via });
    else missing[requirement].push({ name, requirement, relatedOwned: graph ? relatedOwnedSkills(name, owned.byKey, graph, maxRelated) : [] });
  };
  required.forEach((name) => classify(name, 'required'));
  niceToHave.forEach((name) => classify(name, 'nice-to-have'));

  const matchedRequired = matched.filter((skill) => skill.requirement === 'required').length;
  return {
    matched,
    missingRequired: missing.required,
    missingNiceToHave: missing['nice-to-have'],
    ...coverageOf(matchedRequired, matched.length - matchedRequired, required.length, niceToHave.length),
  };
}
