// Test helper: runs the `bluezone` command in this process and captures what it prints.
import { vi } from 'vitest';
import { main } from '../main.js';

export interface BluezoneRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `bluezone …args` through the real entry point (`main`), with stdout and stderr captured. */
export async function runBluezone(...args: string[]): Promise<BluezoneRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'bluezone', ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  }
}
