/** Word-level helpers for the "strongest overlapping requirement lines" part of an explanation. */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do for from has have how in into is it its of on or our ' +
    'over per should so such than that the their them then there these they this to under up us was ' +
    'we were what when where which while who will with within without you your yours able about ' +
    'across all also any both each etc experience experienced including knowledge good great strong ' +
    'work working team teams role years year skills skill ability well must have required preferred ' +
    'plus bonus nice looking join help using use new'
  ).split(/\s+/),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#./-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;

const isContentWord = (word: string) => (word.length >= 3 || word.includes('+') || word.includes('#')) && !STOP_WORDS.has(word);

/** Lower-cased content words (3+ characters, not stop words); keeps tech tokens like c++, node.js, ci/cd. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter(isContentWord);
}

/** contentWords without repeats, first occurrence first (for short texts such as one requirement line). */
export function distinctContentWords(lowerText: string): string[] {
  const words: string[] = [];
  for (const word of lowerText.match(WORD) ?? []) if (isContentWord(word) && !words.includes(word)) words.push(word);
  return words;
}

const TWO_WORDS = /\S\s+\S/;

/** Requirement-like lines: bullet or line breaks first, sentences when a line is long prose. */
export function requirementLines(text: string, maxLines = 60): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n|[•●▪◦]/)) {
    const line = raw.replace(/^(?:[\s*\-–—·>]+|\d{1,2}[.)]\s+)+/, '').trim();
    if (!line) continue;
    const parts = line.length > 200 ? line.split(/(?<=[.;!?])\s+/) : [line];
    for (const part of parts) {
      const trimmed = part.trim();
      if (TWO_WORDS.test(trimmed)) lines.push(trimmed);
      if (lines.length >= maxLines) return lines;
    }
  }
  return lines;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letter or digit; ASCII answered without a regular expression (this runs for every skill mention). */
function isWordChar(char: string): boolean {
  if (char === '') return false;
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(char);
}

/** Whether `skill` occurs in `lowerText` as a whole term (case-insensitive). */
export function mentionsSkill(lowerText: string, skill: string): boolean {
  return mentionsLowerTerm(lowerText, skill.toLowerCase());
}

/** mentionsSkill for a term already lower-cased (explanations test each matched skill against every line). */
export function mentionsLowerTerm(lowerText: string, needle: string): boolean {
  let index = lowerText.indexOf(needle);
  while (index >= 0) {
    const before = index === 0 ? '' : lowerText.charAt(index - 1);
    const after = lowerText.charAt(index + needle.length);
    if (!isWordChar(before) && !isWordChar(after) && after !== '+' && after !== '#') return true;
    index = lowerText.indexOf(needle, index + 1);
  }
  return false;
}
