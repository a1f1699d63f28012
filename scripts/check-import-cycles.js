// Fails when the relative imports of a package's sources form a circle (type-only imports count:
// a circle of types is still two modules that cannot be read one without the other). Part of `pnpm lint`.
/* global console, process */
const { readdirSync, readFileSync, statSync, existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const sourceDirs = ['apps', 'libs'].flatMap((group) =>
  readdirSync(path.join(root, group)).map((name) => path.join(root, group, name, 'src')).filter((dir) => existsSync(dir)),
);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return files(full);
    return full.endsWith('.ts') && !full.endsWith('.d.ts') && !full.endsWith('.spec.ts') ? [full] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
function resolve(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier.replace(/\.(js|ts)$/, ''));
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

const graph = new Map();
for (const dir of sourceDirs) {
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((match) => resolve(file, match[1])).filter(Boolean);
    graph.set(file, targets);
  }
}

const cycles = [];
const state = new Map(); // 1 = on the stack, 2 = done
function visit(file, stack) {
  state.set(file, 1);
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 1) cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(root, f)).join(' -> '));
    else if (!state.has(next)) visit(next, stack);
  }
  stack.pop();
  state.set(file, 2);
}
for (const file of graph.keys()) if (!state.has(file)) visit(file, []);

if (cycles.length > 0) {
  console.error(`Import circles (break them with a module both sides import):\n${cycles.map((cycle) => `  ${cycle}`).join('\n')}`);
  process.exit(1);
}
