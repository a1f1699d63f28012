import { MAX_RAW_TEXT_CHARS } from '@jobmatch/contracts';

/**
 * The text normalization applied before tokenization: trim, collapse every whitespace run to one
 * space, cap at `maxChars` characters (never splitting a surrogate pair). Collapsing first means the
 * cap counts content, not indentation.
 */
export function preprocessText(text: string, maxChars: number = MAX_RAW_TEXT_CHARS): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= maxChars) return collapsed;
  let end = maxChars;
  const lastCode = collapsed.charCodeAt(end - 1);
  if (lastCode >= 0xd800 && lastCode <= 0xdbff) end -= 1; // high surrogate without its pair
  return collapsed.slice(0, end).trimEnd();
}
