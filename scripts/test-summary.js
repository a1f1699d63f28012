// Adds up the jest result files every package writes (--json --outputFile) into one line.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const files = ['apps', 'libs']
  .flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name, '.jest-results.json')))
  .filter((file) => fs.existsSync(file));

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  skipped += result.numPendingTests + result.numTodoTests;
}
console.log(`\n${files.length} packages tested`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
