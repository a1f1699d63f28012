import { Body, Controller, Get, HttpStatus, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import request from 'supertest';
import { ApiErrorFilter } from '../src/api-error.filter';
import { ApiException, DependencyUnavailableException } from '../src/errors';
import { createValidationPipe } from '../src/validation';

class CreateThingDto {
  @IsString()
  @MaxLength(10)
  name!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  size!: number;
}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() dto: CreateThingDto) {
    return dto;
  }

  @Get('down')
  down() {
    throw new DependencyUnavailableException('embedder', 'The embedding service is unavailable; try again shortly.', 12.2);
  }

  @Get('conflict')
  conflict() {
    throw new ApiException(HttpStatus.CONFLICT, 'EMBEDDING_NOT_READY', 'Embedding is pending', { status: 'PENDING' });
  }

  @Get('database-down')
  databaseDown() {
    // What pg-pool rejects with when Postgres refuses connections.
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  }

  @Get('crash')
  crash() {
    throw new Error('secret internals at /srv/app.ts:12');
  }
}

@Module({ controllers: [ThingsController] })
class TestModule {}

describe('HTTP conventions: validation and the error shape', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ApiErrorFilter(app.getHttpAdapter()));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('accepts valid input', async () => {
    await request(app.getHttpServer()).post('/things').send({ name: 'a', size: 2 }).expect(201, { name: 'a', size: 2 });
  });

  it('rejects unknown fields and invalid values with per-field details', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .send({ name: 'far too long a name', size: 9, extra: true })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const fields = (response.body.details as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual(['extra', 'name', 'size']);
    expect(response.body.message).toMatch(/name: .*10/);
  });

  it('answers malformed JSON with 400 in the same shape', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', message: expect.stringMatching(/JSON/) });
  });

  it('answers 503 with Retry-After when a dependency is down', async () => {
    const response = await request(app.getHttpServer()).get('/things/down').expect(503);
    expect(response.headers['retry-after']).toBe('13');
    expect(response.body).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'embedder' } });
  });

  it('answers a database outage from any route with 503 + Retry-After, not a 500', async () => {
    const response = await request(app.getHttpServer()).get('/things/database-down').expect(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'postgres' } });
    expect(JSON.stringify(response.body)).not.toContain('5432');
  });

  it('keeps custom codes and details', async () => {
    const response = await request(app.getHttpServer()).get('/things/conflict').expect(409);
    expect(response.body).toEqual({ statusCode: 409, code: 'EMBEDDING_NOT_READY', message: 'Embedding is pending', details: { status: 'PENDING' } });
  });

  it('never leaks internals of unexpected errors', async () => {
    const response = await request(app.getHttpServer()).get('/things/crash').expect(500);
    expect(response.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' });
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });

  it('answers unknown routes with 404 in the same shape', async () => {
    const response = await request(app.getHttpServer()).get('/nope').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
