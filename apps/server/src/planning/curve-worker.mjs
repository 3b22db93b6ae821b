// The worker thread that computes one adoption curve (curve-runner.ts starts it with the
// adoptionCurve() options as workerData): the model runs here, never on the server's event loop.
// The server's sources are TypeScript run through tsx, as bin/bluezone.mjs does for the CLI.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runCurveJob } = await import('./curve-job.ts');
runCurveJob(workerData, (message) => parentPort?.postMessage(message));
