import { readFileSync } from 'node:fs';
import { prepareTestModelDir } from '../../libs/onnx-testkit/src';
import { OnnxEmbeddingProvider } from '../../apps/embedder/src/inference/onnx-embedding-provider';
import { jobPostingTexts } from './lib/job-posting-texts';
const mem = (label: string) => {
  const s = readFileSync('/proc/self/status', 'utf8');
  const g = (k: string) => Number(new RegExp(k + ':\\s+(\\d+)').exec(s)![1]) / 1024;
  const h = process.memoryUsage();
  console.log(label.padEnd(20), 'rss', g('VmRSS').toFixed(0), 'hwm', g('VmHWM').toFixed(0), 'heap', (h.heapUsed / 2 ** 20).toFixed(0), 'ext', (h.external / 2 ** 20).toFixed(0), 'ab', (h.arrayBuffers / 2 ** 20).toFixed(0));
};
(async () => {
  mem('start');
  const m = await prepareTestModelDir({ preset: 'minilm', quantized: true });
  mem('prepared');
  const arena = process.env.ARENA !== '0';
  const q = process.env.Q === '1';
  const p = await OnnxEmbeddingProvider.create({ modelPath: m.modelPath, spec: m.spec, quantized: q, intraOpThreads: 2, enableCpuMemArena: arena });
  mem('created');
  const texts = jobPostingTexts(Number(process.env.N ?? 60));
  const t0 = performance.now();
  await p.embed(texts);
  mem('embedded');
  console.log('texts/s', (texts.length / ((performance.now() - t0) / 1000)).toFixed(1));
  await p.close();
})();
