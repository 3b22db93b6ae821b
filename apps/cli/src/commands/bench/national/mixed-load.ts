import type { LoadRequest } from './closed-loop.js';
import type { RequestClass } from './load-model.js';

// Every request class at once, as the peak hour brings them: each request's class drawn at random in
// proportion to the class's peak-hour rate (docs/scale.md), so that classes compete for the same
// processes, connections and PostgreSQL as they will on the day.

/** The stage that makes a pipeline stage's input. */
const FEEDS: Partial<Record<RequestClass, RequestClass>> = {
  verify: 'issue',
  certificate: 'verify',
  publish: 'certificate',
};

/**
 * One generator for the mix. A pipeline stage with nothing to take runs the stage that feeds it; a
 * class with nothing to send (no export file yet) gives way to the most frequent class. Each request
 * is tagged with the class that ran (unless it names itself more precisely: a console page).
 */
export function mixedRequests(
  generators: Record<RequestClass, () => LoadRequest | undefined>,
  rates: Record<RequestClass, number>,
  random: () => number = Math.random,
): () => LoadRequest | undefined {
  const classes = (Object.keys(rates) as RequestClass[]).filter((c) => rates[c] > 0);
  const total = classes.reduce((sum, c) => sum + rates[c], 0);
  const commonest = [...classes].sort((a, b) => rates[b] - rates[a])[0] as RequestClass;
  const draw = (): RequestClass => {
    let x = random() * total;
    for (const c of classes) {
      x -= rates[c];
      if (x < 0) return c;
    }
    return commonest;
  };
  return () => {
    let name = draw();
    for (;;) {
      const request = generators[name]();
      if (request) return { ...request, tag: request.tag ?? name };
      const feed = FEEDS[name];
      if (feed) name = feed;
      else if (name !== commonest) name = commonest;
      else return undefined;
    }
  };
}
