import type { AreaProvince, Areas2020 } from '@bluezone/api';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from './client.js';

/** Viet Nam's 63 provinces (2020) with districts and population: public `GET /v1/areas`. */
export function useAreas() {
  return useQuery({
    queryKey: ['areas'],
    queryFn: () => get<Areas2020>('/v1/areas'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A name in the console's language (Vietnamese, else English). */
export function useAreaName(): (area: { vi: string; en: string } | undefined, fallback?: string) => string {
  const { i18n } = useTranslation();
  return (area, fallback = '') => (area ? (i18n.language === 'en' ? area.en : area.vi) : fallback);
}

/** The province with this ISO code, from the loaded areas. */
export function provinceOf(
  areas: Areas2020 | undefined,
  iso: string | null | undefined,
): AreaProvince | undefined {
  return iso ? areas?.provinces.find((p) => p.iso === iso) : undefined;
}
