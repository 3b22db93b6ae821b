import type { Command } from 'commander';

/** `bluezone export …` */
export function registerExportCommand(program: Command): void {
  void program;
}
