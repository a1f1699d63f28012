import type { SkillRequirement } from './types';

export type Qualifier = Exclude<SkillRequirement, 'unspecified'>;

// Explicit qualifiers only: "strong" or "5+ years" do not turn a preferred skill into a required one.
const NICE =
  String.raw`nice[- ]to[- ]haves?|good[- ]to[- ]haves?|great[- ]to[- ]have|preferred|preferably|preference|desired|desirable|bonus|a\s+plus|(?:big|huge|definite|strong|major|nice|added|extra|real)\s+plus|pluses|plus\s*:|is\s+plus|advantage|advantageous|ideally|optional|not\s+(?:strictly\s+)?(?:required|necessary|mandatory|essential|a\s+must)|would\s+be\s+(?:great|nice|helpful|useful|beneficial|good)|helpful|beneficial|appreciated|welcomed?|extra\s+credit|even\s+better|(?:is|are)\s+a\s+bonus`;
const REQUIRED = String.raw`required|requirements?|requires?|must[- ]haves?|must|mandatory|essential|necessary|need\s+to\s+have|you\s+(?:will\s+)?need|needed|minimum|at\s+least|qualifications\s*:`;
export const CUE = new RegExp(String.raw`\b(?:(${NICE})|(${REQUIRED}))\b`, 'gi');

const HEADING_NICE = new RegExp(String.raw`\b(?:${NICE}|plus|ideal|added|extra)\b`, 'i');
const HEADING_REQUIRED =
  /\b(requirements?|required|must|qualifications|what you('ll| will)? need|you need|looking for|who you are|what you bring|you bring|you have|you've got|about you|your profile|essential|mandatory|minimum|basic|key skills|skills (and|&) experience|experience (and|&) skills|what we need|what we expect)\b/i;
const HEADING_NEUTRAL =
  /\b(responsibilit(y|ies)|about|benefits|what you('ll| will) do|the role|role|duties|perks|we offer|offer|description|overview|company|team|compensation|salary|location|summary|education|projects|work experience|employment|certifications|day[- ]to[- ]day|stack|tools|tasks|mission|impact|process|how to apply|why|who we are|our|culture|technologies|skills)\b/i;

interface Segment {
  start: number;
  end: number;
  cue?: { kind: Qualifier; at: number };
  section: Qualifier | undefined;
  /** The clause ends a sentence (or a line). */
  breakAfter: boolean;
}

/** Classifies a line as a section heading; returns null when the line is ordinary text. */
export function headingKind(line: string): Qualifier | 'neutral' | null {
  const core = line
    .trim()
    .replace(/^[#*•\-–—\s>]+/, '')
    .replace(/[*_\s]+$/, '');
  if (!core || core.length > 60) return null;
  const endsWithColon = core.endsWith(':');
  const text = endsWithColon ? core.slice(0, -1) : core;
  const words = text.split(/\s+/).length;
  const looksLikeHeading =
    endsWithColon || line.trim().startsWith('#') || (/[A-Z]{3}/.test(text) && text === text.toUpperCase()) || (words <= 6 && !/[.,;!?]/.test(text));
  if (!looksLikeHeading || words > 8) return null;
  if (HEADING_NICE.test(text)) return 'nice-to-have';
  if (HEADING_REQUIRED.test(text)) return 'required';
  if (endsWithColon || HEADING_NEUTRAL.test(text) || line.trim().startsWith('#')) return 'neutral';
  return null;
}

/** Splits the text into clause segments, each tagged with its section and any explicit cue. */
function segmentText(text: string): Segment[] {
  const segments: Segment[] = [];
  let section: Qualifier | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const heading = headingKind(line);
    if (heading) section = heading === 'neutral' ? undefined : heading;
    // Sentences end at . ! ? ; followed by space; clauses at commas and contrastive words.
    const splitter = /[.!?;](?=\s|$)|,|\s(?:but|whereas|while|although|though|however)\s|\s[-–—]\s/g;
    let from = 0;
    for (let m = splitter.exec(line); m; m = splitter.exec(line)) {
      const endsSentence = /^[.!?;]$/.test(m[0]);
      if (m.index > from) segments.push({ start: lineStart + from, end: lineStart + m.index, section, breakAfter: endsSentence });
      else if (endsSentence && segments.length > 0) segments[segments.length - 1]!.breakAfter = true;
      from = m.index + m[0].length;
    }
    if (line.length > from) segments.push({ start: lineStart + from, end: lineEnd, section, breakAfter: true });
    else if (segments.length > 0) segments[segments.length - 1]!.breakAfter = true; // a line end closes the sentence
    lineStart = lineEnd + 1;
  }
  for (const seg of segments) {
    CUE.lastIndex = 0;
    const m = CUE.exec(text.slice(seg.start, seg.end));
    if (m) seg.cue = { kind: m[1] ? 'nice-to-have' : 'required', at: seg.start + m.index };
  }
  return segments;
}

/**
 * Qualifier for each skill occurrence (positions are offsets into `text`). A cue in the same
 * clause wins; otherwise the clause takes a leading cue from an earlier clause of the same sentence
 * ("Must have Python, Java") or a trailing one from a later clause ("Python, Java required");
 * otherwise the section heading ("Nice to have:"); otherwise 'unspecified'.
 */
export function resolveRequirements(text: string, positions: readonly number[]): SkillRequirement[] {
  if (positions.length === 0) return [];
  const segments = segmentText(text);
  const firstSkillIn = new Map<Segment, number>();
  const segmentOf = positions.map((pos) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo]!;
    const prev = firstSkillIn.get(seg);
    if (prev === undefined || pos < prev) firstSkillIn.set(seg, pos);
    return lo;
  });
  const isPrefix = (seg: Segment) => seg.cue !== undefined && seg.cue.at < (firstSkillIn.get(seg) ?? Infinity);

  const resolved = new Map<number, Qualifier | undefined>();
  const resolve = (index: number): Qualifier | undefined => {
    if (resolved.has(index)) return resolved.get(index);
    const seg = segments[index]!;
    let kind: Qualifier | undefined = seg.cue?.kind;
    if (!kind) {
      // Leading cue earlier in the same sentence.
      for (let i = index - 1; i >= 0 && !segments[i]!.breakAfter; i--) {
        const s = segments[i]!;
        if (s.cue) {
          if (isPrefix(s)) kind = s.cue.kind;
          break;
        }
      }
    }
    if (!kind && !seg.breakAfter) {
      // Trailing cue later in the same sentence.
      for (let i = index + 1; i < segments.length; i++) {
        const s = segments[i]!;
        if (s.cue) {
          if (!isPrefix(s)) kind = s.cue.kind;
          break;
        }
        if (s.breakAfter) break;
      }
    }
    kind ??= seg.section;
    resolved.set(index, kind);
    return kind;
  };
  return segmentOf.map((i) => resolve(i) ?? 'unspecified');
}
