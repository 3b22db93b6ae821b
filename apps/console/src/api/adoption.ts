import { useQuery } from '@tanstack/react-query';
import { get, isNotAvailable, query } from './client.js';

// Answers of the adoption routes (apps/server/src/adoption/adoption-console.schemas.ts; docs/api.md
// "Adoption, campaigns, statistics"). Every count is a Cell: null and suppressed below 10.

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

interface Names {
  vi: string;
  en: string;
}

export interface ProvinceRow extends Names {
  iso: string;
  population: number;
  installs: Cell;
  active: Cell;
  adoptionRate: number | null;
  rank: number | null;
  rankLabel: string | null;
}

export interface ProvinceBrief extends Names {
  iso: string;
  adoptionRate: number | null;
  rankLabel: string | null;
}

export interface SeriesPoint {
  day: string;
  value: number | null;
  suppressed: boolean;
  cumulative: number;
}

export interface TargetProgress {
  id: string;
  area: string;
  areaLevel: string;
  areaName: Names;
  province: string | null;
  kind: string;
  share: number | null;
  baseCount: number | null;
  deadline: string;
  label: string;
  targetUsers: number | null;
  current: Cell;
  reached: number | null;
  remaining: number | null;
  daysLeft: number;
  overdue: boolean;
  dailyPaceNeeded: number | null;
  recentDailyAverage: number | null;
  onTrack: boolean | null;
}

export interface NationalAdoption {
  asOf: string;
  activeDay: string;
  total: { population: number; installs: Cell; appInstalls: Cell; active: Cell; adoptionRate: number | null };
  nationalTarget: { users: number; reached: number | null; remaining: number | null };
  provinces: ProvinceRow[];
  top: ProvinceBrief[];
  bottom: ProvinceBrief[];
  sources: { source: string; installs: Cell }[];
}

export interface ProvinceAdoption {
  asOf: string;
  province: Names & { iso: string; population: number };
  installs: Cell;
  appInstalls: Cell;
  active: Cell;
  activeDay: string;
  adoptionRate: number | null;
  rankLabel: string | null;
  districts: (Names & { code: string; population: number | null; installs: Cell })[];
  noDistrict: Cell;
  organisations: { code: string; name: string; type: string; installs: Cell }[];
  noOrganisation: Cell;
  channels: { code: string; channel: string; label: string; installs: Cell }[];
  noChannel: Cell;
  sources: { source: string; installs: Cell }[];
  series: SeriesPoint[];
  targets: TargetProgress[];
}

export interface Timeseries {
  area: string;
  asOf: string;
  series: SeriesPoint[];
  targets: TargetProgress[];
}

/** The routes this console reads; a 404 `not_found` means "not available yet" on this server. */
export const ADOPTION_ROUTES = {
  national: '/adoption/national',
  province: (iso: string) => `/adoption/provinces/${encodeURIComponent(iso)}`,
  timeseries: (province?: string) => `/adoption/timeseries${query({ province })}`,
} as const;

/** A query whose route may not exist yet: `notAvailable` instead of an error then. */
export function useOptionalQuery<T>(key: readonly unknown[], path: string, enabled = true) {
  const result = useQuery({ queryKey: key, queryFn: () => get<T>(path), enabled });
  return { ...result, notAvailable: isNotAvailable(result.error) };
}

export const useNationalAdoption = () =>
  useOptionalQuery<NationalAdoption>(['adoption', 'national'], ADOPTION_ROUTES.national);

export const useProvinceAdoption = (iso: string) =>
  useOptionalQuery<ProvinceAdoption>(['adoption', 'province', iso], ADOPTION_ROUTES.province(iso));

export const useTimeseries = (province?: string) =>
  useOptionalQuery<Timeseries>(
    ['adoption', 'timeseries', province ?? 'VN'],
    ADOPTION_ROUTES.timeseries(province),
  );

/** `/console/api` + path, for "not available yet" notes. */
export const apiPath = (path: string) => `/console/api${path}`;
