import { CUE, resolveRequirements } from './requirement';
import { CUE_TRIGGERS, resolveRequirementsFast } from './requirement-scan';
import { prng } from '../test/prng';

/** Offsets of every trigger occurrence, as the extractor reports them (case-folded search). */
function hintsOf(text: string): number[] {
  const lower = text.toLowerCase().replace(/\s+/g, (run) => ' '.padEnd(run.length, '\u0001'));
  const hints: number[] = [];
  for (const trigger of CUE_TRIGGERS)
    for (let i = lower.indexOf(trigger); i >= 0; i = lower.indexOf(trigger, i + 1)) hints.push(i);
  return hints.sort((a, b) => a - b);
}

const PIECES = [
  'Python',
  'Go',
  'SQL',
  'Kafka',
  'React',
  'welding',
  'and',
  'or',
  'with',
  'experience',
  'strong',
  'team',
  'we',
  'you',
  'must have',
  'nice to have',
  'nice-to-have',
  'a plus',
  'big plus',
  'Plus:',
  'preferred',
  'bonus',
  'is a bonus',
  'required',
  'Requirements',
  'not required',
  'not strictly necessary',
  'would be great',
  'at least',
  'you will need',
  'need to have',
  'ideally',
  'optional',
  'MUST',
  'Qualifications:',
  'helpful',
  'welcomed',
  'extra credit',
  'even better',
  'minimum',
  ',',
  '.',
  ';',
  '!',
  '?',
  ' - ',
  ' — ',
  ' but ',
  ' while ',
  ' however ',
  '\n',
  '\n\n',
  ':',
  '#',
  '* ',
  '• ',
  '##',
  'Nice to have:',
  'Requirements:',
  'WHAT YOU BRING',
  'Benefits',
  'About us',
  '- Preferred:',
  '**Must have**',
  'Ideal candidate',
];

describe('resolveRequirementsFast', () => {
  it('every cue the reference recognises contains a trigger word', () => {
    const phrases = [
      'nice to have',
      'nice-to-haves',
      'good to have',
      'great to have',
      'preferred',
      'preferably',
      'preference',
      'desired',
      'desirable',
      'bonus',
      'a plus',
      'big plus',
      'huge plus',
      'definite plus',
      'strong plus',
      'major plus',
      'nice plus',
      'added plus',
      'extra plus',
      'real plus',
      'pluses',
      'plus:',
      'is plus',
      'advantage',
      'advantageous',
      'ideally',
      'optional',
      'not required',
      'not strictly necessary',
      'not mandatory',
      'not essential',
      'not a must',
      'would be great',
      'would be nice',
      'would be helpful',
      'would be useful',
      'would be beneficial',
      'would be good',
      'helpful',
      'beneficial',
      'appreciated',
      'welcome',
      'welcomed',
      'extra credit',
      'even better',
      'is a bonus',
      'are a bonus',
      'required',
      'requirement',
      'requirements',
      'require',
      'requires',
      'must have',
      'must-haves',
      'must',
      'mandatory',
      'essential',
      'necessary',
      'need to have',
      'you need',
      'you will need',
      'needed',
      'minimum',
      'at least',
      'qualifications:',
    ];
    for (const phrase of phrases) {
      for (const written of [phrase, phrase.toUpperCase()]) {
        // "plus:" and "qualifications:" end in a colon, so CUE's closing \b needs a word right after it.
        const matches = [`x ${written} y`, `x ${written}y`].map((text) => {
          CUE.lastIndex = 0;
          return CUE.exec(text)?.[0];
        });
        expect(matches).toContain(written);
        for (const m of matches)
          if (m) expect([m, CUE_TRIGGERS.some((t) => m.toLowerCase().includes(t))]).toEqual([m, true]);
      }
    }
  });

  it('gives the reference answers on random postings, with and without trigger hints', () => {
    const rand = prng(42);
    for (let k = 0; k < 1500; k++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(rand() * 40);
      for (let i = 0; i < count; i++) parts.push(PIECES[Math.floor(rand() * PIECES.length)]!);
      const text = parts.join(rand() < 0.5 ? ' ' : '');
      const positions = new Set<number>();
      const wanted = Math.floor(rand() * 8);
      for (let i = 0; i < wanted && text.length > 0; i++) {
        // Mostly word starts (where skills begin), sometimes anywhere.
        let pos = Math.floor(rand() * text.length);
        if (rand() < 0.8) while (pos > 0 && /\w/.test(text[pos - 1]!)) pos--;
        positions.add(pos);
      }
      const sorted = [...positions].sort((a, b) => a - b);
      let expected: string[];
      try {
        expected = resolveRequirements(text, sorted);
      } catch {
        continue; // the reference needs at least one clause (skills always make one); nothing to compare
      }
      expect([text, resolveRequirementsFast(text, sorted)]).toEqual([text, expected]);
      expect([text, resolveRequirementsFast(text, sorted, hintsOf(text))]).toEqual([text, expected]);
    }
  });

  it('falls back to the reference for unsorted positions', () => {
    const text = 'Must have Python, Go.\nNice to have: Kafka';
    const positions = [text.indexOf('Kafka'), text.indexOf('Python'), text.indexOf('Go')];
    expect(resolveRequirementsFast(text, positions)).toEqual(resolveRequirements(text, positions));
    expect(resolveRequirementsFast(text, positions)).toEqual(['nice-to-have', 'required', 'required']);
  });
});
