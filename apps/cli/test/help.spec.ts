import { buildProgram } from '../src/program';
import type { Command } from 'commander';
import { runCliSync } from './run-cli';

/** Every command path of the program, e.g. ['taxonomy', 'import']. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

describe('cli --help', () => {
  const paths = commandPaths(buildProgram());

  it('has the moved commands', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        ['skills', 'extract'],
        ['taxonomy', 'import'],
      ]),
    );
  });

  it.each(paths.map((path) => [path.join(' '), path]))(
    '`%s --help` prints its usage and exits 0',
    (_name, path) => {
      const result = runCliSync([...(path as string[]), '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: jobmatch ${(path as string[]).join(' ')}`);
    },
    30_000,
  );

  it('the program without a command prints its help on stderr and exits 2', () => {
    const result = runCliSync([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: jobmatch');
    expect(result.stderr).toContain('taxonomy');
  }, 30_000);
});
