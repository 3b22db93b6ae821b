import type { ContactNetworkOptions } from '../networks/contact-networks.js';
import type { PlannerParameters } from './parameters.js';

/** The contact networks' options taken from the planner's parameters. */
export function networkOptions(p: PlannerParameters): ContactNetworkOptions {
  const r = p.randomInteractions;
  return {
    ageShares: p.population.ageShares,
    householdSizeShares: p.population.householdSizeShares,
    interactions: p.workInteractions,
    dailyFraction: p.dailyFractionWork,
    rewire: p.workNetworkRewire,
    childNetworkAdults: p.childNetworkAdults,
    elderlyNetworkAdults: p.elderlyNetworkAdults,
    randomInteractions: [r.child, r.adult, r.elderly],
  };
}
