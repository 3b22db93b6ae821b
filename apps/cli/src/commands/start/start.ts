import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { integerOption } from '../../options.js';
import { checkPortFree, portInUse } from '../port-in-use.js';
import { buildWebApps } from '../web-builds.js';

interface StartOptions {
  port: string;
  dataDir?: string;
  people: string;
  daySeconds: string;
}

const DAY = 86_400_000;

/**
 * Simulated time runs fast (a day a minute by default), so codes, tokens and certificates get the
 * longest lifetimes the configuration allows — else a short code would expire before anyone could
 * type it. Set in the environment, they win.
 */
const DEMO_LIFETIMES: Record<string, string> = Object.fromEntries(
  Object.entries({
    BLUEZONE_SHORT_CODE_LIFETIME: '1h',
    BLUEZONE_LONG_CODE_LIFETIME: '48h',
    BLUEZONE_TOKEN_LIFETIME: '14d',
    BLUEZONE_CERTIFICATE_LIFETIME: '1h',
  }).map(([name, value]) => [name, process.env[name] ?? value]),
);

/**
 * `bluezone start` (`npm start`): the platform on one machine — the server on the embedded database
 * and a simulated district in accelerated time, round after round, through the real API, until
 * Ctrl-C.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'run the platform on this machine: the server (embedded database) and a simulated district warning itself through it, in accelerated time, until Ctrl-C',
    )
    .option(
      '--port <port>',
      'TCP port of the server (default: BLUEZONE_PORT or 8080; 0: any free port)',
      process.env.BLUEZONE_PORT ?? '8080',
    )
    .option('--data-dir <dir>', 'where the demo keeps its data (recreated at each start)', undefined)
    .option('--people <n>', 'people in the simulated district', '3000')
    .option(
      '--day-seconds <s>',
      'real seconds a simulated day lasts at least (0: as fast as the machine goes)',
      '60',
    )
    .action((options: StartOptions) => runStart(options));
}

async function runStart(o: StartOptions): Promise<void> {
  const port = integerOption(o.port, '--port', 0, 65_535);
  const people = integerOption(o.people, '--people', 10, 200_000);
  const daySeconds = integerOption(o.daySeconds, '--day-seconds', 0, 86_400);
  const dataDir = o.dataDir ?? join(process.env.BLUEZONE_DATA_DIR ?? '.bluezone', 'demo');
  await checkPortFree(port, '127.0.0.1');
  const sim = await import('@bluezone/sim');
  const { startEmbeddedServer } = await import('../sim/embedded-server.js');
  // The demo runs on simulated time, so its data start afresh each time.
  rmSync(dataDir, { recursive: true, force: true });
  const firstDay = Math.floor(Date.now() / DAY) * DAY;
  const clock = new sim.SimClock(firstDay);
  const { registerDemoAirRoutes } = await import('./demo-air-routes.js');
  const air = new sim.DemoAir(clock, new sim.Random(Date.now() >>> 0));
  const web = await buildWebApps((line) => process.stdout.write(`${line}\n`));
  const server = await startEmbeddedServer(clock, {
    dataDir,
    port,
    routes: (app) => registerDemoAirRoutes(app, air),
    webApp: { dir: web.app, demoAirUrl: '/demo/air' },
    webConsole: { dir: web.console },
    env: DEMO_LIFETIMES,
  }).catch((error: unknown) => {
    air.close();
    throw portInUse(error, port);
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const { ensureDemoAccount } = await import('@bluezone/server');
  const demo = await ensureDemoAccount(server.app.core);
  out('Bluezone is running on this machine (Ctrl-C stops it).');
  out(`  citizen app            ${server.baseUrl}/app/  (joins the simulated district as one more person)`);
  out(`  console                ${server.baseUrl}/console/`);
  out(`  API and OpenAPI docs   ${server.baseUrl}/docs`);
  out(`  exports (phones read)  ${server.baseUrl}/v1/exports/${server.region}/index.txt`);
  out(`  export signing keys    ${server.baseUrl}/v1/exports/${server.region}/keys.json`);
  out(`  health, metrics        ${server.baseUrl}/healthz  ${server.baseUrl}/metrics`);
  out(`  demo air               ${server.baseUrl}/demo/air/join  (how a phone outside the simulation joins)`);
  out(`  admin API key          ${server.adminApiKey}  (X-API-Key on /api/issue …)`);
  out(
    `  console login          ${demo.username} / ${demo.password ?? '(unchanged: set with bluezone admin user add)'}  (national administrator)`,
  );
  out(
    `  data                   ${dataDir} (embedded PostgreSQL; simulated time starts ${new Date(firstDay).toISOString().slice(0, 10)})`,
  );
  out(
    `Simulating ${people.toLocaleString('en')} people in Thái Bình, 24 % with the app, 14 days a round, in accelerated time (${daySeconds === 0 ? 'as fast as possible' : `a day every ${daySeconds} s`}).`,
  );

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    out('stopping after the current simulated day … (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const pace = sim.simPace(clock, daySeconds === 0 ? 0 : DAY / (daySeconds * 1000), () => stopping);
  try {
    for (let round = 1; !stopping; round++) {
      const startMs = Math.ceil(clock.nowMs() / DAY) * DAY;
      const options = { ...sim.DEFAULT_SIMULATION, people, seed: round, startMs, fullRuntimeSample: 10 };
      let last = -1;
      const report = await sim
        .runSimulation(
          options,
          server,
          clock,
          (p) => {
            if (p.phase !== 'phones' || p.day === last) return;
            last = p.day;
            out(
              `round ${round}, day ${p.day + 1}/${p.days} (${new Date(startMs + p.day * DAY).toISOString().slice(0, 10)}): ${p.infections} exposed, ${p.warnings} phones warned`,
            );
          },
          () => stopping,
          (world) => air.attach(world),
          pace,
        )
        .catch((error: unknown) => {
          if (stopping) return undefined;
          throw error;
        });
      if (report) for (const line of sim.summaryLines(report)) out(`  ${line}`);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    air.close();
    await server.close();
    out('stopped.');
  }
}
