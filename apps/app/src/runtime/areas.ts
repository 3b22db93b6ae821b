import type { AppConfig } from '@bluezone/api';
import { appClient, offers } from './app-client.js';

/** A province (or district) with its name in both languages. */
export interface Area {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
}

export interface Province extends Area {
  readonly districts: readonly Area[];
}

type Raw = { iso?: unknown; code?: unknown; vi?: unknown; en?: unknown; name?: unknown; districts?: unknown };

/**
 * `GET /v1/areas` (the 2020 provinces with their districts) through the shared client when the
 * deployment offers it; an empty list otherwise, and the first run then skips the choice. The answer
 * is checked item by item: a malformed entry is left out, not trusted.
 */
export async function loadProvinces(config: AppConfig): Promise<Province[]> {
  if (!offers(config, 'areas')) return [];
  try {
    const body: { provinces?: unknown } = await appClient(config).areas();
    if (!Array.isArray(body.provinces)) return [];
    return body.provinces.flatMap((raw: Raw) => {
      const province = area(raw);
      if (province === undefined) return [];
      const districts = Array.isArray(raw.districts) ? raw.districts.flatMap((d: Raw) => area(d) ?? []) : [];
      return [{ ...province, districts }];
    });
  } catch {
    return [];
  }
}

function area(raw: Raw): Area | undefined {
  const code = raw.iso ?? raw.code;
  const vi = raw.vi ?? raw.name;
  if (typeof code !== 'string' || typeof vi !== 'string') return undefined;
  return { code, vi, en: typeof raw.en === 'string' ? raw.en : vi };
}

/** The name in the reader's language. */
export function areaName(area: Area, language: string): string {
  return language === 'en' ? area.en : area.vi;
}
