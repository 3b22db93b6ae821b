import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { integerOption } from '../options.js';

interface SimCommandOptions {
  people: string;
  days: string;
  adoption: string;
  seed: string;
  infections: string;
  sample: string;
  recursive: boolean;
  dataDir?: string;
  json?: boolean;
  report?: string;
  progress: boolean;
}

/** `bluezone sim`: a district of virtual phones against the real server. */
export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description(
      'simulate a district: people, movement, Bluetooth, an epidemic, and every app user running the phone runtime against a real server started in this process',
    )
    .option('--people <n>', 'population size', '5000')
    .option('--days <n>', 'simulated days', '14')
    .option('--adoption <share>', 'share of people with the app (Thái Bình, August 2020: 0.24)', '0.24')
    .option('--seed <n>', 'random seed: the same seed gives the same run', '1')
    .option('--infections <n>', 'people infected on day 0', '10')
    .option('--sample <n>', 'phones that also match on their own, to check the shared matcher', '50')
    .option('--no-recursive', 'do not give warned F1s a recursive code (no F2 warnings)')
    .option('--data-dir <dir>', "the server's data directory (default: a temporary one, deleted afterwards)")
    .option('--json', 'print the JSON report on stdout')
    .option('--report <file>', 'write the JSON report to a file')
    .option('--no-progress', 'no progress bar')
    .action((options: SimCommandOptions) => runSim(options));
}

function share(text: string, flag: string): number {
  const n = Number(text);
  if (!/^(0|1|0?\.\d+|1\.0*)$/.test(text) || !(n >= 0 && n <= 1)) {
    throw new CliError(`${flag} must be a share from 0 to 1, like 0.24, not "${text}"`);
  }
  return n;
}

async function runSim(o: SimCommandOptions): Promise<void> {
  const sim = await import('@bluezone/sim');
  const options = {
    ...sim.DEFAULT_SIMULATION,
    people: integerOption(o.people, '--people', 10, 2_000_000),
    days: integerOption(o.days, '--days', 1, 60),
    adoption: share(o.adoption, '--adoption'),
    seed: integerOption(o.seed, '--seed', 0, 4_294_967_295),
    initialInfections: integerOption(o.infections, '--infections', 0, 2_000_000),
    fullRuntimeSample: integerOption(o.sample, '--sample', 0, 100_000),
    recursiveCodes: o.recursive,
  };
  const problems = sim.validateSimulationOptions(options);
  if (problems.length > 0) throw new CliError(problems.join('; '));
  const { startEmbeddedServer } = await import('./sim/embedded-server.js');
  const { progressBar } = await import('./sim/progress.js');
  const clock = new sim.SimClock(options.startMs);
  const server = await startEmbeddedServer(clock, o.dataDir === undefined ? {} : { dataDir: o.dataDir });
  const bar = progressBar(o.progress && process.stderr.isTTY === true, options.days);
  let report: Awaited<ReturnType<typeof sim.runSimulation>>;
  try {
    report = await sim.runSimulation(options, server, clock, (p) => bar.update(p));
  } finally {
    bar.stop();
    await server.close();
  }
  if (o.report !== undefined) writeFileSync(o.report, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    o.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${sim.summaryLines(report).join('\n')}\n`,
  );
}
