import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { infrastructureFor } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from './config';
import { JobsService } from './jobs/jobs.service';
import { EmbeddingQueueProducer } from './queue/embedding-queue.producer';
import { DocumentTextExtractor } from './resumes/parsing/document-text.extractor';
import { ResumesService } from './resumes/resumes.service';
import { SkillsProvider } from './skills/skills.provider';

/** Parser processes start with the first document, not with the program: most commands parse none. */
@Injectable()
class OnDemandDocumentTextExtractor extends DocumentTextExtractor {
  override onApplicationBootstrap(): void {}
}

/**
 * The matcher's write paths without HTTP: the services behind POST /jobs and POST /resumes with
 * their repositories, queue producer, skills and bounded document parser. The operator CLI
 * (apps/cli) runs its imports through them, so a row imported from a file is validated, parsed,
 * cleaned of contact details and queued exactly as one posted to the API.
 */
@Module({})
export class DataPathsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DocumentTextExtractor, useClass: OnDemandDocumentTextExtractor },
      EmbeddingQueueProducer,
      SkillsProvider,
      JobsService,
      ResumesService,
    ];
    return {
      module: DataPathsModule,
      imports: [infrastructureFor(config)],
      providers,
      exports: providers,
    };
  }
}
