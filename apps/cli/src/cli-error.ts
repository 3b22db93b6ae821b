/** Exit codes of the `bluezone` command. */
export const ExitCode = {
  ok: 0,
  /** A check ran and failed (a signature that does not verify, a benchmark below target…). */
  checkFailed: 1,
  /** Bad usage or bad input: the command could not run as asked. */
  badInput: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI reports as one human line on stderr, exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.badInput,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}
