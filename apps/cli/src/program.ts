import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

/** Builds the `bluezone` command tree. Every command has `--help`; machine output is `--json`. */
export function buildProgram(): Command {
  const program = new Command('bluezone')
    .description('Bluezone: privacy-preserving Bluetooth contact tracing — protocol tools, server, simulator')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ showGlobalOptions: true });
  registerCommands(program);
  return program;
}
