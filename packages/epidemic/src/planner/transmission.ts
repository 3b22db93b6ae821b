import { type DiseaseCourse, NEVER, severityInfectiousness } from '../course/disease-course.js';
import type { ContactNetworks, NetworkDay } from '../networks/contact-networks.js';
import type { PlannerParameters } from './parameters.js';

/** `infectedDay` of someone never infected. */
export const NOT_INFECTED = -1;

/** The per-person state transmission reads and writes. */
export interface TransmissionState {
  readonly infectedDay: Int32Array;
  readonly courses: readonly (DiseaseCourse | undefined)[];
  /** What is left of each person's Exp(1) hazard budget. */
  readonly hazard: Float64Array;
  /** S(age) / Ī(age type) of each person. */
  readonly susceptibility: Float32Array;
  /** Share of the infectiousness curve on each day since infection. */
  readonly infectiousness: Float64Array;
  readonly infect: (person: number) => void;
}

/**
 * One day of transmission: every interaction of an infectious person (infected before today, not
 * recovered, dead or in hospital) with a susceptible one uses up R·A(severity)·B(network)·S/Ī × the
 * day's infectiousness of the susceptible's hazard budget; who runs out is infected today.
 */
export function transmitDay(
  record: NetworkDay,
  networks: ContactNetworks,
  infectors: readonly number[],
  p: PlannerParameters,
  state: TransmissionState,
): void {
  const { infectedDay, hazard, susceptibility, infectiousness, courses } = state;
  const t = p.relativeTransmission;
  const network = [t.household, t.occupation, t.random];
  const severityFactor = [0, 1, 2].map((severity) => severityInfectiousness(p, severity));
  for (let k = 0; k < infectors.length; k++) {
    const person = infectors[k] as number;
    const since = record.day - (infectedDay[person] as number);
    const course = courses[person] as DiseaseCourse;
    if (since <= 0 || since >= course.end || (course.hospital !== NEVER && since >= course.hospital))
      continue;
    const rate =
      p.infectiousRate * (severityFactor[course.severity] as number) * (infectiousness[since] ?? 0);
    if (rate <= 0) continue;
    networks.forEachInteraction(person, record, (other, n) => {
      if (infectedDay[other] !== NOT_INFECTED) return;
      const left =
        (hazard[other] as number) - rate * (network[n] as number) * (susceptibility[other] as number);
      hazard[other] = left;
      if (left <= 0) state.infect(other);
    });
  }
}

/** Each age group's chance of having the app for an overall `adoption` share. */
export function appShares(p: PlannerParameters, adoption: number): number[] {
  if (p.adoptionProfile === 'uniform') return p.appUsersFraction.map(() => adoption);
  const shares = p.population.ageShares;
  const profileMean = p.appUsersFraction.reduce((sum, f, g) => sum + f * (shares[g] ?? 0), 0);
  return p.appUsersFraction.map((f) => Math.min(1, (adoption * f) / profileMean));
}
