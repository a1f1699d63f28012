import type { Command } from 'commander';
import { registerModelCommands } from './model';
import { registerSkillsCommands } from './skills';
import { registerTaxonomyCommands } from './taxonomy';

/**
 * A command group is one file in this folder exporting `register<Group>Commands(program)`, which
 * adds its commands (with descriptions, options and actions) to the program. Add yours here.
 */
export type RegisterCommands = (program: Command) => void;

export const COMMAND_GROUPS: readonly RegisterCommands[] = [registerSkillsCommands, registerTaxonomyCommands, registerModelCommands];
