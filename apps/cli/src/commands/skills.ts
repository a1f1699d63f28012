import type { Command } from 'commander';
import { extractSkills, useOnetDataFile } from '@jobmatch/skills';
import { readStdin } from '../io';

/** `skills extract`: text on stdin → a JSON array of canonical skill names (and nothing else) on stdout. */
export function registerSkillsCommands(program: Command): void {
  const skills = program.command('skills').description('the skills extractor');
  skills
    .command('extract')
    .description(
      'read text on stdin, print a JSON array of canonical skill names; over the taxonomy merged with O*NET when ONET_DATA_FILE is set',
    )
    .action(async () => {
      if (process.env.ONET_DATA_FILE) useOnetDataFile(process.env.ONET_DATA_FILE);
      const text = await readStdin();
      process.stdout.write(`${JSON.stringify(extractSkills(text).map((s) => s.name))}\n`);
    });
}
