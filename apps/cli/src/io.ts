import { readFileSync } from 'node:fs';
import { CliError } from './cli-error.js';

/** Reads a file, turning "not found" and friends into a one-line bad-input error. */
export function readInputFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`cannot read ${path}: ${code}`, 2, { cause: error });
  }
}

export function readTextFile(path: string): string {
  return new TextDecoder().decode(readInputFile(path));
}

/** Reads and parses a JSON file; a syntax error is bad input, with the file named. */
export function readJsonFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`, 2, { cause: error });
  }
}

/** Prints a result: JSON (two-space indented) with `--json`, otherwise the human text. */
export function printResult(json: boolean, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
