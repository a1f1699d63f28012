import { Injectable } from '@nestjs/common';
import {
  buildSkillGraph,
  computeSkillGap,
  extractSkills,
  getOccupationIndex,
  getSkillTaxonomy,
  jobSkillsFromExtraction,
  jobSkillsFromStored,
  prepareOwnedSkills,
  storedJobSkillCoverage,
  type JobSkillSet,
  type OccupationCloseness,
  type OccupationMatch,
  type OwnedSkills,
  type SkillGap,
  type SkillGraph,
  type StoredJobSkills,
} from '@jobmatch/skills';

export interface JobSkills {
  all: string[];
  required: string[];
  niceToHave: string[];
}

/** The skills library behind one provider: extraction for stored entities, gaps for the scorer. */
@Injectable()
export class SkillsProvider {
  private graph?: SkillGraph;

  /** Canonical skills in a job posting, split by how the posting qualifies them. */
  extractJobSkills(text: string): JobSkills {
    const extracted = extractSkills(text);
    const set = jobSkillsFromExtraction(extracted);
    return { all: [...set.required, ...set.niceToHave], required: [...set.required], niceToHave: [...set.niceToHave] };
  }

  /** Canonical skill names found in free text (a resume). */
  extractSkillNames(text: string): string[] {
    return [...new Set(extractSkills(text).map((skill) => skill.name))];
  }

  /** The O*NET occupation of a title (skills found in the text break ties); null without ONET_DATA_FILE or a match. */
  occupationOf(title: string, skills: readonly string[]): OccupationMatch | null {
    return getOccupationIndex()?.normalize(title, skills) ?? null;
  }

  /** Same / related / unrelated occupation; null when either is unknown or O*NET is not imported. */
  occupationCloseness(a: string | null | undefined, b: string | null | undefined): OccupationCloseness | null {
    const index = getOccupationIndex();
    return index && a && b ? index.closeness(a, b) : null;
  }

  jobSkillSet(job: StoredJobSkills): JobSkillSet {
    return jobSkillsFromStored(job);
  }

  /** A person's skills with the broader skills they imply, prepared once to compare with many jobs. */
  ownedSkills(resumeSkills: readonly string[]): OwnedSkills {
    return prepareOwnedSkills(resumeSkills, this.skillGraph());
  }

  /** Matched / missing skills with parent implication (Django ⇒ Python) from the taxonomy. */
  gap(resumeSkills: readonly string[] | OwnedSkills, job: JobSkillSet): SkillGap {
    return computeSkillGap(resumeSkills, job, { graph: this.skillGraph() });
  }

  /** The weighted coverage of gap(owned, jobSkillSet(job)) alone, from the stored columns: for ranking many candidates. */
  coverage(owned: OwnedSkills, job: StoredJobSkills): number | null {
    return storedJobSkillCoverage(owned, job).coverage;
  }

  private skillGraph(): SkillGraph {
    this.graph ??= buildSkillGraph(getSkillTaxonomy().all());
    return this.graph;
  }
}
