import type { Random } from '@bluezone/epidemic';
import { assignActivities } from './assign-activities.js';
import { assignPhones } from './assign-phones.js';
import { buildHouseholds } from './build-households.js';
import { type PopulationOptions, validatePopulationOptions } from './options.js';
import { phoneModelTable } from './phones.js';
import { PlaceRegistry } from './places.js';
import type { Population } from './population.js';

/**
 * Builds a population from options and a random stream. Each step draws from its own fork
 * (`households`, `activities`, `phones`), so changing one step does not reshuffle the others.
 * Throws a RangeError listing every problem when the options are invalid.
 */
export function buildPopulation(random: Random, options: PopulationOptions): Population {
  const problems = validatePopulationOptions(options);
  if (problems.length > 0) throw new RangeError(`invalid population options:\n- ${problems.join('\n- ')}`);
  const { place } = options;
  const registry = new PlaceRegistry();
  const households = buildHouseholds(random.fork('households'), place, options.people, registry);
  const activities = assignActivities(random.fork('activities'), place, households, registry);
  const table = phoneModelTable(place);
  const phoneModels = table.items;
  const modelIndex = new Map(phoneModels.map((model, index) => [model, index]));
  const phones = assignPhones(
    random.fork('phones'),
    place,
    households.age,
    households.urban,
    options.adoption,
    options.adoptionFactors,
    (stream) => modelIndex.get(table.draw(stream)) ?? 0,
  );
  return {
    size: options.people,
    age: households.age,
    urban: households.urban,
    commune: households.commune,
    home: households.home,
    households: households.households,
    ...activities,
    ...phones,
    phoneModels,
    places: registry.build(),
  };
}
