/**
 * What the operator CLI (apps/cli) takes from the matcher: its write paths (DataPathsModule) and
 * the API's own input classes and validation, so a file import and an HTTP request are one path.
 */
export { DataPathsModule } from './data-paths.module';
export { JobsService, type ExternalJobInput, type JobBatchResult } from './jobs/jobs.service';
export { ResumesService, type ExternalResumeWrite, type ResumeBatchResult, type UploadedDocument } from './resumes/resumes.service';
export { CreateJobDto } from './jobs/dto/job.dto';
export { CreateResumeTextDto } from './resumes/dto/resume.dto';
export { EmbeddingQueueProducer } from './queue/embedding-queue.producer';
export { ACCEPTED_UPLOAD_TYPES } from './resumes/parsing/document-kind';
export { loadAppConfig, type AppConfig } from './config';
