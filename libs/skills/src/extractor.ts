import { createHash } from 'node:crypto';
import { CONTEXT_CATEGORIES, DENY_RULES, GENERAL_CUE, LANGUAGE_CUE, TECH_CUE } from './ambiguity';
import { JS_SPACE as JS_SPACE_TABLE, NormalizedBuffer, WORD_CHAR as WORD_CHAR_TABLE } from './char-tables';
import { DenseAutomaton } from './dense-automaton';
import { isWordCode, normalizePattern } from './normalize';
import { CUE_TRIGGERS, resolveRequirementsFast } from './requirement-scan';
import { getSkillTaxonomy, type Taxonomy } from './taxonomy';
import type { ExtractedSkill, SkillDefinition, SkillRequirement, SkillTermMode } from './types';

/**
 * Per-pattern facts, packed in patternFlags (one byte per pattern): the extractor holds ≈ 27 000
 * patterns at O*NET scale, and one object each cost the skill-gap service megabytes of heap.
 */
const MODE_MASK = 3; // index into MODES
const STARTS_WITH_WORD_CHAR = 4;
const ENDS_WITH_WORD_CHAR = 8;
/** All capitals, 2+ letters ("EKG", "PLC"): may take a lower-case plural "s". */
const ACRONYM = 16;
/** An imported everyday-word name ("Analyze", "Slack"): not at the start of a sentence of prose. */
const NOT_AT_SENTENCE_START = 32;
/** Exact-case terms of 3+ characters may also be written all-caps ("SWIFT"). */
const UPPER_OK = 64;
const MODES: readonly SkillTermMode[] = ['any-case', 'exact-case', 'needs-context'];
const ANY_CASE = 0;
const EXACT_CASE = 1;
const NEEDS_CONTEXT = 2;

interface Candidate {
  skill: SkillDefinition;
  mode: number;
  /** Length of the matched term (normalised), without a plural or version suffix. */
  length: number;
  start: number;
  end: number;
  origStart: number;
  origEnd: number;
}

const PLUS = 43;
const HASH = 35;
const DOT = 46;
const LOWER_S = 115;
const isDigit = (c: number) => c >= 48 && c <= 57;
// Module-local bindings for the lookup tables: transpiled imports become property reads (or getters) per use.
const WORD_CHAR = WORD_CHAR_TABLE;
const JS_SPACE = JS_SPACE_TABLE;
const TECH_CATEGORIES = new Set(['software', 'data-ml', 'cloud-devops', 'security']);
/** How far (in normalised characters) another skill may be to give context to an ambiguous one. */
const CONTEXT_DISTANCE = 120;
const CUE_WINDOW = 80;
const REQUIREMENT_RANK: Record<SkillRequirement, number> = { unspecified: 0, 'nice-to-have': 1, required: 2 };

function countLetters(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) letters++;
  }
  return letters;
}

/** Spelling variants: multi-word terms also match hyphenated ("machine-learning") and vice versa. */
function variantsOf(text: string, mode: SkillTermMode): string[] {
  const collapsed = text.trim().replace(/\s+/g, ' ');
  const variants = new Set([collapsed]);
  if (collapsed.includes(' ')) variants.add(collapsed.replace(/ /g, '-'));
  // "go-to-market" must not become the verb phrase "go to market": marked terms keep their hyphens.
  if (mode === 'any-case' && /[a-z]-[a-z]/i.test(collapsed)) variants.add(collapsed.replace(/([a-z])-(?=[a-z])/gi, '$1 '));
  return [...variants];
}

/**
 * Finds taxonomy skills in free text. The taxonomy is compiled once into an Aho–Corasick
 * automaton; each call is a single pass over the text plus boundary, case and context checks.
 */
export class SkillExtractor {
  private readonly patternSkill: SkillDefinition[] = [];
  private readonly patternLength: Int32Array;
  private readonly patternFlags: Uint8Array;
  /** The spelling with its original casing, whitespace collapsed, for the patterns that check case (≈ 1 in 6). */
  private readonly patternCased = new Map<number, string>();
  private readonly patternDeny = new Map<number, (typeof DENY_RULES)[string]>();
  private readonly automaton: DenseAutomaton;
  /** Reused between calls: extraction is synchronous, so one buffer per extractor is enough. */
  private readonly norm = new NormalizedBuffer();
  /** Reused by applyContext: 1 = candidate kept so far. */
  private confirmed = new Uint8Array(256);

  /** `compiled`: what serializeCompiled() wrote for the same taxonomy (used when its fingerprint matches, else compiled anew). */
  constructor(taxonomy: Taxonomy, compiled?: Uint8Array) {
    const seen = new Set<string>();
    const keys: string[] = [];
    const flags: number[] = [];
    taxonomy.forEachTerm((text, skillName, termMode) => {
      const skill = taxonomy.get(skillName)!;
      // Two-letter acronyms (ML, UX, JS) only count in their written casing: "ml" is a unit.
      const mode: SkillTermMode = termMode === 'any-case' && countLetters(text) <= 2 ? 'exact-case' : termMode;
      const deny = DENY_RULES[text.toLowerCase()];
      for (const variant of variantsOf(text, termMode)) {
        const key = normalizePattern(variant);
        if (seen.has(key)) continue; // an explicit term always precedes generated variants
        seen.add(key);
        const id = keys.length;
        keys.push(key);
        this.patternSkill.push(skill);
        if (mode !== 'any-case') this.patternCased.set(id, variant);
        if (deny) this.patternDeny.set(id, deny);
        flags.push(
          MODES.indexOf(mode) |
            (isWordCode(key.charCodeAt(0)) ? STARTS_WITH_WORD_CHAR : 0) |
            (isWordCode(key.charCodeAt(key.length - 1)) ? ENDS_WITH_WORD_CHAR : 0) |
            (/^[A-Z0-9&/-]*[A-Z][A-Z0-9&/-]*[A-Z][A-Z0-9&/-]*$/.test(variant) ? ACRONYM : 0) |
            (mode === 'needs-context' && skill.source?.kind === 'onet' && !variant.includes(' ') ? NOT_AT_SENTENCE_START : 0) |
            (mode === 'exact-case' && key.length > 2 ? UPPER_OK : 0),
        );
      }
    });
    this.patternLength = Int32Array.from(keys, (k) => k.length);
    this.patternFlags = Uint8Array.from(flags);
    // Requirement cue triggers ride along in the same pass (pattern ids after the skill terms).
    const all = [...keys, ...CUE_TRIGGERS];
    this.fingerprint = patternsFingerprint(all);
    this.automaton = loadOrCompile(all, this.fingerprint, compiled);
  }

  private readonly fingerprint: string;

  /** The compiled automaton with the fingerprint of its patterns, for the O*NET data file's sidecar. */
  serializeCompiled(): Uint8Array {
    const tables = this.automaton.serialize();
    const out = new Uint8Array(FINGERPRINT_BYTES + tables.byteLength);
    out.set(Buffer.from(this.fingerprint, 'hex'));
    out.set(tables, FINGERPRINT_BYTES);
    return out;
  }

  /** Bytes of the compiled automaton's typed arrays (benchmark figures). */
  automatonBytes(): number {
    return this.automaton.byteSize();
  }

  extract(text: string): ExtractedSkill[] {
    if (!text) return [];
    const norm = this.norm;
    norm.load(text);
    const { codes, offsets, length: normLength } = norm;
    const patternFlags = this.patternFlags;
    const patternLength = this.patternLength;
    const termCount = patternFlags.length;
    const candidates: Candidate[] = [];
    const cueHints: number[] = [];
    // Term hits that start inside a word are already dropped by the scan; cue triggers are kept wherever they are.
    const { hits, count } = this.automaton.scan(codes, normLength, WORD_CHAR, termCount);
    for (let h = 0; h < count; h++) {
      const id = hits[2 * h]!;
      const hitEnd = hits[2 * h + 1]!;
      if (id >= termCount) {
        cueHints.push(offsets[hitEnd - CUE_TRIGGERS[id - termCount]!.length]!);
        continue;
      }
      const flags = patternFlags[id]!;
      const mode = flags & MODE_MASK;
      const length = patternLength[id]!;
      const hitStart = hitEnd - length;
      const end = validEnd(flags, length, codes, normLength, hitStart, hitEnd);
      if (end < 0) continue;
      const origStart = offsets[hitStart]!;
      const origEnd = offsets[end - 1]! + 1;
      if (mode !== ANY_CASE) {
        const writtenEnd = offsets[hitEnd - 1]! + 1;
        const cased = this.patternCased.get(id)!;
        const caseOk = writtenAs(text, origStart, writtenEnd, cased) || ((flags & UPPER_OK) !== 0 && writtenAs(text, origStart, writtenEnd, cased.toUpperCase()));
        if (!caseOk) continue;
      }
      if ((flags & NOT_AT_SENTENCE_START) !== 0 && startsProseSentence(text, origStart, origEnd)) continue;
      const deny = this.patternDeny.get(id);
      if (deny) {
        const { before, after } = deny;
        if (before && before.test(text.slice(Math.max(0, origStart - 40), origStart))) continue;
        if (after && after.test(text.slice(origEnd, origEnd + 40))) continue;
      }
      candidates.push({ skill: this.patternSkill[id]!, mode, length, start: hitStart, end, origStart, origEnd });
    }

    const chosen = resolveOverlaps(candidates);
    const accepted = this.applyContext(text, chosen);
    const requirements = resolveRequirementsFast(
      text,
      accepted.map((c) => c.origStart),
      cueHints.sort((a, b) => a - b),
    );

    const bySkill = new Map<string, ExtractedSkill>();
    accepted.forEach((c, i) => {
      const requirement = requirements[i]!;
      const evidence = { text: text.slice(c.origStart, c.origEnd), start: c.origStart, end: c.origEnd };
      const existing = bySkill.get(c.skill.name);
      if (!existing) {
        bySkill.set(c.skill.name, {
          name: c.skill.name,
          category: c.skill.category,
          requirement,
          evidence: [evidence],
        });
        return;
      }
      existing.evidence.push(evidence);
      if (REQUIREMENT_RANK[requirement] > REQUIREMENT_RANK[existing.requirement]) existing.requirement = requirement;
    });
    return [...bySkill.values()];
  }

  /** Ambiguous terms survive only with a related skill nearby or a telling word around them. */
  private applyContext(text: string, chosen: Candidate[]): Candidate[] {
    const pending: number[] = [];
    for (let i = 0; i < chosen.length; i++) if (chosen[i]!.mode === NEEDS_CONTEXT) pending.push(i);
    if (pending.length === 0) return chosen;
    if (this.confirmed.length < chosen.length) this.confirmed = new Uint8Array(chosen.length * 2);
    const confirmed = this.confirmed.fill(1, 0, chosen.length);
    for (const i of pending) confirmed[i] = 0;
    // Two rounds: a confirmed ambiguous term ("Go") may vouch for another ("Rust").
    for (let round = 0; round < 2 && pending.length > 0; round++) {
      for (let k = pending.length - 1; k >= 0; k--) {
        const i = pending[k]!;
        if (this.hasContext(text, chosen, i, confirmed)) {
          confirmed[i] = 1;
          pending.splice(k, 1);
        }
      }
    }
    return chosen.filter((_, i) => confirmed[i] === 1);
  }

  /**
   * `chosen` is sorted and non-overlapping (resolveOverlaps), so its starts and ends both ascend:
   * only the neighbours within CONTEXT_DISTANCE on either side need looking at.
   */
  private hasContext(text: string, chosen: Candidate[], index: number, confirmed: Uint8Array): boolean {
    const c = chosen[index]!;
    const category = c.skill.category;
    const allowed = CONTEXT_CATEGORIES[category];
    const vouches = (other: Candidate) => other.skill !== c.skill && allowed.includes(other.skill.category);
    for (let j = index - 1; j >= 0 && c.start - chosen[j]!.end <= CONTEXT_DISTANCE; j--) {
      if (confirmed[j] === 1 && vouches(chosen[j]!)) return true;
    }
    for (let j = index + 1; j < chosen.length && chosen[j]!.start - c.end <= CONTEXT_DISTANCE; j++) {
      if (confirmed[j] === 1 && vouches(chosen[j]!)) return true;
    }
    const window = text.slice(Math.max(0, c.origStart - CUE_WINDOW), c.origEnd + CUE_WINDOW);
    return (TECH_CATEGORIES.has(category) ? TECH_CUE : category === 'languages' ? LANGUAGE_CUE : GENERAL_CUE).test(window);
  }
}

/** End of a valid match (past a plural "s" or version digits), or -1 when the boundaries are wrong. */
function validEnd(flags: number, patternLength: number, codes: Uint16Array, length: number, start: number, end: number): number {
  if (start > 0) {
    const before = codes[start - 1]!;
    if (WORD_CHAR[before] === 1) return -1;
    // ".js" inside "Vue.js", "NET" inside "ASP.NET": part of a dotted name.
    if ((flags & STARTS_WITH_WORD_CHAR) !== 0 && before === DOT && start > 1 && WORD_CHAR[codes[start - 2]!] === 1) return -1;
    if ((flags & STARTS_WITH_WORD_CHAR) !== 0 && (before === PLUS || before === HASH)) return -1;
  }
  if (end >= length) return end;
  const next = codes[end]!;
  if ((flags & ENDS_WITH_WORD_CHAR) === 0) {
    // "C++17" is fine, "C#x" is not.
    return WORD_CHAR[next] === 1 && !isDigit(next) ? -1 : end;
  }
  if (WORD_CHAR[next] === 1) {
    const after = end + 1 < length ? codes[end + 1]! : 32;
    // Acronym plurals: "EKGs", "PLCs", "APIs" (the case check still applies to the acronym itself).
    if ((flags & MODE_MASK) === EXACT_CASE && (flags & ACRONYM) !== 0 && next === LOWER_S && WORD_CHAR[after] === 0) return end + 1;
    if ((flags & MODE_MASK) !== ANY_CASE || patternLength < 3) return -1;
    if (next === LOWER_S && patternLength >= 4 && WORD_CHAR[after] === 0) return end + 1; // plural
    if (isDigit(next)) {
      let j = end;
      while (j < length && (isDigit(codes[j]!) || (codes[j] === DOT && j + 1 < length && isDigit(codes[j + 1]!)))) j++;
      return j < length && WORD_CHAR[codes[j]!] === 1 ? -1 : j; // version suffix: "Python3", "HTML5"
    }
    return -1;
  }
  if (next === PLUS || next === HASH) return -1; // "C" in "C+" / "C#" is another skill
  if (next === DOT && end + 1 < length && WORD_CHAR[codes[end + 1]!] === 1) return -1; // "Express" in "Express.js"-like names
  return end;
}

/**
 * Whether a capitalised word at text[start .. end) opens a sentence of prose: nothing but space
 * before it since the text's start, a full stop or a line break, and a lower-case word after it
 * ("Analyze and evaluate…", "Route or reroute…"), where a product name in a list or a heading is
 * followed by punctuation, a capital or nothing.
 */
function startsProseSentence(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && JS_SPACE[text.charCodeAt(i)] === 1 && text.charCodeAt(i) !== 10) i--;
  const before = i < 0 ? 10 : text.charCodeAt(i);
  if (before !== 10 && before !== DOT && before !== 33 && before !== 63 && before !== 58) return false;
  let j = end;
  if (j >= text.length || text.charCodeAt(j) !== 32) return false;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  const next = text.charCodeAt(j);
  return next >= 97 && next <= 122;
}

/**
 * Whether text[from .. to) reads `expected` once each white-space run (regex \s) is taken as one
 * space: the case check on the caller's own spelling, without slicing or a regex per match.
 */
function writtenAs(text: string, from: number, to: number, expected: string): boolean {
  let j = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (JS_SPACE[c] === 1) {
      while (i + 1 < to && JS_SPACE[text.charCodeAt(i + 1)] === 1) i++;
      if (expected.charCodeAt(j++) !== 32) return false;
    } else if (expected.charCodeAt(j++) !== c) return false;
  }
  return j === expected.length;
}

/**
 * Sort order of candidates: by start, longest first; on the same span the longer term wins
 * ("ACLS" itself over the plural of "ACL").
 */
function outranks(c: Candidate, other: Candidate): boolean {
  if (other.start !== c.start) return other.start > c.start;
  if (other.end !== c.end) return other.end < c.end;
  return other.length < c.length;
}

/** Leftmost-longest: at each position keep the longest match; drop matches inside a kept one. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  // Stable insertion sort by (start, longest first): hits arrive ordered by end, so nearly sorted already.
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i]!;
    let j = i - 1;
    while (j >= 0 && outranks(c, candidates[j]!)) {
      candidates[j + 1] = candidates[j]!;
      j--;
    }
    candidates[j + 1] = c;
  }
  const kept: Candidate[] = [];
  let coveredTo = -1;
  for (const c of candidates) {
    if (c.start < coveredTo) continue;
    kept.push(c);
    coveredTo = c.end;
  }
  return kept;
}

const FINGERPRINT_BYTES = 32;

/** SHA-256 over the patterns in order: a compiled automaton fits only the very same list. */
function patternsFingerprint(patterns: readonly string[]): string {
  const hash = createHash('sha256');
  for (const pattern of patterns) hash.update(pattern).update('\u0000');
  return hash.digest('hex');
}

function loadOrCompile(patterns: readonly string[], fingerprint: string, compiled: Uint8Array | undefined): DenseAutomaton {
  if (compiled && compiled.byteLength > FINGERPRINT_BYTES && Buffer.from(compiled.subarray(0, FINGERPRINT_BYTES)).toString('hex') === fingerprint) {
    try {
      return new DenseAutomaton(patterns, undefined, compiled.subarray(FINGERPRINT_BYTES));
    } catch {
      // A damaged file: compile instead (same result, slower start).
    }
  }
  return new DenseAutomaton(patterns);
}

let builtIn: SkillExtractor | undefined;
let builtInFor: Taxonomy | undefined;
let precompiled: Uint8Array | undefined;

/** A compiled automaton for the next getSkillExtractor() (see SkillExtractor.serializeCompiled). */
export function usePrecompiledAutomaton(compiled: Uint8Array): void {
  precompiled = compiled;
}

/** Extractor over the process's taxonomy (see getSkillTaxonomy), compiled on first use. */
export function getSkillExtractor(): SkillExtractor {
  const taxonomy = getSkillTaxonomy();
  if (!builtIn || builtInFor !== taxonomy) {
    builtIn = new SkillExtractor(taxonomy, precompiled);
    builtInFor = taxonomy;
    precompiled = undefined;
  }
  return builtIn;
}

/**
 * Skills mentioned in `text`, in order of first mention, each with its canonical name, category,
 * how the text qualifies it (required / nice-to-have / unspecified) and every span it was found in.
 */
export function extractSkills(text: string): ExtractedSkill[] {
  return getSkillExtractor().extract(text);
}
