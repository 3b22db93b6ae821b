import type { PlannerParameters, PlannerPreset, PlannerRegime } from '@bluezone/sim';
import { CliError } from '../../cli-error.js';
import { readJsonFile } from '../../io.js';
import { integerOption } from '../../options.js';

/** The options of `bluezone plan` as commander hands them over (texts). */
export interface PlanCommandOptions {
  people: string;
  days: string;
  adoption: string;
  depth?: string;
  seeds: string;
  seed: string;
  preset: string;
  regime: string;
  adoptionProfile?: string;
  appDay?: string;
  params?: string;
  json?: boolean;
  progress: boolean;
}

/** The checked options: the model's input. */
export interface PlanRequest {
  readonly people: number;
  readonly days: number;
  readonly adoption: number[];
  readonly depth: 1 | 2;
  readonly seeds: number;
  readonly seed: number;
  readonly preset: PlannerPreset;
  readonly regime: PlannerRegime;
  readonly parameters: PlannerParameters;
}

/** A comma-separated list of shares, each from 0 (exclusive) to 1. */
export function adoptionList(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const values = parts.map(Number);
  if (
    parts.length > 20 ||
    parts.some((part, i) => !/^(0?\.\d+|1(\.0*)?)$/.test(part) || !((values[i] as number) > 0))
  ) {
    throw new CliError(`--adoption must be 1–20 shares above 0 up to 1, like 0.2,0.4,0.6, not "${text}"`);
  }
  return values;
}

function oneOf<T extends string>(text: string, flag: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text))
    throw new CliError(`${flag} must be ${allowed.join(' or ')}, not "${text}"`);
  return text as T;
}

/** Checks every option and builds the parameters: preset, then --params, regime, --depth, profile, app day. */
export async function planRequest(o: PlanCommandOptions): Promise<PlanRequest> {
  const sim = await import('@bluezone/sim');
  const people = integerOption(o.people, '--people', 100, 2_000_000);
  const days = integerOption(o.days, '--days', 1, 365);
  const adoption = adoptionList(o.adoption);
  const seeds = integerOption(o.seeds, '--seeds', 1, 100);
  const seed = integerOption(o.seed, '--seed', 0, 4_000_000_000);
  const preset = oneOf(o.preset, '--preset', sim.PLANNER_PRESETS);
  const regime = oneOf(o.regime, '--regime', sim.PLANNER_REGIMES);
  let parameters = sim.presetParameters(preset);
  if (o.params !== undefined) {
    const { parameters: merged, problems } = sim.overrideParameters(parameters, readJsonFile(o.params));
    if (problems.length > 0) throw new CliError(`${o.params}: ${problems.join('; ')}`);
    parameters = merged;
  }
  parameters = sim.withRegime(parameters, regime);
  const depth =
    o.depth === undefined
      ? parameters.tracingNetworkDepth
      : (Number(oneOf(o.depth, '--depth', ['1', '2'])) as 1 | 2);
  const adoptionProfile =
    o.adoptionProfile === undefined
      ? parameters.adoptionProfile
      : oneOf(o.adoptionProfile, '--adoption-profile', ['uniform', 'age'] as const);
  const appTurnOnDay =
    o.appDay === undefined ? parameters.appTurnOnDay : integerOption(o.appDay, '--app-day', 0, 365);
  parameters = Object.freeze({ ...parameters, tracingNetworkDepth: depth, adoptionProfile, appTurnOnDay });
  if (parameters.seedInfections > people)
    throw new CliError(`--people must be at least seedInfections (${parameters.seedInfections})`);
  return { people, days, adoption, depth, seeds, seed, preset, regime, parameters };
}
