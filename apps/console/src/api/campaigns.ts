import { type TargetProgress, useOptionalQuery } from './adoption.js';

// Campaign routes (docs/api.md "Adoption, campaigns, statistics").

export interface Organisation {
  code: string;
  name: string;
  type: string;
  province: string;
  district: string | null;
  inviteLink?: string;
  createdAt?: string;
}

export interface TrackedLink {
  code: string;
  channel: string;
  province: string;
  organisation: string | null;
  label: string;
  url?: string;
  smsText?: string;
  createdAt?: string;
}

export const CAMPAIGN_ROUTES = {
  targets: '/campaigns/targets',
  organisations: '/campaigns/organisations',
  links: '/campaigns/links',
  poster: (code: string) => `/campaigns/links/${encodeURIComponent(code)}/poster.pdf`,
} as const;

export const useTargets = () =>
  useOptionalQuery<{ targets: TargetProgress[] }>(['campaigns', 'targets'], CAMPAIGN_ROUTES.targets);
export const useOrganisations = () =>
  useOptionalQuery<{ organisations: Organisation[] }>(
    ['campaigns', 'organisations'],
    CAMPAIGN_ROUTES.organisations,
  );
export const useLinks = () =>
  useOptionalQuery<{ links: TrackedLink[] }>(['campaigns', 'links'], CAMPAIGN_ROUTES.links);
