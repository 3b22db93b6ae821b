import { describe, expect, it } from 'vitest';
import { networkOptions } from '../planner/network-options.js';
import { OPENABM_BASELINE } from '../planner/parameters.js';
import { Random } from '../random/random.js';
import { ContactNetworks, HOUSEHOLD, type NetworkDay, OCCUPATION, RANDOM } from './contact-networks.js';
import { edgeCoin } from './edge-coin.js';
import { buildHouseholds, exactCounts } from './households.js';
import { buildRandomDay } from './random-network.js';

const p = OPENABM_BASELINE;
const options = networkOptions(p);

describe('planner contact networks', () => {
  it('gives the exact age mix and the household sizes asked for, each household headed by an adult', () => {
    expect(exactCounts(10, [1, 1, 1])).toEqual([4, 3, 3]);
    const people = buildHouseholds(
      20_000,
      p.population.ageShares,
      p.population.householdSizeShares,
      new Random(1),
    );
    const counts = new Array(9).fill(0);
    for (const group of people.ageGroup) counts[group]++;
    expect(counts).toEqual(exactCounts(20_000, p.population.ageShares));
    const households = people.start.length - 1;
    // Mean UK household size from the shares: Σ size × share = 2.39.
    expect(20_000 / households).toBeCloseTo(2.39, 1);
    let adultHeads = 0;
    for (let h = 0; h < households; h++) if ((people.ageGroup[people.start[h] ?? 0] ?? 0) >= 2) adultHeads++;
    expect(adultHeads).toBe(households);
  });

  it('gives the mean daily interactions of the parameters on each network', () => {
    const networks = new ContactNetworks(20_000, options, new Random(2), 7);
    const { ageGroup } = networks.population;
    const day: NetworkDay = {
      day: 3,
      presence: new Uint8Array(20_000),
      random: buildRandomDay(networks.randomCounts, () => true, new Random(3), { stubs: new Int32Array(0) }),
    };
    const sums = [0, 0, 0];
    let adults = 0;
    for (let person = 0; person < 20_000; person++) {
      const group = ageGroup[person] ?? 0;
      if (group < 2 || group > 6 || networks.occupation.network[person] !== 2) continue;
      adults++;
      networks.forEachInteraction(person, day, (_, network) => {
        sums[network] = (sums[network] ?? 0) + 1;
      });
    }
    // Adults on the work network: 7 work interactions a day (14 ties, half active), 4 random ones.
    expect((sums[OCCUPATION] ?? 0) / adults).toBeGreaterThan(6.3);
    expect((sums[OCCUPATION] ?? 0) / adults).toBeLessThan(7.3);
    expect((sums[RANDOM] ?? 0) / adults).toBeGreaterThan(3.6);
    expect((sums[RANDOM] ?? 0) / adults).toBeLessThan(4.4);
    expect(sums[HOUSEHOLD]).toBeGreaterThan(0);
    expect(networks.meanInteractions[1]).toBeGreaterThan(11);
  });

  it('flips the same coin for the same interaction and day, uniformly', () => {
    expect(edgeCoin(1, 2, 3, 4)).toBe(edgeCoin(1, 2, 3, 4));
    let below = 0;
    for (let i = 0; i < 20_000; i++) if (edgeCoin(9, i, i + 1, 5) < 0.3) below++;
    expect(below / 20_000).toBeCloseTo(0.3, 1);
  });
});
