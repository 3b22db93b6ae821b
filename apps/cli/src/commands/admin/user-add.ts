import type { ConsoleUserView } from '@bluezone/server';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { serverConfig } from './server-config.js';

interface UserAddOptions {
  dataDir?: string;
  username: string;
  password: string;
  role: string;
  province?: string;
  json?: boolean;
}

const ROLES = ['national', 'province', 'caseworker', 'analyst'];

/** `bluezone admin user add`: a console account (the first national administrator, typically). */
export function registerAdminUserCommand(admin: Command): void {
  const user = admin.command('user').description('health-authority console accounts');
  user
    .command('add')
    .description('create a console account (password hashed with scrypt)')
    .option(
      '--data-dir <dir>',
      'data directory of the embedded database (default: BLUEZONE_DATA_DIR or ./.bluezone)',
    )
    .requiredOption('--username <name>', '3-64 characters: lowercase letters, digits, dot, dash, underscore')
    .requiredOption('--password <password>', 'at least 10 characters')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--province <iso>', 'ISO 3166-2 province code, e.g. VN-20 (required for the province role)')
    .option('--json', 'print {username, role, province, createdAt} as JSON')
    .action((options: UserAddOptions) => runUserAdd(options));
}

async function runUserAdd(options: UserAddOptions): Promise<void> {
  if (!ROLES.includes(options.role))
    throw new CliError(`--role must be one of ${ROLES.join(', ')}, not "${options.role}"`);
  const { ConsoleError, createConsoleAccount, createLogger, openCore } = await import('@bluezone/server');
  const config = await serverConfig({ BLUEZONE_DATA_DIR: options.dataDir });
  const core = await openCore(config, {
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr),
  });
  try {
    const user = await createConsoleAccount(core, {
      username: options.username,
      password: options.password,
      role: options.role,
      province: options.province,
    });
    printResult(options.json === true, toJson(user), () => human(user));
  } catch (error) {
    if (error instanceof ConsoleError) throw new CliError(error.message, 2, { cause: error });
    throw error;
  } finally {
    await core.close();
  }
}

const toJson = (u: ConsoleUserView) => ({
  username: u.username,
  role: u.role,
  province: u.province,
  createdAt: u.createdAt,
});

const human = (u: ConsoleUserView) =>
  `console user ${u.username} created: ${u.role}${u.province ? ` of ${u.province}` : ''}`;
