import { JS_SPACE as JS_SPACE_TABLE } from './char-tables';
import { CUE, headingKind, resolveRequirements, type Qualifier } from './requirement';
import type { SkillRequirement } from './types';

/**
 * Same answers as resolveRequirements (requirement.ts, the reference), computed with less work:
 * a sentence never spans a line break, so only lines that hold a skill are looked at closely;
 * a line with no cue trigger word (below) cannot hold a cue, so its skills take the section
 * without splitting it; otherwise the line is split into clauses by hand (same rules as the
 * reference's splitter regex) and the cue regex runs at most once per clause, only on clauses that
 * hold a trigger and only when a skill's resolution looks at them. Lines too long to be headings
 * are rejected without a regex; lines after the last skill are skipped.
 */

/**
 * Every match of CUE contains one of these (lower-cased, as the extractor's normalised text is):
 * each alternative of NICE / REQUIRED in requirement.ts has one of them, starting at a word start.
 * The extractor finds them in its single automaton pass and passes their positions as hints.
 * requirement-scan.spec.ts checks the claim on every alternative.
 */
export const CUE_TRIGGERS: readonly string[] = [
  'to have',
  'to-have',
  'prefer',
  'desir',
  'bonus',
  'plus',
  'advantage',
  'ideally',
  'optional',
  'would',
  'helpful',
  'beneficial',
  'appreciated',
  'welcome',
  'credit',
  'better',
  'requir',
  'must',
  'mandatory',
  'essential',
  'necessary',
  'need',
  'minimum',
  'least',
  'qualifications',
];

interface Clause {
  start: number;
  end: number;
  breakAfter: boolean;
  /** undefined = not looked for yet, null = none. */
  cue: { kind: Qualifier; at: number } | null | undefined;
  /** First skill position in the clause (Infinity when none). */
  firstSkill: number;
  resolved: Qualifier | undefined | null;
}

const HASH = 35;
const STAR = 42;
const UNDERSCORE = 95;
const GT = 62;
const HYPHEN = 45;
const BULLET = 0x2022;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
const MAX_HEADING = 60;
const COMMA = 44;
// Module-local binding: transpiled imports become property reads (or getters) per use, in per-character loops.
const JS_SPACE = JS_SPACE_TABLE;
const CONTRASTIVE = ['but', 'whereas', 'while', 'although', 'though', 'however'];

/** headingKind(text.slice(from, to)), skipping the regexes when the trimmed line is too long to be a heading. */
function headingAt(text: string, from: number, to: number): Qualifier | 'neutral' | null {
  // Mirrors headingKind's trimming: trim(), then strip /^[#*•\-–—\s>]+/ and /[*_\s]+$/.
  let a = from;
  let b = to;
  while (a < b && JS_SPACE[text.charCodeAt(a)] === 1) a++;
  while (b > a && JS_SPACE[text.charCodeAt(b - 1)] === 1) b--;
  for (; a < b; a++) {
    const c = text.charCodeAt(a);
    if (!(
      JS_SPACE[c] === 1 ||
      c === HASH ||
      c === STAR ||
      c === BULLET ||
      c === HYPHEN ||
      c === EN_DASH ||
      c === EM_DASH ||
      c === GT
    ))
      break;
  }
  for (; b > a; b--) {
    const c = text.charCodeAt(b - 1);
    if (!(JS_SPACE[c] === 1 || c === STAR || c === UNDERSCORE)) break;
  }
  if (b === a || b - a > MAX_HEADING) return null;
  return headingKind(text.slice(from, to));
}

/**
 * Length of a clause separator starting at `i` (0 if none), as the reference's splitter
 * /[.!?;](?=\s|$)|,|\s(?:but|whereas|while|although|though|however)\s|\s[-–—]\s/g matches within the line [.., end).
 */
function separatorAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 46 || c === 33 || c === 63 || c === 59)
    return i + 1 === end || JS_SPACE[text.charCodeAt(i + 1)] === 1 ? 1 : 0; // . ! ? ;
  if (c === COMMA) return 1;
  if (JS_SPACE[c] !== 1) return 0;
  const d = text.charCodeAt(i + 1);
  if ((d === HYPHEN || d === EN_DASH || d === EM_DASH) && i + 2 < end && JS_SPACE[text.charCodeAt(i + 2)] === 1)
    return 3;
  if (d !== 98 && d !== 119 && d !== 97 && d !== 116 && d !== 104) return 0; // b, w, a, t, h: first letters of CONTRASTIVE
  for (const word of CONTRASTIVE) {
    const after = i + 1 + word.length;
    if (after < end && JS_SPACE[text.charCodeAt(after)] === 1 && text.startsWith(word, i + 1)) return word.length + 2;
  }
  return 0;
}

function newClause(start: number, end: number, breakAfter: boolean): Clause {
  return { start, end, breakAfter, cue: undefined, firstSkill: Infinity, resolved: null };
}

/** The line's clauses, as the reference's segmentText builds them. */
function splitLine(text: string, lineStart: number, lineEnd: number): Clause[] {
  const clauses: Clause[] = [];
  let from = lineStart;
  for (let i = lineStart; i < lineEnd;) {
    const length = separatorAt(text, i, lineEnd);
    if (length === 0) {
      i++;
      continue;
    }
    const endsSentence = length === 1 && text.charCodeAt(i) !== COMMA;
    if (i > from) clauses.push(newClause(from, i, endsSentence));
    else if (endsSentence && clauses.length > 0) clauses[clauses.length - 1]!.breakAfter = true;
    from = i + length;
    i = from;
  }
  if (lineEnd > from) clauses.push(newClause(from, lineEnd, true));
  else if (clauses.length > 0) clauses[clauses.length - 1]!.breakAfter = true;
  return clauses;
}

function cueOf(text: string, clause: Clause): Clause['cue'] {
  if (clause.cue === undefined) {
    CUE.lastIndex = 0;
    const m = CUE.exec(text.slice(clause.start, clause.end));
    clause.cue = m ? { kind: m[1] ? 'nice-to-have' : 'required', at: clause.start + m.index } : null;
  }
  return clause.cue;
}

/** A cue that comes before the clause's first skill ("Must have Python") qualifies what follows it. */
function isPrefix(text: string, clause: Clause): boolean {
  const cue = cueOf(text, clause);
  return cue != null && cue.at < clause.firstSkill;
}

function resolveClause(
  text: string,
  clauses: Clause[],
  index: number,
  section: Qualifier | undefined,
): Qualifier | undefined {
  const clause = clauses[index]!;
  if (clause.resolved !== null) return clause.resolved;
  let kind = cueOf(text, clause)?.kind;
  if (!kind) {
    // Leading cue earlier in the same sentence.
    for (let i = index - 1; i >= 0 && !clauses[i]!.breakAfter; i--) {
      const c = clauses[i]!;
      if (cueOf(text, c)) {
        if (isPrefix(text, c)) kind = c.cue!.kind;
        break;
      }
    }
  }
  if (!kind && !clause.breakAfter) {
    // Trailing cue later in the same sentence.
    for (let i = index + 1; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (cueOf(text, c)) {
        if (!isPrefix(text, c)) kind = c.cue!.kind;
        break;
      }
      if (c.breakAfter) break;
    }
  }
  kind ??= section;
  clause.resolved = kind;
  return kind;
}

/** Start of the line's first clause (after any leading separators), or -1 when the line has none. */
function firstClauseStart(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd) {
    const length = separatorAt(text, i, lineEnd);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/**
 * Qualifier for each skill occurrence; `positions` are offsets into `text`, ascending for the fast
 * path. `cueHints`, when given, are the ascending offsets of every CUE_TRIGGERS occurrence in the
 * text (a superset of where cues can be); without them every clause a resolution needs is tested.
 */
export function resolveRequirementsFast(
  text: string,
  positions: readonly number[],
  cueHints?: readonly number[],
): SkillRequirement[] {
  if (positions.length === 0) return [];
  for (let i = 1; i < positions.length; i++)
    if (positions[i]! < positions[i - 1]!) return resolveRequirements(text, positions);
  const result = new Array<SkillRequirement>(positions.length);
  let section: Qualifier | undefined;
  let p = 0;
  let h = 0;
  let lineStart = 0;
  while (p < positions.length && lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const heading = headingAt(text, lineStart, lineEnd);
    if (heading) section = heading === 'neutral' ? undefined : heading;
    if (positions[p]! <= lineEnd) {
      if (cueHints) while (h < cueHints.length && cueHints[h]! < lineStart) h++;
      const mayHaveCue = !cueHints || (h < cueHints.length && cueHints[h]! < lineEnd);
      if (!mayHaveCue) {
        // No cue anywhere in the line: its skills take the section.
        const first = firstClauseStart(text, lineStart, lineEnd);
        // A skill before the line's first clause would belong to an earlier line in the reference: defer to it.
        if (first < 0 || positions[p]! < first) return resolveRequirements(text, positions);
        for (; p < positions.length && positions[p]! <= lineEnd; p++) result[p] = section ?? 'unspecified';
      } else {
        const clauses = splitLine(text, lineStart, lineEnd);
        if (clauses.length === 0 || positions[p]! < clauses[0]!.start) return resolveRequirements(text, positions);
        if (cueHints) {
          // Clauses without a trigger cannot hold a cue: skip their regex.
          let k = h;
          for (const clause of clauses) {
            while (k < cueHints.length && cueHints[k]! < clause.start) k++;
            if (k >= cueHints.length || cueHints[k]! >= clause.end) clause.cue = null;
          }
        }
        let c = 0;
        const first = p;
        for (; p < positions.length && positions[p]! <= lineEnd; p++) {
          const pos = positions[p]!;
          while (c + 1 < clauses.length && clauses[c + 1]!.start <= pos) c++;
          const clause = clauses[c]!;
          if (pos < clause.firstSkill) clause.firstSkill = pos;
        }
        c = 0;
        for (let q = first; q < p; q++) {
          const pos = positions[q]!;
          while (c + 1 < clauses.length && clauses[c + 1]!.start <= pos) c++;
          result[q] = resolveClause(text, clauses, c, section) ?? 'unspecified';
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return result;
}
