import { Inject, Injectable, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { InvalidEmbedInputError } from '../embedding/errors';

function messages(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...messages(error.children ?? [])]);
}

/**
 * class-validator on RPC payloads, failing with InvalidEmbedInputError (→ RPC code INVALID_INPUT).
 * The item count is checked first so an oversized request is refused before any per-item work.
 */
@Injectable()
export class EmbedRequestPipe extends ValidationPipe {
  private readonly maxTexts: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'EMBED_MAX_TEXTS'>) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new InvalidEmbedInputError(messages(errors).join('; ') || 'Invalid embed request'),
    });
    this.maxTexts = config.EMBED_MAX_TEXTS;
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const texts = (value as { texts?: unknown } | null)?.texts;
    if (Array.isArray(texts) && texts.length > this.maxTexts) {
      throw new InvalidEmbedInputError(
        `texts has ${texts.length} items; at most ${this.maxTexts} are allowed per request`,
      );
    }
    return super.transform(value, metadata);
  }
}
