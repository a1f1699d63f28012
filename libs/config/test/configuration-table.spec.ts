import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configurationTable, declaredVariables, withConfigurationTable } from '../src/configuration-table';

describe('configuration table', () => {
  it('README.md holds exactly the table generated from the declaration (run `pnpm config:table` after changing a variable)', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    expect(withConfigurationTable(readme)).toBe(readme);
  });

  it('lists every variable once, with who reads it and its default', () => {
    const variables = declaredVariables();
    expect(new Set(variables.map((variable) => variable.name)).size).toBe(variables.length);
    const port = variables.find((variable) => variable.name === 'PORT')!;
    expect(port.defaults).toEqual({ embedder: 4000, matcher: 3000, 'skill-gap': 3001 });
    expect(variables.find((variable) => variable.name === 'REDIS_URL')!.services).toEqual(['embedder', 'matcher', 'skill-gap', 'cli']);
    expect(variables.find((variable) => variable.name === 'HF_TOKEN')!.services).toEqual(['model:fetch']);
    expect(variables.map((variable) => variable.name)).not.toContain('EMBEDDER_TRANSPORT');
    expect(configurationTable()).toContain('| `DATABASE_URL` | all, `pnpm cli` | — (required) |');
  });
});
