import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getSkillExtractor, getSkillTaxonomy, type SkillExtractor, type SkillTaxonomy } from '../../src';

export interface LabelledText {
  id: string;
  field: string;
  text: string;
  skills: string[];
  niceToHave?: string[];
}

export interface EvaluationResult {
  documents: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Among correctly found skills labelled in postings, share whose nice-to-have flag matches the label. */
  requirementAccuracy: number;
  errors: { id: string; missed: string[]; extra: string[] }[];
}

export function loadEvalSet(name: 'postings' | 'resumes' | 'new-fields' | 'held-out'): LabelledText[] {
  return JSON.parse(readFileSync(join(__dirname, `${name}.json`), 'utf8')) as LabelledText[];
}

/**
 * Micro-averaged precision/recall of canonical skill names over a labelled set. Labels are
 * resolved through the taxonomy's names and aliases (the new-fields set was labelled in plain
 * words before the taxonomy grew); a label the taxonomy does not know stays as written and counts
 * as missed.
 */
export function evaluate(
  documents: LabelledText[],
  extractor: SkillExtractor = getSkillExtractor(),
  taxonomy: SkillTaxonomy = getSkillTaxonomy(),
): EvaluationResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let requirementChecked = 0;
  let requirementCorrect = 0;
  const errors: EvaluationResult['errors'] = [];
  for (const doc of documents) {
    const found = extractor.extract(doc.text);
    const names = new Set(found.map((s) => s.name));
    const resolve = (label: string) => taxonomy.get(label)?.name ?? label;
    const expected = new Set(doc.skills.map(resolve));
    const missed = [...expected].filter((s) => !names.has(s));
    const extra = [...names].filter((s) => !expected.has(s));
    tp += expected.size - missed.length;
    fn += missed.length;
    fp += extra.length;
    if (missed.length || extra.length) errors.push({ id: doc.id, missed, extra });
    if (doc.niceToHave) {
      const nice = new Set(doc.niceToHave.map(resolve));
      for (const skill of found) {
        if (!expected.has(skill.name)) continue;
        requirementChecked++;
        if ((skill.requirement === 'nice-to-have') === nice.has(skill.name)) requirementCorrect++;
      }
    }
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return {
    documents: documents.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
    requirementAccuracy: requirementChecked ? requirementCorrect / requirementChecked : 1,
    errors,
  };
}
