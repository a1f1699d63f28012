import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SkillCategory } from '../types';
import { HOT_TECHNOLOGY, IN_DEMAND, ONET_DATA_FORMAT, onetAttribution, type OnetDataset, type OnetOccupation, type OnetSkill } from './dataset';
import { readOnetRelease, readOnetTable } from './onet-files';
import { normalizeTitle } from './occupations';

/**
 * Builds the runtime skills and occupation data from an O*NET text release. O*NET names are
 * catalogue entries ("Microsoft Excel", "Structured query language SQL", "Atlassian JIRA"); the
 * spellings people write are generated here: vendor prefix dropped, trailing or parenthesised
 * acronym split off, ALL-CAPS words also in title case. Generic entries ("Email software") are
 * marked and kept out of extraction. Everyday words are never generated as bare aliases, and a
 * product whose own name is one ("Slack", "Square") matches only in its written casing with
 * context (the `?` marker).
 */

/** Trailing words that make an entry a kind of software rather than a product. */
const GENERIC_HEAD = /\s(software|systems?|programs?|applications?|tools?|packages?|databases?|platforms?|utilities|suites?)$/;
/** Words after a vendor name that are part of the vendor ("Elite Software Plumbing CAD"). */
const VENDOR_SUFFIX = /^(software|systems|technologies|technology|corporation|corp|inc|incorporated|solutions|group|international|associates)$/i;

/** Commodity title → taxonomy category; first match wins, default 'business'. */
const CATEGORY_RULES: [RegExp, SkillCategory][] = [
  [/data access and sharing|instant messaging|video conferencing|electronic mail|collaboration|calendar|office suite/i, 'business'],
  [/medical|clinical|pharmac|patient|health|dental|laboratory/i, 'healthcare'],
  [/security|encryption|virus|firewall|intrusion|authentication|identity/i, 'security'],
  [/cloud|configuration management|network|server|virtuali[sz]ation|backup|storage|operating system|system and network|transaction server/i, 'cloud-devops'],
  [/analytical|scientific|business intelligence|data mining|statistical|data base|database|query|data analysis/i, 'data-ml'],
  [/development environment|object or component|web platform|program testing|compiler|programming|web page creation|application server|middleware|enterprise application integration|metadata|development/i, 'software'],
  [/computer aided design|graphics|photo|video|desktop publishing|map creation|animation|music|sound|font|drawing|image/i, 'design'],
  [/industrial control|manufacturing|computer aided manufacturing|facilities|plant|process control|machine|robot/i, 'trades'],
  [/accounting|financial|tax|point of sale|procurement|banking|investment|billing|expense|payroll/i, 'finance'],
  [/customer relationship|sales|marketing|e-commerce|electronic commerce|call center/i, 'sales-marketing'],
  [/project management|product/i, 'product'],
];

export function categoryOf(commodityTitle: string): SkillCategory {
  for (const [pattern, category] of CATEGORY_RULES) if (pattern.test(commodityTitle)) return category;
  return 'business';
}

/** The ≈ 274 000 words of the word-list package (an English dictionary), read by the importer only. */
export function englishDictionary(): string[] {
  // The package is ESM with a default export of this path; resolving it from CommonJS gives index.js beside it.
  return readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8').split('\n').filter(Boolean);
}

/** Lower-case words of ordinary English, read from the release's own prose (tasks, descriptions, titles). */
export function buildLexicon(prose: Iterable<string>, extra: Iterable<string> = EVERYDAY_WORDS): Set<string> {
  const words = new Set<string>(extra);
  for (const text of prose) for (const match of text.matchAll(/(?<![A-Za-z0-9])[a-z][a-z'-]*[a-z](?![A-Za-z0-9])/g)) words.add(match[0]);
  return words;
}

/**
 * Everyday words the O*NET prose may not use but that collide with product names (hand-written;
 * see ambiguity.ts for the per-name rules of the curated taxonomy).
 */
const EVERYDAY_WORDS = [
  'slack', 'zoom', 'square', 'toast', 'box', 'act', 'word', 'words', 'access', 'teams', 'project', 'outlook', 'canvas',
  'banner', 'notes', 'sheets', 'forms', 'keynote', 'pages', 'numbers', 'photos', 'maps', 'drive', 'docs', 'chrome',
  'edge', 'safari', 'delphi', 'oracle', 'sage', 'epic', 'apple', 'amazon', 'shell', 'windows', 'office', 'mail',
  'calendar', 'contacts', 'email', 'e-mail', 'paint', 'groove', 'juno', 'dash', 'hive', 'pig', 'spark', 'storm', 'flume', 'beam', 'kite',
  'atlas', 'compass', 'anchor', 'bridge', 'harvest', 'wave', 'trello', 'basecamp', 'monday', 'asana', 'quest',
  'mercury', 'jupiter', 'saturn', 'mars', 'venus', 'apollo', 'titan', 'gemini', 'orion', 'phoenix', 'eclipse',
  'ruby', 'perl', 'pearl', 'python', 'java', 'go', 'swift', 'rust', 'dart', 'elixir', 'crystal', 'julia', 'scratch',
  'logo', 'alice', 'ada', 'squeak', 'smalltalk', 'prism', 'lens', 'scope', 'pulse', 'vision', 'insight', 'focus',
  'impact', 'fusion', 'nexus', 'matrix', 'vector', 'raster', 'origin', 'genesis', 'summit', 'pinnacle', 'elite',
  'premier', 'prime', 'nova', 'sonar', 'radar', 'echo', 'signal', 'telegram', 'line', 'viber', 'kik', 'meet',
  'duo', 'ring', 'nest', 'alexa', 'cortana', 'siri', 'bing', 'yahoo', 'ask', 'gimp', 'inkscape', 'blender', 'maya',
  'houdini', 'nuke', 'fusion', 'resolve', 'premiere', 'audition', 'animate', 'dreamweaver', 'bridge', 'stream',
  'flow', 'flex', 'air', 'sharp', 'ace', 'aces', 'champ', 'ember', 'backbone', 'knockout', 'meteor', 'express',
  'gatsby', 'svelte', 'solid', 'lit', 'alpine', 'mint', 'arch', 'debian', 'fedora', 'gentoo', 'mandrake', 'cassandra',
  'redis', 'couch', 'realm', 'firebase', 'parse', 'gin', 'martini', 'beego', 'echo', 'iris', 'fiber', 'buffalo',
  'dynamics', 'navigator', 'explorer', 'commander', 'manager', 'director', 'professional', 'standard', 'express',
  'basic', 'visual', 'studio', 'workbench', 'toolkit', 'toolbox', 'designer', 'builder', 'creator', 'maker',
  'writer', 'reader', 'viewer', 'player', 'recorder', 'tracker', 'planner', 'scheduler', 'monitor', 'analyzer',
];

/**
 * Product short names that are also everyday words, generated only in their written casing and
 * with context nearby (the `?` marker): "Instructure Canvas" → "Canvas", "Ellucian Banner" → "Banner".
 */
export const EVERYDAY_SHORT_NAMES = new Set(['canvas', 'banner', 'outlook', 'teams', 'access', 'project', 'word', 'visio', 'sheets', 'keynote', 'acrobat', 'dynamics', 'colleague']);

/** "JIRA" → "Jira" (only for ALL-CAPS words of 5+ letters, which are names, not acronyms). */
function titleCaseCapsWords(text: string): string {
  return text.replace(/\b[A-Z]{5,}\b/g, (word) => word.charAt(0) + word.slice(1).toLowerCase());
}

const ACRONYM = /^[A-Z][A-Z0-9]*[A-Z0-9](?:[-/.&+][A-Z0-9]+)*$/;

function initialsContain(words: string[], acronym: string): boolean {
  const initials = words.map((w) => w.charAt(0).toLowerCase()).join('');
  let j = 0;
  for (const c of acronym.toLowerCase().replace(/[^a-z]/g, '')) {
    j = initials.indexOf(c, j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

/** A capitalised first word that is no word of the release's prose: a vendor ("Microsoft", "Instructure", not "Medical"). */
function isVendorWord(word: string, ctx: SpellingContext): boolean {
  return /^[A-Z0-9]/.test(word) && !ctx.prose.has(word.toLowerCase());
}

export interface SpellingContext {
  lexicon: Set<string>;
  /** Words of the release's own prose only (no hand-written everyday words). */
  prose: Set<string>;
  /** Everyday words that may still be a product's short name, in its casing and with context ("Canvas"). */
  everydayShortNames: Set<string>;
}

/** Every word is an everyday word (an acronym written in capitals, "GP", is not). */
const isLexiconPhrase = (text: string, lexicon: Set<string>) =>
  text
    .split(/[\s-]+/)
    .every((word) => {
      if (word.length >= 2 && /^[A-Z0-9]+$/.test(word) && /[A-Z]/.test(word)) return false;
      const w = word.toLowerCase();
      return lexicon.has(w) || /^\d+$/.test(w) || ['and', 'or', 'of', 'for', 'the', 'to', 'with', 'in', 'on', 'a'].includes(w);
    });

/** Whether every word of `text` is written in lower case (the first may be capitalised). */
const isLowerCasePhrase = (text: string) => text.split(/\s+/).every((word, i) => (i === 0 ? word.slice(1) : word) === (i === 0 ? word.slice(1) : word).toLowerCase());

export function isGenericName(name: string, lexicon: Set<string>): boolean {
  if (!GENERIC_HEAD.test(name)) return false;
  const head = name.replace(GENERIC_HEAD, '');
  // "Credit card processing software", "Automated equipment identification AEI software".
  const words = head.split(/\s+/).filter((w) => !ACRONYM.test(w));
  if (words.length === 0 || !isLowerCasePhrase(words.join(' '))) return false;
  // One capitalised word may be a brand ("Alteryx software"), unless it is an everyday word ("Billing software").
  return words.length > 1 || lexicon.has(words[0]!.toLowerCase()) || /ing$/.test(words[0]!);
}

/** The marker for a single spelling: multi-word any case, a single word in its written casing, an everyday word with context too. */
function markerFor(spelling: string, lexicon: Set<string>): '' | '=' | '?' {
  // Everyday words only: lower case they are prose ("private practices", "site managers"); capitalised a name.
  if (/\s/.test(spelling.trim())) return isLexiconPhrase(spelling, lexicon) ? (isLowerCasePhrase(spelling) ? '?' : '=') : '';
  const letters = spelling.replace(/[^A-Za-z]/g, '');
  if (lexicon.has(spelling.toLowerCase()) || lexicon.has(letters.toLowerCase())) return '?';
  return '=';
}

/** Spellings of an O*NET name (excluding the name itself), with their markers. */
export function generateAliases(name: string, ctx: SpellingContext): string[] {
  const out = new Map<string, string>();
  const add = (spelling: string, allowEveryday = false) => {
    const s = spelling.trim().replace(/\s+/g, ' ');
    if (s.length < 2 || s === name || /^[\d\W]/.test(s)) return;
    const words = s.split(' ');
    // A bare everyday word or phrase ("Database", "Practice Management") is no name for one product.
    if (!allowEveryday && isLexiconPhrase(s, ctx.lexicon) && !ctx.everydayShortNames.has(s.toLowerCase())) return;
    // Two letters name too many things ("PM" from "Allscripts PM").
    if (words.length === 1 && s.length < 3) return;
    if (!out.has(s.toLowerCase())) out.set(s.toLowerCase(), `${markerFor(s, ctx.lexicon)}${s}`);
  };

  const forms = new Set<string>([name]);
  // "Microsoft Internet Information Services (IIS)" → "… Services" and "IIS".
  const paren = /^(.*\S)\s*\(([^)]+)\)\s*(.*)$/.exec(name);
  if (paren) {
    const without = `${paren[1]} ${paren[3]}`.trim();
    forms.add(without);
    if (ACRONYM.test(paren[2]!)) add(paren[2]!);
  }
  for (const form of [...forms]) {
    const stripped = form.replace(/\s+software$/i, '');
    if (stripped !== form) forms.add(stripped);
  }
  for (const form of [...forms]) {
    const words = form.split(' ');
    // Trailing acronym of the preceding words: "Structured query language SQL".
    const last = words[words.length - 1]!;
    if (words.length >= 3 && ACRONYM.test(last) && initialsContain(words.slice(0, -1), last)) {
      add(last);
      forms.add(words.slice(0, -1).join(' '));
    }
    // Vendor prefix: "Microsoft Excel" → "Excel", "Elite Software Plumbing CAD" → "Plumbing CAD".
    if (words.length >= 2 && isVendorWord(words[0]!, ctx)) {
      let k = 1;
      while (k < words.length - 1 && VENDOR_SUFFIX.test(words[k]!)) k++;
      forms.add(words.slice(k).join(' '));
    }
  }
  for (const form of forms) {
    add(form);
    const titled = titleCaseCapsWords(form);
    if (titled !== form) add(titled);
  }
  out.delete(name.toLowerCase());
  return [...out.values()];
}

/**
 * An alias two products would both produce ("ERP" from "Lawson ERP" and "Epicor Vantage ERP")
 * names neither in text: it moves to `sharedAliases`, which only tells the merge that an entry is
 * a curated skill ("SQL" from two spellings of "Structured query language SQL"). An alias equal to
 * another product's own name belongs to that product.
 */
function setAsideSharedAliases(skills: OnetSkill[]): void {
  const keyOf = (term: string) => term.replace(/^[=?]/, '').toLowerCase();
  const names = new Set(skills.map((skill) => keyOf(skill.name)));
  const owners = new Map<string, number>();
  for (const skill of skills) for (const key of new Set(skill.aliases.map(keyOf))) owners.set(key, (owners.get(key) ?? 0) + 1);
  for (const skill of skills) {
    const shared = skill.aliases.filter((alias) => owners.get(keyOf(alias))! > 1 && !names.has(keyOf(alias)));
    if (shared.length > 0) skill.sharedAliases = shared.map((alias) => alias.replace(/^[=?]/, ''));
    skill.aliases = skill.aliases.filter((alias) => owners.get(keyOf(alias)) === 1 && !names.has(keyOf(alias)));
  }
}

/** Reads the release in `folder` and derives the runtime dataset (see dataset.ts). */
export function importOnet(folder: string, now: Date = new Date()): OnetDataset {
  const release = readOnetRelease(folder);
  const technology = readOnetTable(folder, 'technologySkills');
  const occupationRows = readOnetTable(folder, 'occupations');
  const alternateRows = readOnetTable(folder, 'alternateTitles');
  const relatedRows = readOnetTable(folder, 'relatedOccupations');

  // Titles are in title case ("Software Developer"): their words count in lower case.
  const prose = [
    ...occupationRows.map((r) => r['Description']!),
    ...occupationRows.map((r) => r['Title']!.toLowerCase()),
    ...alternateRows.map((r) => r['Alternate Title']!.toLowerCase()),
    ...new Set(technology.map((r) => r['Commodity Title']!.toLowerCase())),
  ];
  const lexicon = buildLexicon(prose, [...EVERYDAY_WORDS, ...englishDictionary()]);
  const ctx: SpellingContext = { lexicon, prose: buildLexicon(prose, []), everydayShortNames: EVERYDAY_SHORT_NAMES };

  const skillIndex = new Map<string, number>();
  const skills: OnetSkill[] = [];
  for (const row of technology) {
    const name = row['Example']!;
    if (!name || skillIndex.has(name)) continue;
    const commodityTitle = row['Commodity Title']!;
    const generic = isGenericName(name, lexicon) || name.toLowerCase() === commodityTitle.toLowerCase();
    skillIndex.set(name, skills.length);
    skills.push({
      name,
      aliases: generic ? [] : generateAliases(name, ctx),
      nameMode: generic ? '' : markerFor(name, lexicon),
      category: categoryOf(commodityTitle),
      commodityCode: row['Commodity Code']!,
      commodityTitle,
      generic,
    });
  }

  setAsideSharedAliases(skills);

  const occupations = new Map<string, OnetOccupation>();
  for (const row of occupationRows) {
    const code = row['O*NET-SOC Code']!;
    occupations.set(code, { code, title: row['Title']!, related: [], skills: [] });
  }
  const indexOf = new Map([...occupations.keys()].map((code, i) => [code, i]));
  const titleEntries = new Map<string, [string, number]>();
  const addTitle = (title: string, occupation: number) => {
    const key = normalizeTitle(title);
    if (key && !key.includes('\n')) titleEntries.set(`${key}\n${occupation}`, [key, occupation]);
  };
  for (const occupation of occupations.values()) addTitle(occupation.title, indexOf.get(occupation.code)!);
  for (const row of alternateRows) {
    const occupation = indexOf.get(row['O*NET-SOC Code']!);
    if (occupation === undefined) continue;
    for (const title of [row['Alternate Title']!, row['Short Title']!]) if (title && title !== 'n/a') addTitle(title, occupation);
  }
  const sortedTitles = [...titleEntries.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  for (const row of relatedRows) {
    const occupation = occupations.get(row['O*NET-SOC Code']!);
    const tier = row['Relatedness Tier']!;
    if (occupation && tier.startsWith('Primary') && occupations.has(row['Related O*NET-SOC Code']!)) occupation.related.push(row['Related O*NET-SOC Code']!);
  }
  for (const row of technology) {
    const occupation = occupations.get(row['O*NET-SOC Code']!);
    const index = skillIndex.get(row['Example']!);
    if (!occupation || index === undefined) continue;
    const flags = (row['Hot Technology'] === 'Y' ? HOT_TECHNOLOGY : 0) | (row['In Demand'] === 'Y' ? IN_DEMAND : 0);
    occupation.skills.push(index * 4 + flags);
  }

  return {
    format: ONET_DATA_FORMAT,
    release,
    attribution: onetAttribution(release),
    importedAt: now.toISOString(),
    skills,
    occupations: [...occupations.values()],
    titleIndex: { titles: sortedTitles.map((e) => e[0]).join('\n'), occupations: sortedTitles.map((e) => e[1]) },
  };
}
