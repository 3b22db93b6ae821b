import type { NationalAdoption, ProvinceAdoption, Timeseries } from '@bluezone/api';
import { useQuery } from '@tanstack/react-query';
import { get, isNotAvailable, query } from './client.js';

// The adoption routes (docs/api.md "Adoption, campaigns, statistics"); the answers' types are those
// of @bluezone/api's schemas. Every count is a Cell: null and suppressed below 10.

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
