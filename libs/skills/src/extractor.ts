import { AhoCorasick } from './automaton';
import { CONTEXT_CATEGORIES, DENY_RULES, GENERAL_CUE, TECH_CUE } from './ambiguity';
import { isWordCode, normalizePattern, normalizeText } from './normalize';
import { resolveRequirements } from './requirement';
import { getSkillTaxonomy, type Taxonomy } from './taxonomy';
import type { ExtractedSkill, SkillDefinition, SkillRequirement, SkillTermMode } from './types';

interface CompiledPattern {
  skill: SkillDefinition;
  mode: SkillTermMode;
  /** The spelling with its original casing, whitespace collapsed (for case checks). */
  cased: string;
  length: number;
  startsWithWordChar: boolean;
  endsWithWordChar: boolean;
  deny: (typeof DENY_RULES)[string] | undefined;
  /** All capitals, 2+ letters ("EKG", "PLC"): may take a lower-case plural "s". */
  acronym: boolean;
}

interface Candidate {
  pattern: CompiledPattern;
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
/** isWordCode as a lookup table, for the automaton's inner loop. */
const WORD_CHAR = Uint8Array.from({ length: 0x10000 }, (_, c) => (isWordCode(c) ? 1 : 0));
const TECH_CATEGORIES = new Set(['software', 'data-ml', 'cloud-devops', 'security']);
/** How far (in normalised characters) another skill may be to give context to an ambiguous one. */
const CONTEXT_DISTANCE = 120;
const CUE_WINDOW = 80;
const REQUIREMENT_RANK: Record<SkillRequirement, number> = { unspecified: 0, 'nice-to-have': 1, required: 2 };

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
  private readonly patterns: CompiledPattern[] = [];
  private readonly automaton: AhoCorasick;
  private readonly startsWithWordChar: Uint8Array;

  constructor(taxonomy: Taxonomy) {
    const seen = new Set<string>();
    const keys: string[] = [];
    for (const term of taxonomy.terms()) {
      const skill = taxonomy.get(term.skill)!;
      const letters = term.text.replace(/[^a-z]/gi, '').length;
      // Two-letter acronyms (ML, UX, JS) only count in their written casing: "ml" is a unit.
      const mode: SkillTermMode = term.mode === 'any-case' && letters <= 2 ? 'exact-case' : term.mode;
      for (const variant of variantsOf(term.text, term.mode)) {
        const key = normalizePattern(variant);
        if (seen.has(key)) continue; // an explicit term always precedes generated variants
        seen.add(key);
        keys.push(key);
        this.patterns.push({
          skill,
          mode,
          cased: variant,
          length: key.length,
          startsWithWordChar: isWordCode(key.charCodeAt(0)),
          endsWithWordChar: isWordCode(key.charCodeAt(key.length - 1)),
          deny: DENY_RULES[term.text.toLowerCase()],
          acronym: /^[A-Z0-9&/-]*[A-Z][A-Z0-9&/-]*[A-Z][A-Z0-9&/-]*$/.test(variant),
        });
      }
    }
    this.automaton = new AhoCorasick(keys);
    this.startsWithWordChar = Uint8Array.from(this.patterns, (p) => (p.startsWithWordChar ? 1 : 0));
  }

  extract(text: string): ExtractedSkill[] {
    if (!text) return [];
    const norm = normalizeText(text);
    const { codes, offsets, length } = norm;
    const candidates: Candidate[] = [];
    for (const hit of this.automaton.search(codes, length, this.startsWithWordChar, WORD_CHAR)) {
      const pattern = this.patterns[hit.pattern]!;
      const end = this.validEnd(pattern, codes, length, hit.start, hit.end);
      if (end < 0) continue;
      const origStart = offsets[hit.start]!;
      const origEnd = offsets[end - 1]! + 1;
      if (pattern.mode !== 'any-case') {
        const written = text.slice(origStart, offsets[hit.end - 1]! + 1).replace(/\s+/g, ' ');
        const caseOk =
          written === pattern.cased || (pattern.mode === 'exact-case' && pattern.length > 2 && written === pattern.cased.toUpperCase());
        if (!caseOk) continue;
      }
      if (pattern.deny) {
        const { before, after } = pattern.deny;
        if (before && before.test(text.slice(Math.max(0, origStart - 40), origStart))) continue;
        if (after && after.test(text.slice(origEnd, origEnd + 40))) continue;
      }
      candidates.push({ pattern, start: hit.start, end, origStart, origEnd });
    }

    const chosen = resolveOverlaps(candidates);
    const accepted = this.applyContext(text, chosen);
    const requirements = resolveRequirements(
      text,
      accepted.map((c) => c.origStart),
    );

    const bySkill = new Map<string, ExtractedSkill>();
    accepted.forEach((c, i) => {
      const requirement = requirements[i]!;
      const evidence = { text: text.slice(c.origStart, c.origEnd), start: c.origStart, end: c.origEnd };
      const existing = bySkill.get(c.pattern.skill.name);
      if (!existing) {
        bySkill.set(c.pattern.skill.name, {
          name: c.pattern.skill.name,
          category: c.pattern.skill.category,
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

  /** End of a valid match (past a plural "s" or version digits), or -1 when the boundaries are wrong. */
  private validEnd(pattern: CompiledPattern, codes: Uint16Array, length: number, start: number, end: number): number {
    if (start > 0) {
      const before = codes[start - 1]!;
      if (isWordCode(before)) return -1;
      // ".js" inside "Vue.js", "NET" inside "ASP.NET": part of a dotted name.
      if (pattern.startsWithWordChar && before === DOT && start > 1 && isWordCode(codes[start - 2]!)) return -1;
      if (pattern.startsWithWordChar && (before === PLUS || before === HASH)) return -1;
    }
    if (end >= length) return end;
    const next = codes[end]!;
    if (!pattern.endsWithWordChar) {
      // "C++17" is fine, "C#x" is not.
      return isWordCode(next) && !isDigit(next) ? -1 : end;
    }
    if (isWordCode(next)) {
      const after = end + 1 < length ? codes[end + 1]! : 32;
      // Acronym plurals: "EKGs", "PLCs", "APIs" (the case check still applies to the acronym itself).
      if (pattern.mode === 'exact-case' && pattern.acronym && next === LOWER_S && !isWordCode(after)) return end + 1;
      if (pattern.mode !== 'any-case' || pattern.length < 3) return -1;
      if (next === LOWER_S && pattern.length >= 4 && !isWordCode(after)) return end + 1; // plural
      if (isDigit(next)) {
        let j = end;
        while (j < length && (isDigit(codes[j]!) || (codes[j] === DOT && j + 1 < length && isDigit(codes[j + 1]!)))) j++;
        return j < length && isWordCode(codes[j]!) ? -1 : j; // version suffix: "Python3", "HTML5"
      }
      return -1;
    }
    if (next === PLUS || next === HASH) return -1; // "C" in "C+" / "C#" is another skill
    if (next === DOT && end + 1 < length && isWordCode(codes[end + 1]!)) return -1; // "Express" in "Express.js"-like names
    return end;
  }

  /** Ambiguous terms survive only with a related skill nearby or a telling word around them. */
  private applyContext(text: string, chosen: Candidate[]): Candidate[] {
    const confirmed = new Set(chosen.filter((c) => c.pattern.mode !== 'needs-context'));
    const pending = chosen.filter((c) => c.pattern.mode === 'needs-context');
    // Two rounds: a confirmed ambiguous term ("Go") may vouch for another ("Rust").
    for (let round = 0; round < 2 && pending.length > 0; round++) {
      for (let i = pending.length - 1; i >= 0; i--) {
        const c = pending[i]!;
        if (this.hasContext(text, c, confirmed)) {
          confirmed.add(c);
          pending.splice(i, 1);
        }
      }
    }
    return chosen.filter((c) => confirmed.has(c));
  }

  private hasContext(text: string, c: Candidate, confirmed: Set<Candidate>): boolean {
    const category = c.pattern.skill.category;
    const allowed = CONTEXT_CATEGORIES[category];
    for (const other of confirmed) {
      if (other.pattern.skill === c.pattern.skill) continue;
      const distance = other.start >= c.end ? other.start - c.end : c.start - other.end;
      if (distance <= CONTEXT_DISTANCE && allowed.includes(other.pattern.skill.category)) return true;
    }
    const window = text.slice(Math.max(0, c.origStart - CUE_WINDOW), c.origEnd + CUE_WINDOW);
    return (TECH_CATEGORIES.has(category) ? TECH_CUE : GENERAL_CUE).test(window);
  }
}

/** Leftmost-longest: at each position keep the longest match; drop matches inside a kept one. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let coveredTo = -1;
  for (const c of candidates) {
    if (c.start < coveredTo) continue;
    kept.push(c);
    coveredTo = c.end;
  }
  return kept;
}

let builtIn: SkillExtractor | undefined;

/** Extractor over the built-in taxonomy, compiled on first use. */
export function getSkillExtractor(): SkillExtractor {
  builtIn ??= new SkillExtractor(getSkillTaxonomy());
  return builtIn;
}

/**
 * Skills mentioned in `text`, in order of first mention, each with its canonical name, category,
 * how the text qualifies it (required / nice-to-have / unspecified) and every span it was found in.
 */
export function extractSkills(text: string): ExtractedSkill[] {
  return getSkillExtractor().extract(text);
}
