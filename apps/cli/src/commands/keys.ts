import type { Command } from 'commander';

/** `bluezone keys …` */
export function registerKeysCommand(program: Command): void {
  void program;
}
