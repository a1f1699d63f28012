import type { SkillCategory } from '../types';

/**
 * Compact source format for the taxonomy: one skill per line,
 *
 *   Name | alias, alias | parent, parent | related, related
 *
 * Trailing fields may be omitted; blank lines and lines starting with `#` are ignored.
 * A term (the name or an alias) may carry a matching marker:
 *   `=Term`  match only with this exact casing (or ALL CAPS) — e.g. `=Excel` vs "excel at";
 *   `?Term`  exact casing AND technical context nearby — e.g. `?Go` vs "go to", `?Rust` vs "rust";
 *   `!Name`  (name only) the bare name is too common a word to match ("Sales"); only aliases match.
 * Markers only affect extraction; the stored names and aliases are plain text.
 */
export interface SkillSource {
  category: SkillCategory;
  lines: string;
}
