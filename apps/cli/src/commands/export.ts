import type { Command } from 'commander';
import { registerBuildCommand } from './export/build.js';
import { registerInspectCommand } from './export/inspect.js';
import { registerRotateKeyCommand } from './export/rotate-key.js';
import { registerRunCommand } from './export/run.js';

/** `bluezone export …`: build and inspect the signed key files phones download. */
export function registerExportCommand(program: Command): void {
  const exportCommand = program
    .command('export')
    .description(
      'export files (export.bin + export.sig in a zip): build a signed file, inspect and verify one',
    );
  registerBuildCommand(exportCommand);
  registerInspectCommand(exportCommand);
  registerRunCommand(exportCommand);
  registerRotateKeyCommand(exportCommand);
}
