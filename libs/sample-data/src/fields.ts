import { finance, hospitality, legal, marketing, people, sales } from './content/business';
import { education, healthcare, publicSector } from './content/care';
import { data, design, itSupport, software } from './content/tech';
import { logistics, manufacturing, trades } from './content/work';
import type { Field } from './types';

/** Every field of the sample data set, in the order the generator walks them. */
export const FIELDS: Field[] = [
  software,
  data,
  healthcare,
  trades,
  logistics,
  finance,
  hospitality,
  education,
  publicSector,
  sales,
  manufacturing,
  design,
  legal,
  marketing,
  people,
  itSupport,
];
