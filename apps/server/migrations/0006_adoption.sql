-- Adoption counts, counts imported from others, campaigns (targets, organisations, tracked links) and
-- daily statistics of the key server (docs/privacy.md, docs/api.md "Adoption, campaigns, statistics").
-- PostgreSQL 15 compatible. No table holds a person, a device, an address or a time finer than a day.

-- What apps report, as counters incremented in place: one row per (UTC day, area, organisation,
-- tracked link, platform, version), never a row per report. '' stands for "not given" (key columns).
CREATE TABLE adoption_counts (
  day date NOT NULL,
  province text NOT NULL,
  district text NOT NULL DEFAULT '',
  organisation text NOT NULL DEFAULT '',
  channel text NOT NULL DEFAULT '',
  platform text NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
  app_version text NOT NULL,
  installs integer NOT NULL DEFAULT 0 CHECK (installs >= 0),
  active integer NOT NULL DEFAULT 0 CHECK (active >= 0),
  PRIMARY KEY (day, province, district, organisation, channel, platform, app_version)
);
CREATE INDEX adoption_counts_province_day ON adoption_counts (province, day);

-- Counts reported by others (app stores, telecom operators), per source, day and area; a new import
-- of the same (source, day, area) replaces the old figure.
CREATE TABLE adoption_imports (
  source text NOT NULL,
  day date NOT NULL,
  province text NOT NULL,
  district text NOT NULL DEFAULT '',
  installs integer NOT NULL CHECK (installs >= 0),
  active integer CHECK (active >= 0),
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (source, day, province, district)
);
CREATE INDEX adoption_imports_province_day ON adoption_imports (province, day);

-- Targets per area: a share of the population or of smartphone users, or a number of users, by a day.
CREATE TABLE campaign_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 'VN' (the whole country), a province's ISO code or a district's GSO code.
  area text NOT NULL,
  -- The province the area is in (scoping); null for the whole country.
  province text,
  kind text NOT NULL CHECK (kind IN ('population_share', 'smartphone_share', 'absolute')),
  -- 0 < share <= 1 for the shares; null for an absolute target.
  share double precision CHECK (share IS NULL OR (share > 0 AND share <= 1)),
  -- The number of users for an absolute target; the smartphone users of the area for a smartphone share.
  base_count bigint CHECK (base_count IS NULL OR base_count > 0),
  deadline date NOT NULL,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX campaign_targets_province ON campaign_targets (province);

-- Unions, companies, schools… whose members install with the organisation's invite code.
CREATE TABLE campaign_organisations (
  code text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('union', 'company', 'school', 'agency', 'other')),
  province text NOT NULL,
  district text,
  created_at timestamptz NOT NULL
);
CREATE INDEX campaign_organisations_province ON campaign_organisations (province);

-- Tracked install links: `/app/?org=…&ch=<code>`; installs carry the code as `channel`.
CREATE TABLE campaign_links (
  code text PRIMARY KEY,
  -- 'sms:viettel', 'sms:vinaphone', 'sms:mobifone', 'poster', 'organisation' or 'other'.
  channel text NOT NULL,
  province text NOT NULL,
  organisation text REFERENCES campaign_organisations (code) ON DELETE CASCADE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL
);
CREATE INDEX campaign_links_province ON campaign_links (province);

-- Daily statistics of the key server, kept beyond the 48 h / 14 day retention of the rows they are
-- counted from: each read takes the larger of the stored and the live count.
CREATE TABLE statistics_daily (
  day date NOT NULL,
  -- 'codes_issued', 'codes_used', 'keys_published', 'uploads'.
  metric text NOT NULL,
  -- The test type or report type; '' when there is none.
  kind text NOT NULL DEFAULT '',
  value bigint NOT NULL CHECK (value >= 0),
  PRIMARY KEY (day, metric, kind)
);

-- Export files as the statistics saw them (size read once from the blob store), kept after retention.
CREATE TABLE statistics_export_files (
  path text PRIMARY KEY,
  region text NOT NULL,
  day date NOT NULL,
  key_count integer NOT NULL,
  size_bytes bigint
);
CREATE INDEX statistics_export_files_day ON statistics_export_files (day);
