import { Command, CommanderError } from 'commander';
import { COMMAND_GROUPS } from './commands';
import { CliError } from './cli-error';

/** Exit codes: 0 done, 1 the work failed, 2 the command line was wrong (usage printed on stderr). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The whole program: every command group in ./commands registers its commands on it. */
export function buildProgram(): Command {
  const program = new Command('jobmatch')
    .description('jobmatch operator commands: taxonomy and skills, imports, backfill, export and the embedding queue')
    .showHelpAfterError(true)
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });
  for (const register of COMMAND_GROUPS) register(program);
  // Every sub-command reports usage errors instead of exiting, so runCli decides the exit code.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

/** Runs one command line; resolves to the process exit code (never throws, never exits itself). */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a CommanderError of exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}
