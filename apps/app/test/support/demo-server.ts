import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the test deployment's health authority announces (the app must show these, not its own). */
export const TEST_NOTICES = {
  notices: [
    {
      id: 'test-vaccination',
      title: { vi: 'Lịch tiêm chủng tuần này', en: "This week's vaccination" },
      body: { vi: 'Trạm y tế xã mở cửa thứ Bảy.', en: 'The commune health station opens on Saturday.' },
    },
  ],
  faq: [],
};

/** `bluezone start` running for a test: its address, the admin API key, and how to stop it. */
export interface DemoServer {
  readonly base: string;
  readonly adminApiKey: string;
  output(): string;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/**
 * Starts `bluezone start` (npm start) on a free port with a small district in fast simulated time,
 * and waits for its address and admin API key. `BLUEZONE_APP_TEST_START` may name another script
 * taking the same output contract (used while `start` did not serve the app yet).
 */
export async function startDemoServer(dataDir: string, daySeconds: number): Promise<DemoServer> {
  const script = process.env.BLUEZONE_APP_TEST_START;
  const args = script
    ? ['--import', 'tsx', script, dataDir, String(daySeconds)]
    : [
        'apps/cli/bin/bluezone.mjs',
        'start',
        '--port',
        '0',
        '--people',
        '300',
        '--day-seconds',
        String(daySeconds),
        '--data-dir',
        dataDir,
      ];
  // Simulated time runs a day every few seconds: the codes, tokens and certificates live as long as
  // the server allows, so a test (or a person) can use them before they expire.
  // The health authority's notices (BLUEZONE_NOTICES), outside the data directory start recreates.
  const notices = `${dataDir}-notices.json`;
  writeFileSync(notices, JSON.stringify(TEST_NOTICES));
  const env = {
    ...process.env,
    BLUEZONE_NOTICES: notices,
    BLUEZONE_SHORT_CODE_LIFETIME: '1h',
    BLUEZONE_LONG_CODE_LIFETIME: '48h',
    BLUEZONE_TOKEN_LIFETIME: '14d',
    BLUEZONE_CERTIFICATE_LIFETIME: '1h',
  };
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    out += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  // Up to 5 minutes: under load, building and starting take long (docs/testing.md).
  for (let i = 0; i < 1500; i++) {
    const base = /API and OpenAPI docs\s+(http:\/\/[^\s]+)\/docs/.exec(out)?.[1];
    const adminApiKey = /admin API key\s+(\S+)/.exec(out)?.[1];
    if (base && adminApiKey) return { base, adminApiKey, output: () => out, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`bluezone start did not come up:\n${out}`);
}

/** A code from the admin API (what a case worker does in the console). */
export async function issueCode(
  server: DemoServer,
  testType: 'confirmed' | 'recursive',
  testDate: string,
  /** The case's home province (ISO 3166-2); none: its keys go to the national set only. */
  province?: string,
): Promise<{ code: string; longCode: string }> {
  const response = await fetch(`${server.base}/api/issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': server.adminApiKey },
    body: JSON.stringify({ testType, testDate, ...(province === undefined ? {} : { province }) }),
  });
  const body = (await response.json()) as { code?: string; longCode?: string; error?: string };
  if (!response.ok || !body.code || !body.longCode) throw new Error(`issue failed: ${JSON.stringify(body)}`);
  return { code: body.code, longCode: body.longCode };
}

/** Waits until `check` returns a value (polling), or fails with `what`. */
export async function eventually<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
