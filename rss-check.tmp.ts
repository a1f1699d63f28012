import { prepareTestModelDir } from './libs/onnx-testkit/src';
import { createTestDatabase, startEmbedderProcess, TEST_REDIS_URL, uniqueRedisPrefix, deleteRedisKeys } from './libs/testing/src';
import { readFileSync } from 'node:fs';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
async function main() {
  const model = await prepareTestModelDir({ preset: 'minilm' });
  const db = await createTestDatabase();
  const prefix = uniqueRedisPrefix('rss');
  const e = await startEmbedderProcess({ databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix, modelDir: model.modelRoot, modelSpec: model.spec, env: { ONNX_INTRA_OP_THREADS: '2' } });
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${e.pid}/status`, 'utf8'))![1]) / 1024;
  const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${e.pid}/status`, 'utf8'))![1]) / 1024;
  console.log('idle RSS MB', rss().toFixed(1));
  const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: e.rpcPort } });
  const text = 'Senior backend engineer building distributed systems in Go and Kotlin, Postgres, Kafka. '.repeat(6);
  for (let round = 0; round < 5; round++) {
    await Promise.all(Array.from({ length: 32 }, (_, i) => firstValueFrom(client.send('embed', { texts: Array.from({ length: 16 }, (_, j) => `${text} ${round} ${i} ${j}`) }))));
  }
  console.log('after load RSS MB', rss().toFixed(1), 'peak', hwm().toFixed(1));
  await client.close();
  await e.stop();
  await deleteRedisKeys(prefix);
  await db.drop();
}
main().catch((e) => { console.error(e); process.exit(1); });
