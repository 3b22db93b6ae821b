-- Published diagnosis keys ("exposures"), as the key server stores them.
-- Privacy: nothing here identifies a person, a device or an IP address. created_at is truncated
-- to the hour so rows cannot be linked to a request by time.

CREATE TABLE exposures (
  -- The 16-byte temporary exposure key; publishing the same key twice stores it once.
  exposure_key bytea PRIMARY KEY CHECK (length(exposure_key) = 16),
  region text NOT NULL,
  health_authority_id uuid NOT NULL REFERENCES health_authorities (id),
  rolling_start_interval_number integer NOT NULL CHECK (rolling_start_interval_number >= 0),
  rolling_period integer NOT NULL CHECK (rolling_period BETWEEN 1 AND 144),
  transmission_risk integer NOT NULL DEFAULT 0 CHECK (transmission_risk BETWEEN 0 AND 8),
  -- CONFIRMED_TEST, CONFIRMED_CLINICAL_DIAGNOSIS, SELF_REPORT, RECURSIVE or REVOKED.
  report_type text NOT NULL,
  days_since_onset_of_symptoms integer,
  traveler boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  -- Embargo: a key still valid when published is held back until it has expired.
  exportable_at timestamptz NOT NULL,
  -- A later revision (likely → confirmed, likely → revoked) with the same revision token.
  revised_report_type text,
  revised_days_since_onset_of_symptoms integer,
  revised_transmission_risk integer CHECK (revised_transmission_risk BETWEEN 0 AND 8),
  revised_at timestamptz,
  revised_exportable_at timestamptz
);

CREATE INDEX exposures_export_idx ON exposures (region, exportable_at);
CREATE INDEX exposures_revised_export_idx ON exposures (region, revised_exportable_at)
  WHERE revised_at IS NOT NULL;
CREATE INDEX exposures_retention_idx ON exposures (created_at);
