/** FNV-1a: turns a (seed, tensor name) pair into a 32-bit seed, so every tensor's weights are reproducible on their own. */
export function hashSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let index = 0; index < name.length; index++) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, good enough for weights that only need to be reproducible. */
export function uniformRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normal(0, scale²) samples (Box–Muller), like numpy's standard_normal × scale. */
export function normalFloat32(count: number, scale: number, seed: number): Float32Array {
  const next = uniformRandom(seed);
  const out = new Float32Array(count);
  for (let index = 0; index < count; index += 2) {
    const u1 = 1 - next(); // (0, 1]: log(0) never happens
    const u2 = next();
    const radius = Math.sqrt(-2 * Math.log(u1)) * scale;
    out[index] = radius * Math.cos(2 * Math.PI * u2);
    if (index + 1 < count) out[index + 1] = radius * Math.sin(2 * Math.PI * u2);
  }
  return out;
}
