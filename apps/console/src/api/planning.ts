import type { AdoptionCurveAnswer, CurveRegimeName } from '@bluezone/api';
import { useQuery } from '@tanstack/react-query';
import { get, query } from './client.js';

// The "What adoption buys" curves (docs/planner.md, "In the console"): computed in the background on
// the server; the answer comes at once, and is asked again every few seconds while not ready.

export const PLANNING_ROUTE = (area: string, regime: CurveRegimeName) =>
  `/planning/adoption-curve${query({ area, regime })}`;

/** How often the page asks again while the curve is queued or computing. */
const POLL_MS = 2000;

export const useAdoptionCurve = (area: string, regime: CurveRegimeName) =>
  useQuery({
    queryKey: ['planning', area, regime],
    queryFn: () => get<AdoptionCurveAnswer>(PLANNING_ROUTE(area, regime)),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status === 'queued' || status === 'computing' ? POLL_MS : false;
    },
  });
