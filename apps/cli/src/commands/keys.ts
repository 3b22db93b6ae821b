import type { Command } from 'commander';
import { registerDeriveCommand } from './keys/derive.js';
import { registerTekmacCommand } from './keys/tekmac.js';

/** `bluezone keys …`: key derivation and the verification HMAC, for checking phones and servers by hand. */
export function registerKeysCommand(program: Command): void {
  const keys = program
    .command('keys')
    .description('temporary exposure keys: derive identifiers, compute the verification HMAC');
  registerDeriveCommand(keys);
  registerTekmacCommand(keys);
}
