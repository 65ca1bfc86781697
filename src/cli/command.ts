import type { ParseArgsConfig } from 'node:util';
import { CliError, EXIT } from './exit-codes.ts';

/** A command's parsed options (node:util parseArgs). */
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * One `finbridge` command: what `--help` says about it, its options, and its work. The work is loaded
 * when the command runs (a dynamic import), so that `finbridge --help` and every command load only
 * what they use.
 */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  /** More for `--help`: the settings the command reads, with their defaults. */
  readonly details?: () => Promise<readonly string[]>;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Whether the command takes arguments besides its options (`finbridge bank import FILE`). */
  readonly positionals?: boolean;
  run(values: Values, positionals: readonly string[]): Promise<void>;
}

export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export const str = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export const required = (values: Values, name: string): string => {
  const value = str(values, name);
  if (value === undefined || value === '') throw new CliError(`--${name} is required`, EXIT.usage);
  return value;
};
