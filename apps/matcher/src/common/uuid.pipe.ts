import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';
import { ApiException } from '@jobmatch/nest-common';

/** Path ids must be UUIDs; anything else is a 400 before it reaches a query. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_ID', 'The id in the path must be a UUID'),
});
