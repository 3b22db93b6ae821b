-- Summaries of the adoption counts, so that the national and province views read a few hundred rows
-- instead of every counter row (63 provinces × 705 districts × 365 days × platforms × versions…).
-- Kept up to date in the same transaction as the rows they sum: the counter flush adds to them, a
-- CSV import recomputes what it touched (docs/scale.md, "Adoption summaries"). Aggregates only, like
-- the tables they sum: no person, device, address or time finer than the day.

-- App-reported installs and active signals per area and UTC day: one row per province and day, and
-- one per day for the whole country (area 'VN').
CREATE TABLE adoption_daily (
  area text NOT NULL,
  day date NOT NULL,
  installs bigint NOT NULL DEFAULT 0 CHECK (installs >= 0),
  active bigint NOT NULL DEFAULT 0 CHECK (active >= 0),
  PRIMARY KEY (area, day)
);
CREATE INDEX adoption_daily_day ON adoption_daily (day);

-- Cumulative app-reported counts of a province, by one dimension: 'province' (key ''), 'district',
-- 'organisation' or 'channel' (key '' = reports without one).
CREATE TABLE adoption_totals (
  province text NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('province', 'district', 'organisation', 'channel')),
  key text NOT NULL,
  installs bigint NOT NULL DEFAULT 0 CHECK (installs >= 0),
  active bigint NOT NULL DEFAULT 0 CHECK (active >= 0),
  PRIMARY KEY (province, dimension, key)
);
CREATE INDEX adoption_totals_dimension ON adoption_totals (dimension, province);

-- Imported counts per source, province and day (districts summed), and per source and province.
CREATE TABLE adoption_import_daily (
  source text NOT NULL,
  province text NOT NULL,
  day date NOT NULL,
  installs bigint NOT NULL CHECK (installs >= 0),
  active bigint NOT NULL CHECK (active >= 0),
  PRIMARY KEY (source, province, day)
);
CREATE INDEX adoption_import_daily_day ON adoption_import_daily (day);

CREATE TABLE adoption_import_totals (
  source text NOT NULL,
  province text NOT NULL,
  installs bigint NOT NULL CHECK (installs >= 0),
  active bigint NOT NULL CHECK (active >= 0),
  PRIMARY KEY (source, province)
);

-- The counts already stored.
INSERT INTO adoption_daily (area, day, installs, active)
SELECT province, day, sum(installs), sum(active) FROM adoption_counts GROUP BY province, day;
INSERT INTO adoption_daily (area, day, installs, active)
SELECT 'VN', day, sum(installs), sum(active) FROM adoption_counts GROUP BY day;
INSERT INTO adoption_totals (province, dimension, key, installs, active)
SELECT province, 'province', '', sum(installs), sum(active) FROM adoption_counts GROUP BY province;
INSERT INTO adoption_totals (province, dimension, key, installs, active)
SELECT province, 'district', district, sum(installs), sum(active) FROM adoption_counts GROUP BY province, district;
INSERT INTO adoption_totals (province, dimension, key, installs, active)
SELECT province, 'organisation', organisation, sum(installs), sum(active) FROM adoption_counts
GROUP BY province, organisation;
INSERT INTO adoption_totals (province, dimension, key, installs, active)
SELECT province, 'channel', channel, sum(installs), sum(active) FROM adoption_counts GROUP BY province, channel;
INSERT INTO adoption_import_daily (source, province, day, installs, active)
SELECT source, province, day, sum(installs), sum(coalesce(active, 0)) FROM adoption_imports
GROUP BY source, province, day;
INSERT INTO adoption_import_totals (source, province, installs, active)
SELECT source, province, sum(installs), sum(active) FROM adoption_import_daily GROUP BY source, province;
