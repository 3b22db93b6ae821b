import type { Command } from 'commander';
import { registerAdminCommand } from './admin.js';
import { registerBenchCommand } from './bench.js';
import { registerCheckinCommand } from './checkin.js';
import { registerEvalCommand } from './eval.js';
import { registerExportCommand } from './export.js';
import { registerKeysCommand } from './keys.js';
import { registerPlanCommand } from './plan.js';
import { registerRiskCommand } from './risk.js';
import { registerServerCommand } from './server.js';
import { registerSimCommand } from './sim.js';
import { registerStartCommand } from './start/start.js';
import { registerTraceWarningsCommand } from './trace-warnings.js';

/** Adds every subcommand to the program. Each command group lives in its own file. */
export function registerCommands(program: Command): void {
  registerKeysCommand(program);
  registerExportCommand(program);
  registerTraceWarningsCommand(program);
  registerCheckinCommand(program);
  registerRiskCommand(program);
  registerBenchCommand(program);
  registerEvalCommand(program);
  registerServerCommand(program);
  registerSimCommand(program);
  registerPlanCommand(program);
  registerStartCommand(program);
  registerAdminCommand(program);
}
