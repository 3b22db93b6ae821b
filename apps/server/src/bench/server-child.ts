// The real server for the benchmark: configuration from the environment (DATABASE_URL, BLUEZONE_SECRET,
// BLUEZONE_DATA_DIR), an ephemeral loopback port, no periodic jobs (the export pass is timed apart).
import { Writable } from 'node:stream';
import { createApp } from '../app/create-app.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../http/logger.js';
import { serveInChild } from './bench-child.js';

const config = loadConfig({ ...process.env, BLUEZONE_PORT: '0', BLUEZONE_HOST: '127.0.0.1' });
// Logged as in production (info; request logging is off), into nothing.
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const app = await createApp(config, { logger: createLogger(config.logLevel, sink) });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
serveInChild(address.port, () => app.close());
