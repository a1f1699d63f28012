import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Module, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString } from 'class-validator';
import request from 'supertest';
import { ApiException } from '../src/errors';
import { createHttpApp } from '../src/http-app';
import { createLoggerModule } from '../src/logging';

class NoteDto {
  @IsOptional()
  @IsString()
  text?: string;
}

@Controller('notes')
class NotesController {
  @Post()
  create(@Body() body: NoteDto) {
    return { received: body };
  }

  /** The body as read, before validation (unknown: the validation pipe leaves it alone). */
  @Post('raw')
  raw(@Body() body: unknown) {
    return { received: body ?? null };
  }

  @Get(':id')
  get(@Param('id') id: string) {
    if (id === 'missing') throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such note');
    return { id };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove() {}
}

@Module({ imports: [createLoggerModule('silent')], controllers: [NotesController] })
class NotesModule {}

/** What createHttpApp keeps from the Express days: how bodies, ids and routes behave for clients. */
describe('createHttpApp (Fastify)', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createHttpApp({ module: NotesModule }, { title: 'Notes', description: 'Notes', docs: false, bodyLimitBytes: 1024 });
    app.useLogger(false);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('echoes a request id and puts the same id in error bodies', async () => {
    const own = await http().get('/api/v1/notes/missing').set('x-request-id', 'trace-42').expect(404);
    expect(own.headers['x-request-id']).toBe('trace-42');
    expect(own.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No such note', requestId: 'trace-42' });

    const tooLong = await http().get('/api/v1/notes/missing').set('x-request-id', 'x'.repeat(129)).expect(404);
    expect(tooLong.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(tooLong.body.requestId).toBe(tooLong.headers['x-request-id']);
  });

  it('refuses an unreadable JSON body before the request gets an id', async () => {
    for (const body of ['{"text": ', '"just a string"']) {
      const response = await http().post('/api/v1/notes').set('Content-Type', 'application/json').send(body).expect(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: 'Request body is not valid JSON' });
      expect(response.headers['x-request-id']).toBeUndefined();
    }
  });

  it('answers a body over the limit with 413', async () => {
    const response = await http().post('/api/v1/notes').send({ text: 'a'.repeat(2000) }).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('reads an empty JSON body as {} and leaves bodies of other types unread', async () => {
    await http().delete('/api/v1/notes/1').set('Content-Type', 'application/json').expect(204);
    await http().post('/api/v1/notes/raw').set('Content-Type', 'application/json').set('Content-Length', '0').expect(201, { received: {} });
    await http().post('/api/v1/notes/raw').set('Content-Type', 'text/plain').send('hello').expect(201, { received: null });
    await http().post('/api/v1/notes/raw').type('form').send('text=hello+there&tag=a&tag=b').expect(201, { received: { text: 'hello there', tag: ['a', 'b'] } });
  });

  it('routes case-insensitively, ignores a trailing slash and keeps the error shape for undecodable URLs', async () => {
    await http().get('/API/V1/Notes/AbC/').expect(200, { id: 'AbC' });
    const undecodable = await http().get('/api/v1/notes/%FF').expect(400);
    expect(undecodable.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('computes no ETag', async () => {
    const response = await http().get('/api/v1/notes/1').expect(200);
    expect(response.headers.etag).toBeUndefined();
  });
});
