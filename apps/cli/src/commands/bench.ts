import type { Command } from 'commander';

/** `bluezone bench …` */
export function registerBenchCommand(program: Command): void {
  void program;
}
