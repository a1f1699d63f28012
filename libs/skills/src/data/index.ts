import type { SkillSource } from './format';
import { BUSINESS } from './business';
import { CLOUD_DEVOPS } from './cloud-devops';
import { DATA_ML } from './data-ml';
import { DESIGN } from './design';
import { FINANCE } from './finance';
import { HEALTHCARE } from './healthcare';
import { PRODUCT } from './product';
import { SALES_MARKETING } from './sales-marketing';
import { SECURITY } from './security';
import { SOFT_SKILLS } from './soft-skills';
import { SOFTWARE } from './software';
import { TRADES } from './trades';
import { EDUCATION } from './education';
import { HOSPITALITY } from './hospitality';
import { LANGUAGES } from './languages';
import { LOGISTICS } from './logistics';
import { PUBLIC_SECTOR } from './public-sector';

/** Every built-in taxonomy source, grouped by category. */
export const SKILL_SOURCES: SkillSource[] = [
  SOFTWARE,
  DATA_ML,
  CLOUD_DEVOPS,
  SECURITY,
  DESIGN,
  PRODUCT,
  SALES_MARKETING,
  FINANCE,
  HEALTHCARE,
  TRADES,
  BUSINESS,
  SOFT_SKILLS,
  LOGISTICS,
  HOSPITALITY,
  EDUCATION,
  PUBLIC_SECTOR,
  LANGUAGES,
];
