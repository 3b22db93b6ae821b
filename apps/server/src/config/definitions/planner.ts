// The console's "What adoption buys" curves.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import type { ConfigEntry } from './entry.js';

export const plannerWorker = {
  key: 'plannerWorker',
  env: 'BLUEZONE_PLANNER_WORKER',
  kind: 'boolean',
  default: 'true',
  description:
    'Computes the console\'s "What adoption buys" curves in this process, in a worker thread, one curve at a time (docs/planner.md, "In the console"). `false`: this process only queues them for the processes that do (turn it off in tests and CI, or on processes that should keep their CPU for requests).',
} as const satisfies ConfigEntry;

export const plannerPeople = {
  key: 'plannerPeople',
  env: 'BLUEZONE_PLANNER_PEOPLE',
  kind: 'integer',
  default: '20000',
  min: 200,
  max: 200_000,
  description:
    "Agents in each run of the console's adoption curves. A curve is 2 depths × 7 adoption levels × the seeds below runs of 120 days: at 20,000 agents and 3 seeds about 27 s of CPU on one core (docs/planner.md, In the console).",
} as const satisfies ConfigEntry;

export const plannerSeeds = {
  key: 'plannerSeeds',
  env: 'BLUEZONE_PLANNER_SEEDS',
  kind: 'integer',
  default: '3',
  min: 1,
  max: 10,
  description: "Seeds (paired runs) averaged in each point of the console's adoption curves.",
} as const satisfies ConfigEntry;
