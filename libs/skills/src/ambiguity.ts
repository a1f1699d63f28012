import type { SkillCategory } from './types';

/**
 * Rules for skills whose names are also everyday words ("Go", "Swift", "Excel", "Chef").
 * Such terms are marked `?` (or `=`) in the taxonomy data; here we say which surrounding words
 * reveal the everyday sense. `before` is tested against the text just before the match (ends with $),
 * `after` against the text just after it (starts with ^). Keys are lower-case terms.
 */
export interface DenyRule {
  before?: RegExp;
  after?: RegExp;
}

export const DENY_RULES: Record<string, DenyRule> = {
  go: {
    before: /(\bno[- ]|\bon the |\bto |\blet'?s |\ba |\bready to |\bgood to |\bwe |\byou |\bthey |\bi |\bwill |\bcan |\bmust |\bshould |\bgo[- ]|\bgo, )$/i,
    after:
      /^(\s*-\s*to\b|\s*-\s*getter|\s*-\s*live|\s+(to|ahead|beyond|above|through|live|out|back|far|further|into|get|home|wrong|over|along|down|up|for|after|on|the extra|green|-?to-?market|fast|big|bigger|deep|deeper|first|well|hand|viral|public|global|together|anywhere|forth|figure|make|see|solve|build)\b|\s*\/\s*no[- ]go)/i,
  },
  r: {
    before: /([&\-'.(/]|\bcircle |\bvitamin |\bclass |\bgrade |\btype |\bplan |\bstage |\bseries |\bversion |\bsection )$/i,
    after: /^([&'-]|\.[a-z]|\)|\s+(&|and)\s+d\b|\s+us\b|\s+value\b)/i,
  },
  c: {
    before: /([&\-'.(/]|\bvitamin |\bclass |\bgrade |\btype |\bplan |\bstage |\bseries |\bversion |\bsection |\bpart |\bitem |\blevel |\btier |\bcategory |\bschedule |\bform |\busb |\bappendix |\ba, b,? (and |or )?|\bb )$/i,
    after: /^([&'-]|\.[a-z]|\)|\s+(corporation|corp|suite|level|executives?|grade|class)\b|\s*\+\s*(?![+]))/i,
  },
  excel: { after: /^\s+(in|at|as|within|under|beyond|when)\b/i },
  swift: {
    after:
      /^\s+(action|actions|response|responses|resolution|turnaround|delivery|decision|decisions|execution|transfer|transfers|code|codes|message|messages|payment|payments|network|gpi|mt\d*|and\s+(?:decisive|accurate|efficient|effective)|recovery|return|progress|pace|learner|thinking|service|follow-up|escalation)\b/i,
  },
  rust: { after: /^\s+(removal|prevention|proofing|resistant|resistance|belt|stains?|inhibitors?|converter|spots?)\b/i },
  spring: {
    before: /\b(this|next|last|early|late|each|every|since|until|by|during|the|in the|summer,?|winter,?|fall,?|autumn,?)\s+$/i,
    after: /^\s*(semester|term|break|season|cleaning|20\d\d|19\d\d|and\s+summer|quarter|intake|hiring|fair|training|graduates?|internship|cohort|,\s*summer)\b/i,
  },
  chef: {
    before: /\b(sous|head|pastry|executive|line|private|personal|master|celebrity|chief|junior|senior|commis|prep|kitchen|lead|station|de partie)\s+$/i,
    after: /^\s+(de|knife|whites|hat|uniform|jacket)\b/i,
  },
  puppet: { before: /\b(sock|hand|string)\s+$/i, after: /^\s+(show|shows|theater|theatre|master)\b/i },
  express: {
    before: /\b(american|federal|fedex|orient|pony|ups)\s+$/i,
    after:
      /^\s+(interest|written|consent|delivery|mail|shipping|lane|entry|your|yourself|ideas|themselves|myself|concerns|opinions|thoughts|an?|the|gratitude|appreciation|checkout|scripts)\b/i,
  },
  react: {
    after: /^\s+(to|quickly|swiftly|calmly|appropriately|promptly|positively|well|accordingly|fast|immediately|under)\b/i,
  },
  helm: { before: /\b(at|take|taking|took|takes)\s+(the\s+)?$/i, after: /^\s+of\b/i },
  less: {
    after:
      /^\s+(than|is|of|and|experience|time|travel|important|frequently|often|likely|so|about|need|needed|expensive|structured|formal|common|obvious|well|clear|more|tangible)\b/i,
  },
  unity: { after: /^\s+(of|among|within|and\s+diversity|in\s+diversity|is)\b/i },
  spark: { after: /^\s+(joy|curiosity|interest|innovation|conversations?|change|ideas?|creativity|growth)\b/i },
  epic: {
    before: /\b(an?|the|truly)\s+$/i,
    after: /^\s+(fail|fails|stories|story|journey|win|wins|proportions|adventure|level|scale|battle)\b/i,
  },
  bash: { before: /\b(holiday|summer|birthday|office|team|company|annual)\s+$/i },
  oracle: { before: /\b(an?|the)\s+$/i },
  assembly: { after: /^\s+(line|lines|instructions|of|work|workers?|plant|process|drawings?|tasks?)\b/i },
  sketch: { after: /^\s+(out|ideas?|concepts?|artist|comedy|book|books)\b/i },
  vault: { before: /\b(bank|pole|the)\s+$/i },
  ember: { after: /^\s+(glow|pit)\b/i },
  // American Welding Society codes ("AWS D1.1", "AWS certified welder").
  aws: { after: /^\s*(D\d|certified\s+welder|welding|CWI\b)/i, before: /\bwelding society\s*\(?$/i },
  // Names of products that are also everyday words, from the curated additions and the O*NET import.
  slack: { before: /\b(no|some|any|little|cut|pick up|take up|the|more)\s+$/i, after: /^\s+(time|off|season|water|tide|lines?|jaw|period|in\s+the)\b/i },
  zoom: { before: /\b(to|can|will|and|then|or)\s+$/i, after: /^\s+(in|out|into|lens|level|ahead|past|through|by)\b/i },
  square: { before: /\b(fair and|back to|town|times|public|city|market)\s+$/i, after: /^\s+(feet|foot|footage|meters?|metres?|miles?|kilometers?|one|root|dance|deal|peg|inch(es)?|yards?)\b/i },
  canvas: { before: /\b(blank|oil on|on|printed)\s+$/i, after: /^\s+(bags?|totes?|shoes|tents?|prints?|paintings?|sneakers|cloth|fabric|tarps?)\b/i },
  banner: { before: /\b(a|the|under the|under a)\s+$/i, after: /^\s+(year|ads?|advertis\w*|stands?|printing|day|headline|image)\b/i },
  toast: { before: /\b(french|a|to|raise a|make a|avocado)\s+$/i, after: /^\s+(the|bread|and\s+jam|of\s+the\s+town|to)\b/i },
  cook: { before: /\b(tim|captain|james)\s+$/i, after: /^\s+(county|islands?)\b/i },
  mason: { before: /\b(perry|jackson)\s+$/i },
};

/** Categories whose skills count as context for an ambiguous term of a given category. */
const TECH: SkillCategory[] = ['software', 'data-ml', 'cloud-devops', 'security'];
export const CONTEXT_CATEGORIES: Record<SkillCategory, SkillCategory[]> = {
  software: [...TECH, 'design'],
  'data-ml': TECH,
  'cloud-devops': TECH,
  security: TECH,
  design: ['design', 'product', 'software', 'sales-marketing'],
  product: ['product', 'design', 'software', 'business'],
  'sales-marketing': ['sales-marketing', 'business', 'product'],
  finance: ['finance', 'business', 'data-ml'],
  healthcare: ['healthcare'],
  trades: ['trades'],
  business: ['business', 'finance', 'sales-marketing', 'product', 'data-ml', 'software'],
  'soft-skills': ['soft-skills', 'business'],
  logistics: ['logistics', 'trades', 'business'],
  hospitality: ['hospitality', 'trades', 'business', 'sales-marketing'],
  education: ['education', 'business', 'soft-skills'],
  'public-sector': ['public-sector', 'healthcare', 'business'],
  // Another language nearby ("English and Tagalog") says the sense is the language.
  languages: ['languages'],
};

/** Words that reveal a technical sense for an ambiguous term (searched near the match). */
export const TECH_CUE =
  /\b(programming|programmer|language|languages|framework|frameworks|library|libraries|runtime|coding|code ?base|codebase|scripting|scripts?|software|back-?end|front-?end|full-?stack|developer|developers|engineers?|engineering|devops|microservices?|api|apis|stack|configuration management|infrastructure|compiler|concurrency|goroutines?|deploy\w*|repositor(y|ies)|open[- ]source|tech|technical|sdk|cli)\b/i;

/** Words that reveal a skill sense for an ambiguous non-technical term (Excel, Epic, Sketch). */
export const GENERAL_CUE =
  /\b(skills?|proficien(t|cy)|experience (with|in|using)|knowledge of|familiar(ity)? with|expert(ise)? in|software|tools?|spreadsheets?|pivot|formulas?|vlookup|macros?|certified|certification|advanced|intermediate|ehr|emr|charting|modules?)\b/i;

/** Words that reveal a language sense for a language name ("fluent in French", not "French doors"). */
export const LANGUAGE_CUE =
  /\b(speak|speaks|speaking|spoken|speaker|speakers|fluent|fluency|bilingual|trilingual|multilingual|languages?|native|conversational|proficien(t|cy)|interpret(er|ing|ation)?|translat(e|ion|or|ing)|english)\b/i;
