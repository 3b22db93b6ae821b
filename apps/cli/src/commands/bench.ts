import type { Command } from 'commander';
import { registerCheckinBench } from './bench/checkin-command.js';
import { registerMatchBench } from './bench/match-command.js';
import { registerNationalBench } from './bench/national-command.js';
import { registerPhoneDayBench } from './bench/phone-day-command.js';
import { registerPlanBench } from './bench/plan-command.js';
import { registerServerBench } from './bench/server-command.js';
import { registerSimBench } from './bench/sim-command.js';

/** `bluezone bench …`: benchmarks (they print ratios to a reference; they are not tests). */
export function registerBenchCommand(program: Command): void {
  const bench = program.command('bench').description('benchmarks: measure, print ratios to a reference');
  registerMatchBench(bench);
  registerNationalBench(bench);
  registerCheckinBench(bench);
  registerPhoneDayBench(bench);
  registerPlanBench(bench);
  registerServerBench(bench);
  registerSimBench(bench);
}
