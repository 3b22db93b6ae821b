import type { Command } from 'commander';

/** `bluezone risk …` */
export function registerRiskCommand(program: Command): void {
  void program;
}
