import type { SkillSource } from './format';

/**
 * Spoken and signed languages. Nationality adjectives ("Spanish cuisine", "French doors") share
 * the words, so every name needs context: language cues around it (ambiguity.ts, LANGUAGE_CUE)
 * or another language nearby ("English and Tagalog").
 */
const LANGUAGE_NAMES = [
  'Spanish', 'French', 'German', 'Italian', 'Portuguese', 'Mandarin', 'Cantonese', 'Chinese', 'Japanese', 'Korean',
  'Vietnamese', 'Tagalog', 'Arabic', 'Hindi', 'Urdu', 'Punjabi', 'Bengali', 'Russian', 'Polish', 'Ukrainian', 'Somali',
  'Haitian Creole', 'Farsi', 'Hmong', 'Turkish', 'Greek', 'Hebrew', 'Swahili', 'Amharic', 'Dutch', 'Swedish',
];

export const LANGUAGES: SkillSource = {
  category: 'languages',
  lines: [
    ...LANGUAGE_NAMES.map((name) => {
      // "Fluent in Spanish", "Spanish-speaking" and "Spanish language" already name the skill Bilingual (soft-skills.ts).
      const phrases = name === 'Spanish' ? [] : [`${name}-speaking`, `fluent in ${name}`, `${name} language`];
      return `${name} | ${[`?${name}`, `${name} speaker`, `speaks ${name}`, `${name} fluency`, ...phrases].join(', ')} |`;
    }),
    'American Sign Language | =ASL, sign language |',
  ].join('\n'),
};
