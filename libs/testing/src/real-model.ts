import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The real all-MiniLM-L6-v2 for tests and benchmarks: `.ci/run` fetches it once into a cache
 * outside the clone (`pnpm model:fetch --source maven --quantized --dir <cache>`), reused by later
 * runs. JOBMATCH_REAL_MODEL_DIR points elsewhere (a MODEL_DIR with one sub-folder per model id).
 */
export const REAL_MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';

export function realModelRoot(): string {
  return process.env.JOBMATCH_REAL_MODEL_DIR ?? path.join(homedir(), '.cache', 'jobmatch', 'models');
}

export interface RealModel {
  /** MODEL_DIR for the embedder. */
  modelRoot: string;
  modelPath: string;
  hasInt8: boolean;
}

/** The real model's folder, or null with the command that installs it. */
export function findRealModel(): { model: RealModel | null; howToGetIt: string } {
  const modelRoot = realModelRoot();
  const modelPath = path.join(modelRoot, ...REAL_MODEL_ID.split('/'));
  const howToGetIt = `pnpm model:fetch --source maven --quantized --dir ${modelRoot}`;
  if (!existsSync(path.join(modelPath, 'onnx', 'model.onnx'))) return { model: null, howToGetIt };
  return {
    model: { modelRoot, modelPath, hasInt8: existsSync(path.join(modelPath, 'onnx', 'model_quantized.onnx')) },
    howToGetIt,
  };
}

/**
 * The reference vector for `I love sentence transformers.`, computed by the sentence-transformers
 * Python library (normalized; published in LangChain4j's own integration test of this model).
 */
export const SENTENCE_TRANSFORMERS_REFERENCE = {
  text: 'I love sentence transformers.',
  components: { 0: -0.0803190097, 1: -0.0171345081, 382: 0.0478825271, 383: -0.056189958 } as Record<number, number>,
};

/** Largest relative error of the reference components in `vector`. */
export function referenceMaxRelError(vector: ArrayLike<number>): number {
  return Math.max(
    ...Object.entries(SENTENCE_TRANSFORMERS_REFERENCE.components).map(([index, expected]) =>
      Math.abs((vector[Number(index)] - expected) / expected),
    ),
  );
}

const FIELDS: Array<{ titles: string[]; duties: string[] }> = [
  {
    titles: [
      'Senior Backend Engineer',
      'Python Developer',
      'Full-Stack Engineer (React/Node)',
      'Site Reliability Engineer',
      'Android Developer',
    ],
    duties: [
      'design and operate REST and gRPC services in Go and PostgreSQL',
      'ship features in TypeScript with React on the front end and NestJS behind it',
      'keep Kubernetes clusters healthy, automate deploys with Terraform and carry the pager',
      'build Django APIs, write pytest suites and review pull requests',
    ],
  },
  {
    titles: ['Data Engineer', 'Analytics Engineer', 'Data Analyst', 'Machine Learning Engineer', 'BI Developer'],
    duties: [
      'build batch and streaming pipelines with Spark, Kafka and Airflow',
      'model the warehouse in dbt and Snowflake and own data quality checks',
      'turn sales data into Tableau dashboards and answer ad-hoc questions with SQL',
      'train, evaluate and deploy gradient-boosted and transformer models',
    ],
  },
  {
    titles: [
      'Registered Nurse, ICU',
      'Certified Nursing Assistant',
      'Charge Nurse, Med-Surg',
      'Home Health Aide',
      'Nurse Practitioner',
    ],
    duties: [
      'assess critically ill patients, titrate drips and document in Epic',
      'help residents with bathing, feeding and mobility and record vital signs',
      'lead a unit of twelve nurses on night shift and coordinate admissions',
      'administer medications, educate families and hold BLS and ACLS certification',
    ],
  },
  {
    titles: ['Journeyman Electrician', 'HVAC Technician', 'Plumber', 'Industrial Maintenance Mechanic', 'Welder'],
    duties: [
      'install conduit, pull wire and wire panels to the National Electrical Code',
      'diagnose and repair heat pumps, rooftop units and refrigeration circuits',
      'troubleshoot PLC-controlled conveyors and hydraulic presses on the plant floor',
      'fabricate and weld structural steel with MIG and TIG processes',
    ],
  },
  {
    titles: ['Staff Accountant', 'Financial Analyst', 'Accounts Payable Specialist', 'Controller', 'Tax Associate'],
    duties: [
      'run the month-end close, reconcile bank accounts and post journal entries',
      'build three-statement models in Excel and present variance analysis',
      'process invoices in NetSuite, match purchase orders and schedule payments',
      'prepare federal and state returns and support the external audit',
    ],
  },
  {
    titles: [
      'Account Executive',
      'Sales Development Representative',
      'Retail Sales Associate',
      'Key Account Manager',
      'Inside Sales Rep',
    ],
    duties: [
      'prospect mid-market accounts, run discovery calls and close new business',
      'book meetings through cold calls and sequences in Salesforce and Outreach',
      'greet customers, run the register and keep the sales floor merchandised',
      'grow revenue with strategic accounts and negotiate annual contracts',
    ],
  },
  {
    titles: ['UX Designer', 'Graphic Designer', 'Product Designer', 'Brand Designer', 'UI Designer'],
    duties: [
      'run user interviews, map journeys and prototype flows in Figma',
      'lay out print and digital campaigns in Adobe InDesign, Illustrator and Photoshop',
      'own the design system and partner with engineers on accessible components',
      'create logos, typography and packaging that carry the brand',
    ],
  },
  {
    titles: [
      'Warehouse Associate',
      'Forklift Operator',
      'Logistics Coordinator',
      'Supply Chain Analyst',
      'Truck Driver (CDL-A)',
    ],
    duties: [
      'pick, pack and ship orders with RF scanners and keep inventory accurate',
      'load and unload trailers safely with a reach truck and pallet jack',
      'schedule carriers, track shipments and resolve delivery exceptions',
      'haul freight regionally, complete pre-trip inspections and log hours of service',
    ],
  },
  {
    titles: [
      'High School Math Teacher',
      'Elementary School Teacher',
      'Special Education Teacher',
      'ESL Instructor',
      'Teaching Assistant',
    ],
    duties: [
      'plan algebra and geometry lessons and grade assessments against state standards',
      'teach reading and writing to a class of twenty-four second graders',
      'write IEPs and adapt instruction for students with learning disabilities',
      'teach English conversation and grammar to adult learners',
    ],
  },
  {
    titles: ['Line Cook', 'Restaurant Manager', 'Hotel Front Desk Agent', 'Barista', 'Executive Chef'],
    duties: [
      'prep ingredients, work the grill station and keep the line clean during service',
      'hire and schedule staff, control food costs and handle guest complaints',
      'check guests in and out, manage reservations in Opera and answer phones',
      'write seasonal menus and run a kitchen brigade of fifteen',
    ],
  },
  {
    titles: ['Paralegal', 'Corporate Attorney', 'Legal Assistant', 'Compliance Officer', 'Contract Manager'],
    duties: [
      'draft pleadings, manage discovery and prepare exhibits for trial',
      'negotiate commercial agreements and advise on mergers and acquisitions',
      'maintain the anti-money-laundering program and report to regulators',
      'review vendor contracts and track renewals and obligations',
    ],
  },
  {
    titles: ['Customer Support Specialist', 'HR Generalist', 'Recruiter', 'Office Manager', 'Marketing Manager'],
    duties: [
      'answer tickets in Zendesk and solve billing and login problems',
      'run onboarding, benefits enrollment and employee relations cases',
      'source candidates on LinkedIn, screen them and coordinate interviews',
      'plan campaigns, manage the paid media budget and report on pipeline',
    ],
  },
];

const FRAMES: Array<(title: string, duty: string) => string> = [
  (title) => title,
  (title: string, duty: string) => `We are hiring a ${title} to ${duty}.`,
  (title: string, duty: string) => `${title}. You will ${duty}. Full-time, on site, competitive pay and benefits.`,
  (title: string, duty: string) =>
    `Experienced ${title.toLowerCase()} with five years of experience; I ${duty} and look for a team that values quality.`,
];

/**
 * 240 varied, real-looking texts (titles, posting lines, resume lines) across twelve fields, for
 * comparing two exports of the same model (int8 against fp32). Deterministic.
 */
export function parityTexts(): string[] {
  const texts: string[] = [];
  for (const field of FIELDS) {
    field.titles.forEach((title, t) => {
      FRAMES.forEach((frame, f) => texts.push(frame(title, field.duties[(t + f) % field.duties.length])));
    });
  }
  return texts;
}

export interface ExportComparison {
  texts: number;
  meanCosine: number;
  minCosine: number;
  /** Mean share of each text's 10 nearest neighbours (among the others) that both exports agree on. */
  top10Overlap: number;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
};

function nearestTen(vectors: ArrayLike<number>[], index: number): Set<number> {
  return new Set(
    vectors
      .map((vector, other) => ({ other, similarity: other === index ? -Infinity : dot(vectors[index], vector) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10)
      .map(({ other }) => other),
  );
}

/** Compares normalized vectors of the same texts from two exports (e.g. fp32 as `reference`, int8 as `candidate`). */
export function compareExports(reference: ArrayLike<number>[], candidate: ArrayLike<number>[]): ExportComparison {
  if (reference.length !== candidate.length || reference.length < 11) {
    throw new Error('compareExports needs the same texts from both exports, at least 11');
  }
  const cosines = reference.map((vector, index) => dot(vector, candidate[index]));
  let overlap = 0;
  for (let index = 0; index < reference.length; index++) {
    const expected = nearestTen(reference, index);
    for (const other of nearestTen(candidate, index)) if (expected.has(other)) overlap++;
  }
  return {
    texts: reference.length,
    meanCosine: cosines.reduce((sum, value) => sum + value, 0) / cosines.length,
    minCosine: Math.min(...cosines),
    top10Overlap: overlap / (reference.length * 10),
  };
}
