-- Venue check-in (issue 12, docs/checkin.md): venues the console registers and prints posters for,
-- trace warnings (a venue's location ID hash and a time window), the hourly packages they are
-- published in, and the certificates already used for a check-in upload. PostgreSQL 15 compatible.
-- Nothing here records a visit, a person, a device or an address of a client.

-- Permanent places and time-bound events of an organisation or of the health authority. The QR code's
-- payload is stored as made (with its random 16-byte seed): the code and its location ID never change
-- unless the venue's name, address, type, check-in length or times are edited.
CREATE TABLE venues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The organisation's invite code; null: registered by the health authority itself.
  organisation text REFERENCES campaign_organisations (code) ON DELETE CASCADE,
  province text NOT NULL,
  district text,
  name text NOT NULL,
  address text NOT NULL,
  -- CWA's TraceLocationType (1-12).
  location_type integer NOT NULL CHECK (location_type BETWEEN 1 AND 12),
  default_check_in_minutes integer NOT NULL CHECK (default_check_in_minutes BETWEEN 1 AND 1440),
  -- Events only; both null for a permanent place.
  starts_at timestamptz,
  ends_at timestamptz,
  seed bytea NOT NULL CHECK (octet_length(seed) = 16),
  payload bytea NOT NULL,
  location_id bytea NOT NULL CHECK (octet_length(location_id) = 32),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (starts_at IS NULL OR starts_at <= ends_at))
);
CREATE INDEX venues_province ON venues (province, name);
CREATE INDEX venues_organisation ON venues (organisation);

-- Warnings to publish: a location ID hash, a window in 10-minute intervals and a transmission risk
-- level, and the hour (hours since the epoch) the server received it, which picks its package.
-- `source`: 'upload' (a person who reported positive shared check-ins) or 'venue' (a case worker).
CREATE TABLE trace_warnings (
  id bigserial PRIMARY KEY,
  location_id_hash bytea NOT NULL CHECK (octet_length(location_id_hash) = 32),
  start_interval_number integer NOT NULL CHECK (start_interval_number >= 0),
  period integer NOT NULL CHECK (period BETWEEN 1 AND 144),
  transmission_risk_level integer NOT NULL CHECK (transmission_risk_level BETWEEN 1 AND 8),
  received_hour integer NOT NULL,
  source text NOT NULL CHECK (source IN ('upload', 'venue'))
);
CREATE INDEX trace_warnings_received_hour ON trace_warnings (received_hour);

-- A verification certificate is good for one check-in upload: the SHA-256 of the certificate, kept
-- until the certificate expires. Not linked to the warnings it carried nor to the keys' upload.
CREATE TABLE trace_warning_certificates (
  certificate_hash bytea PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

-- One package per region and hour, written exactly once: planned, leased to one worker, complete
-- once its zip is in the blob store; the index lists complete hours in order.
CREATE TABLE trace_warning_packages (
  region text NOT NULL,
  hour integer NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'complete')),
  lease_owner text,
  lease_expires_at timestamptz,
  -- Real warnings in the package (padding not counted); statistics read it.
  warning_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (region, hour)
);
CREATE INDEX trace_warning_packages_work ON trace_warning_packages (status, hour) WHERE status <> 'complete';
