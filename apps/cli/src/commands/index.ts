import type { Command } from 'commander';
import { registerBackfillCommands } from './backfill';
import { registerExportCommands } from './export';
import { registerImportCommands } from './import';
import { registerQueueCommands } from './queue';
import { registerModelCommands } from './model';
import { registerKeysCommands } from './keys';
import { registerSkillsCommands } from './skills';
import { registerTaxonomyCommands } from './taxonomy';

/**
 * A command group is one file in this folder exporting `register<Group>Commands(program)`, which
 * adds its commands (with descriptions, options and actions) to the program. Add yours here.
 */
export type RegisterCommands = (program: Command) => void;

export const COMMAND_GROUPS: readonly RegisterCommands[] = [
  registerSkillsCommands,
  registerTaxonomyCommands,
  registerModelCommands,
  registerKeysCommands,
  registerImportCommands,
  registerBackfillCommands,
  registerExportCommands,
  registerQueueCommands,
];
