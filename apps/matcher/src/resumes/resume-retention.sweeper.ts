import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ResumeRepository } from '@jobmatch/db';
import { NotFoundApiException } from '@jobmatch/nest-common';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, type AppConfig } from '../config';
import { ResumesService } from './resumes.service';

const RETENTION_SWEEP_INTERVAL_MS = 60 * 60_000;
const RETENTION_BATCH = 500;
const DAY_MS = 24 * 60 * 60_000;

/**
 * RESUME_RETENTION_DAYS: resumes older than that are deleted hourly (and once at start-up),
 * each through ResumesService.delete — the path of DELETE /resumes/:id (row and vector, its queued
 * embedding job) — so retention removes exactly what a person's deletion removes. Replicas may
 * sweep at once: a resume another replica deleted first is simply gone (404, skipped).
 */
@Injectable()
export class ResumeRetentionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ResumeRetentionSweeper.name);
  private readonly task = new PeriodicTask('Retention sweep', this.logger);

  constructor(
    private readonly resumes: ResumeRepository,
    private readonly service: ResumesService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'RESUME_RETENTION_DAYS'>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.RESUME_RETENTION_DAYS) this.task.start(RETENTION_SWEEP_INTERVAL_MS, () => this.sweep(), 5_000);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }

  /** Deletes every resume past the retention period (in batches); returns how many it deleted. */
  async sweep(now = new Date()): Promise<number> {
    const days = this.config.RESUME_RETENTION_DAYS;
    if (!days) return 0;
    return this.task.exclusive(0, async () => {
      let deleted = 0;
      const cutoff = new Date(now.getTime() - days * DAY_MS);
      for (;;) {
        const expired = await this.resumes.findCreatedBefore(cutoff, RETENTION_BATCH);
        for (const { tenantId, id } of expired) {
          try {
            await this.service.delete(tenantId, id);
            deleted++;
          } catch (error) {
            if (!(error instanceof NotFoundApiException)) throw error;
          }
        }
        if (expired.length < RETENTION_BATCH) break;
      }
      if (deleted > 0) this.logger.log(`Deleted ${deleted} resume(s) older than ${days} days (RESUME_RETENTION_DAYS)`);
      return deleted;
    });
  }
}
