import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Cell, type TargetProgress, useOptionalQuery } from './adoption.js';
import { del, post, query } from './client.js';

// Campaign routes (apps/server/src/campaigns/campaigns.schemas.ts; docs/api.md "Adoption, campaigns,
// statistics"): targets, organisations with invite codes, tracked links with SMS texts and posters.

export interface SmsText {
  text: string;
  encoding: string;
  length: number;
  segments: number;
  singleLimit: number;
}

export interface Organisation {
  code: string;
  name: string;
  type: string;
  province: string;
  district: string | null;
  createdAt: string;
  installUrl: string;
  posterUrl: string;
  installs: Cell;
}

export interface TrackedLink {
  code: string;
  channel: string;
  province: string;
  organisation: string | null;
  label: string;
  createdAt: string;
  installUrl: string;
  posterUrl: string;
  sms: { vi: SmsText; en: SmsText };
  installs: Cell;
}

export const ORGANISATION_TYPES = ['union', 'company', 'school', 'agency', 'other'] as const;
export const CHANNELS = [
  'sms:viettel',
  'sms:vinaphone',
  'sms:mobifone',
  'poster',
  'organisation',
  'other',
] as const;
export const TARGET_KINDS = ['population_share', 'smartphone_share', 'absolute'] as const;

export const CAMPAIGN_ROUTES = {
  targets: '/campaigns/targets',
  target: (id: string) => `/campaigns/targets/${encodeURIComponent(id)}`,
  organisations: '/campaigns/organisations',
  organisation: (code: string) => `/campaigns/organisations/${encodeURIComponent(code)}`,
  links: '/campaigns/links',
  link: (code: string) => `/campaigns/links/${encodeURIComponent(code)}`,
} as const;

export const useTargets = (province?: string) =>
  useOptionalQuery<{ targets: TargetProgress[] }>(
    ['campaigns', 'targets', province ?? ''],
    `${CAMPAIGN_ROUTES.targets}${query({ province })}`,
  );
export const useOrganisations = (province?: string) =>
  useOptionalQuery<{ organisations: Organisation[] }>(
    ['campaigns', 'organisations', province ?? ''],
    `${CAMPAIGN_ROUTES.organisations}${query({ province })}`,
  );
export const useLinks = (province?: string) =>
  useOptionalQuery<{ links: TrackedLink[] }>(
    ['campaigns', 'links', province ?? ''],
    `${CAMPAIGN_ROUTES.links}${query({ province })}`,
  );

/** A create or delete under /campaigns that refreshes the campaign and adoption views. */
export function useCampaignChange<I, O = unknown>(change: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['campaigns'] });
      void client.invalidateQueries({ queryKey: ['adoption'] });
    },
  });
}

export const createIn = (path: string) => (body: Record<string, unknown>) => post(path, body);
export const deleteAt = (path: (key: string) => string) => (key: string) => del(path(key));
