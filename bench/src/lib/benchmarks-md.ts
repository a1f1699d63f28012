import { readFileSync, writeFileSync } from 'node:fs';

/** Replaces the text between `start` and `end` markers of BENCHMARKS.md (the markers included), or appends it. */
export function writeMarkedSection(file: string, start: string, end: string, section: string): void {
  let text = '# Benchmarks\n';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // first section in a new file
  }
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
