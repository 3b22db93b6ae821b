import type { Command } from 'commander';
import { registerAdminInitCommand } from './admin/init.js';
import { registerAdminUserCommand } from './admin/user-add.js';

/** `bluezone admin …`: provisioning the national backend. */
export function registerAdminCommand(program: Command): void {
  const admin = program
    .command('admin')
    .description('provision the server: health authorities and their keys');
  registerAdminInitCommand(admin);
  registerAdminUserCommand(admin);
}
