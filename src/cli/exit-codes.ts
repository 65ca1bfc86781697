/** Documented exit codes of the `finbridge` command (README, "CLI"). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  config: 3,
  database: 4,
  refused: 5,
} as const;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}
