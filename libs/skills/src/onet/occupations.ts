import { HOT_TECHNOLOGY, IN_DEMAND, type OnetDataset } from './dataset';

export type OccupationCloseness = 'same' | 'related' | 'unrelated';

/** O*NET's flags count as this many postings of the occupation until the project has its own. */
export const DEMAND_PRIOR_POSTINGS = 20;

/**
 * How often an occupation's postings ask for a skill, 0..1: the project's own stored postings of
 * that occupation, with O*NET's flags (demandOf, scaled to 0..1) as a prior worth
 * DEMAND_PRIOR_POSTINGS postings, so the flags decide while the project has few postings and its
 * own counts decide once it has many.
 */
export function blendedDemand(
  prior: ReadonlyMap<string, number>,
  own: { jobs: number; skills: ReadonlyMap<string, number> },
): (skill: string) => number {
  const ownByKey = new Map<string, number>();
  for (const [skill, count] of own.skills) ownByKey.set(skill.toLowerCase(), count);
  return (skill) => {
    const k = skill.toLowerCase();
    return ((ownByKey.get(k) ?? 0) + DEMAND_PRIOR_POSTINGS * ((prior.get(k) ?? 0) / 3)) / (own.jobs + DEMAND_PRIOR_POSTINGS);
  };
}

export interface OccupationMatch {
  /** O*NET-SOC code, e.g. "29-1141.00". */
  code: string;
  title: string;
  /** The O*NET title (occupation or alternate title) that decided it. */
  matchedTitle: string;
  /**
   * 'exact': the whole normalised title is an O*NET title; 'partial': a run of two or more of its
   * words is; 'word': only one word decided ("Backend Engineer" → "engineer"), among every
   * occupation with a title containing it, by the text's skills — a weak guess.
   */
  match: 'exact' | 'partial' | 'word';
  /**
   * Every occupation that lists the deciding title (best first: the one returned, then by code)
   * when more than one does: the title alone did not decide (see occupation-embeddings.ts).
   */
  candidates?: string[];
}

/** Qualifiers that say nothing about the occupation ("Senior", "II", "Remote"). */
const QUALIFIERS = new Set([
  'senior', 'sr', 'junior', 'jr', 'lead', 'principal', 'staff', 'head', 'chief', 'associate', 'assistant', 'trainee', 'intern',
  'i', 'ii', 'iii', 'iv', 'v', '1', '2', '3', 'remote', 'hybrid', 'onsite', 'full', 'part', 'time', 'fulltime', 'parttime', 'temporary',
  'contract', 'weekend', 'shift', '1st', '2nd', '3rd', 'entry', 'level', 'experienced',
]);

/** Lower case, punctuation to spaces, qualifiers dropped: "Sr. Registered Nurse (Nights)" → "registered nurse". */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9&+#/ -]+/g, ' ')
    .replace(/[-/]/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !QUALIFIERS.has(word))
    .join(' ');
}

/** The part before a separator usually names the job: "Registered Nurse – Cardiac Unit", "Cook, Line". */
function mainPart(title: string): string {
  return title.split(/\s[–—-]\s|\s\|\s|:/)[0]!;
}

/**
 * O*NET occupations with their alternate titles, compact enough for the skill-gap service's
 * memory budget: the ≈ 57 000 normalised titles stay one string (sorted, "\n"-joined, as the
 * importer wrote it), searched by bisection over their start offsets.
 */
export class OccupationIndex {
  private readonly codes: string[];
  private readonly titles: string[];
  /** The sorted normalised titles, "\n"-joined; title k is titleText[titleStart[k] .. titleStart[k + 1] - 1). */
  private readonly titleText: string;
  private readonly titleStart: Int32Array;
  /** occupationOf[k] = occupation index of title k. */
  private readonly occupationOf: Int32Array;
  /** Related pairs as occupation index a × size + b (numbers: 9 000 "code|code" strings cost ≈ 1 MB). */
  private readonly related: Set<number>;
  private readonly byCode = new Map<string, number>();
  /** Skill demand per occupation: canonical skill → weight (see demandOf). */
  /** Skill demand of occupation i: skillList[skillStart[i] .. skillStart[i + 1]), each skill index × 4 + flags. */
  private readonly skillStart: Int32Array;
  private readonly skillList: Int32Array;
  private readonly skillNames: (string | undefined)[];

  constructor(dataset: OnetDataset, canonicalNames: (string | undefined)[]) {
    this.codes = dataset.occupations.map((o) => o.code);
    this.titles = dataset.occupations.map((o) => o.title);
    this.skillStart = new Int32Array(dataset.occupations.length + 1);
    dataset.occupations.forEach((o, i) => (this.skillStart[i + 1] = this.skillStart[i]! + o.skills.length));
    this.skillList = new Int32Array(this.skillStart[dataset.occupations.length]!);
    dataset.occupations.forEach((o, i) => this.skillList.set(o.skills, this.skillStart[i]!));
    this.skillNames = canonicalNames;
    dataset.occupations.forEach((o, i) => this.byCode.set(o.code, i));
    this.titleText = dataset.titleIndex.titles;
    this.occupationOf = Int32Array.from(dataset.titleIndex.occupations);
    this.titleStart = new Int32Array(this.occupationOf.length + 1);
    let k = 1;
    for (let i = 0; i < this.titleText.length; i++) if (this.titleText.charCodeAt(i) === 10) this.titleStart[k++] = i + 1;
    this.titleStart[this.occupationOf.length] = this.titleText.length + 1;
    this.related = new Set();
    const size = dataset.occupations.length;
    dataset.occupations.forEach((o, i) => {
      for (const r of o.related) {
        const j = this.byCode.get(r);
        if (j !== undefined) this.related.add(i * size + j);
      }
    });
  }

  /** Title k compared with `key` (as string comparison would), without slicing. */
  private compareTitle(k: number, key: string): number {
    const start = this.titleStart[k]!;
    const length = this.titleStart[k + 1]! - 1 - start;
    const n = Math.min(length, key.length);
    for (let i = 0; i < n; i++) {
      const d = this.titleText.charCodeAt(start + i) - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - key.length;
  }

  /** The title whose text holds position `at` of titleText. */
  private titleAt(at: number): number {
    let lo = 0;
    let hi = this.occupationOf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.titleStart[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  get size(): number {
    return this.codes.length;
  }

  title(code: string): string | undefined {
    const i = this.byCode.get(code);
    return i === undefined ? undefined : this.titles[i];
  }

  /** Occupations whose normalised title (or alternate title) is exactly `key`. */
  private lookup(key: string): number[] {
    let lo = 0;
    let hi = this.occupationOf.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compareTitle(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let k = lo; k < this.occupationOf.length && this.compareTitle(k, key) === 0; k++) if (!found.includes(this.occupationOf[k]!)) found.push(this.occupationOf[k]!);
    return found;
  }

  /**
   * The occupation of a job title: the whole title if O*NET lists it, else the longest run of its
   * words that O*NET lists (the later run on a tie: English titles end in their head noun). When a
   * title belongs to several occupations, the one asking for most of `skills` (canonical names found
   * in the text) wins, then the one whose own title it is, then the first by code.
   */
  normalize(jobTitle: string, skills: readonly string[] = []): OccupationMatch | null {
    for (const candidate of [jobTitle, mainPart(jobTitle)]) {
      const key = normalizeTitle(candidate);
      if (!key) continue;
      const exact = this.lookup(key);
      if (exact.length > 0) return this.pick(exact, key, 'exact', skills);
    }
    const words = normalizeTitle(mainPart(jobTitle)).split(' ').filter(Boolean);
    for (let n = words.length - 1; n >= 1; n--) {
      for (let start = words.length - n; start >= 0; start--) {
        const key = words.slice(start, start + n).join(' ');
        if (n === 1 && key.length < 4) continue;
        if (n === 1) {
          const containing = [...this.titleSupport(key, null).keys()];
          if (containing.length > 0) return this.pick(containing, key, 'word', skills);
          continue;
        }
        const found = this.lookup(key);
        if (found.length > 0) return this.pick(found, key, 'partial', skills);
      }
    }
    return null;
  }

  /**
   * Several occupations list the title: the one asking for most of the text's skills wins; then
   * the one with most titles containing it ("truck driver" is in many titles of Heavy and
   * Tractor-Trailer Truck Drivers, in one of Freight Forwarders); then the lower code.
   */
  private pick(candidates: number[], key: string, match: OccupationMatch['match'], skills: readonly string[]): OccupationMatch {
    let best = candidates[0]!;
    if (candidates.length > 1) {
      const wanted = new Set(skills.map((s) => s.toLowerCase()));
      const support = this.titleSupport(key, candidates);
      let bestScore = -1;
      for (const i of candidates) {
        let overlap = 0;
        if (wanted.size > 0) for (const packed of this.skillsOfOccupation(i)) if (wanted.has((this.skillNames[packed >> 2] ?? '').toLowerCase())) overlap++;
        const score = overlap * 1000 + (support.get(i) ?? 0);
        if (score > bestScore || (score === bestScore && this.codes[i]! < this.codes[best]!)) {
          best = i;
          bestScore = score;
        }
      }
    }
    const result: OccupationMatch = { code: this.codes[best]!, title: this.titles[best]!, matchedTitle: key, match };
    if (candidates.length > 1) result.candidates = [this.codes[best]!, ...candidates.filter((i) => i !== best).map((i) => this.codes[i]!).sort()];
    return result;
  }

  /** How many titles of each candidate (null: of every occupation) contain `key` as whole words. */
  private titleSupport(key: string, candidates: number[] | null): Map<number, number> {
    const support = new Map<number, number>();
    const wanted = candidates ? new Set(candidates) : null;
    const text = this.titleText;
    const isBoundary = (c: number) => c === 32 || c === 10 || Number.isNaN(c);
    let lastTitle = -1;
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      if (!isBoundary(at === 0 ? NaN : text.charCodeAt(at - 1)) || !isBoundary(text.charCodeAt(at + key.length))) continue;
      const title = this.titleAt(at);
      if (title === lastTitle) continue; // one count per title
      lastTitle = title;
      const occupation = this.occupationOf[title]!;
      if (!wanted || wanted.has(occupation)) support.set(occupation, (support.get(occupation) ?? 0) + 1);
    }
    return support;
  }

  private skillsOfOccupation(i: number): Int32Array {
    return this.skillList.subarray(this.skillStart[i]!, this.skillStart[i + 1]!);
  }

  /** Same occupation, a related one (O*NET Related Occupations, or the same SOC detailed code), or not. */
  closeness(a: string, b: string): OccupationCloseness {
    if (a === b) return 'same';
    const i = this.byCode.get(a);
    const j = this.byCode.get(b);
    const size = this.codes.length;
    if ((i !== undefined && j !== undefined && (this.related.has(i * size + j) || this.related.has(j * size + i))) || a.slice(0, 7) === b.slice(0, 7)) return 'related';
    return 'unrelated';
  }

  /**
   * How much an occupation asks for each skill, from O*NET's flags until the project has enough
   * postings of its own: listed 1, In Demand +1, Hot Technology +1. Canonical names, lower case.
   */
  demandOf(code: string): Map<string, number> {
    const demand = new Map<string, number>();
    const i = this.byCode.get(code);
    if (i === undefined) return demand;
    for (const packed of this.skillsOfOccupation(i)) {
      const name = this.skillNames[packed >> 2];
      if (!name) continue;
      const weight = 1 + (packed & IN_DEMAND ? 1 : 0) + (packed & HOT_TECHNOLOGY ? 1 : 0);
      const k = name.toLowerCase();
      demand.set(k, Math.max(demand.get(k) ?? 0, weight));
    }
    return demand;
  }
}
