import type { Command } from 'commander';
import { registerCheckinInspectCommand } from './checkin/inspect.js';
import { registerCheckinMatchCommand } from './checkin/match.js';

/** `bluezone checkin …`: venue check-in tools (event QR codes, matching check-ins against warnings). */
export function registerCheckinCommand(program: Command): void {
  const checkin = program
    .command('checkin')
    .description('venue check-in: read an event QR code URL, match check-ins against trace warnings');
  registerCheckinInspectCommand(checkin);
  registerCheckinMatchCommand(checkin);
}
