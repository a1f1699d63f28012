import { NormalizedBuffer, FOLD, SPACE } from '../libs/skills/src/char-tables';
import { normalizeText } from '../libs/skills/src/normalize';
const P = 'Requirements: 5+ years with Python or Go, strong SQL and PostgreSQL, Docker and Kubernetes in production, CI/CD with GitHub Actions, and experience with AWS (EC2, S3, Lambda). Excellent communication skills are a must.\n\n';
const text = P.repeat(60);
const nb = new NormalizedBuffer();
function local(text: string, codes: Uint16Array, offsets: Int32Array) {
  let n = 0; let last = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c] === 1) { if (!last) { codes[n] = 32; offsets[n++] = i; last = true; } continue; }
    codes[n] = FOLD[c]!; offsets[n++] = i; last = false;
  }
  return n;
}
const codes = new Uint16Array(text.length), offs = new Int32Array(text.length);
for (const [name, f] of [['orig', () => normalizeText(text)], ['buf', () => nb.load(text)], ['local', () => local(text, codes, offs)]] as const) {
  for (let i = 0; i < 500; i++) f();
  const t = process.hrtime.bigint();
  for (let i = 0; i < 3000; i++) f();
  console.log(name, text.length, Number(process.hrtime.bigint() - t) / 1e6 / 3000, 'ms');
}
