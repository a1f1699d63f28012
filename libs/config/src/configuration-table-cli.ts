import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withConfigurationTable } from './configuration-table';

/** `pnpm config:table`: rewrites the README's configuration table from libs/config/src/schemas.ts. */
const readme = path.resolve(__dirname, '../../../README.md');
writeFileSync(readme, withConfigurationTable(readFileSync(readme, 'utf8')));
console.log(`configuration table written to ${readme}`);
