// Measures the phone runtime's memory on hostile exports: a local server streams 1 GiB as an export
// zip, then as an index, and a real @bluezone/device syncs against it over fetch. Prints the peak
// RSS rise of each sync. `npx tsx scripts/phone-download-memory.ts [--mib 1024]`
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fetchTransport } from '@bluezone/api';
import { createDevice } from '@bluezone/device';
import { FakeClock, MemoryNotifier, MemoryStore, SeededRandom } from '@bluezone/device/testing';

const mibAt = process.argv.indexOf('--mib');
const mib = mibAt === -1 ? 1024 : Number(process.argv[mibAt + 1]);

if (process.argv[2] === 'serve') {
  // The server, in its own process so its buffers do not count: `/v1/exports/{zip,index}/…`.
  const { createServer } = await import('node:http');
  const chunk = new Uint8Array(256 * 1024).fill(0x41);
  const server = createServer((req, res) => {
    const hostileIndex = req.url?.startsWith('/v1/exports/HUGE/index.txt');
    if (req.url === '/v1/exports/VN/index.txt') return void res.end('VN/huge.zip');
    if (req.url !== '/v1/exports/VN/huge.zip' && !hostileIndex) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return void res.end('{"code":"not_found"}');
    }
    res.writeHead(200, { 'content-type': hostileIndex ? 'text/plain' : 'application/zip' });
    let sent = 0;
    const write = () => {
      while (sent < mib * 1024 * 1024 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    write();
    res.on('close', () => process.send?.({ url: req.url, sentMiB: sent / 1024 / 1024 }));
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port }));
} else {
  const child = fork(new URL(import.meta.url).pathname, ['serve', '--mib', String(mib)], {
    execArgv: ['--import', 'tsx'],
  });
  const sentLog: unknown[] = [];
  child.on('message', (m: { port?: number }) => void (m.port === undefined && sentLog.push(m)));
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  for (const region of ['VN', 'HUGE']) {
    const device = createDevice({
      ports: {
        clock: new FakeClock(Date.parse('2026-11-03T10:00:00Z')),
        random: new SeededRandom(1),
        store: new MemoryStore(),
        http: { request: fetchTransport(fetch, { timeoutSignal: (ms) => AbortSignal.timeout(ms) }) },
        notifier: new MemoryNotifier(),
      },
      phone: { oem: 'Google', model: 'Pixel 4' },
      server: { verificationUrl: `http://127.0.0.1:${port}`, deviceApiKey: 'k' },
      region,
      healthAuthorityId: 'vn.moh',
      exportPublicKeys: [],
      sync: { fileTimeoutMs: 600_000 },
    });
    await device.start();
    globalThis.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const outcome = await device.sync();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const what = region === 'VN' ? `a ${mib} MiB export zip` : `a ${mib} MiB index`;
    const result = outcome.report?.rejected[0]?.code ?? outcome.error?.code;
    console.log(`${what}: ${result}; peak RSS rise ${((peak - base) / 1024 / 1024).toFixed(1)} MiB`);
  }
  await new Promise((r) => setTimeout(r, 200));
  for (const line of sentLog) console.log('server side:', JSON.stringify(line));
  child.kill();
}
