import { CommanderError } from 'commander';
import { CliError, ExitCode } from './cli-error.js';
import { buildProgram } from './program.js';

/** Runs the CLI and returns the exit code: 0 ok, 1 failed check, 2 bad usage or input. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const command of allCommands(program)) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
    return process.exitCode === undefined ? ExitCode.ok : Number(process.exitCode);
  } catch (error) {
    return reportError(error);
  }
}

function allCommands(root: import('commander').Command): import('commander').Command[] {
  return root.commands.flatMap((c) => [c, ...allCommands(c)]);
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0; usage errors were already printed.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  }
  if (error instanceof CliError) {
    process.stderr.write(`bluezone: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`bluezone: ${message.split('\n')[0]}\n`);
  return ExitCode.badInput;
}
