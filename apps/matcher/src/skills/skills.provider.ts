import { Injectable } from '@nestjs/common';
import {
  buildSkillGraph,
  computeSkillGap,
  extractSkills,
  getSkillTaxonomy,
  jobSkillsFromExtraction,
  jobSkillsFromStored,
  prepareOwnedSkills,
  storedJobSkillCoverage,
  type JobSkillSet,
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
