-- Trace warning packages by province (issue 17, docs/decisions/0020): as key exports, venue warnings
-- are published in the national set `VN` (every warning, hourly) and in one set per province (the
-- warnings of that province, in packages of BLUEZONE_EXPORT_PROVINCE_INTERVAL, at least an hour).
-- PostgreSQL 15 compatible.

-- The provinces a warning is published for besides the national set, fixed when it is stored: the
-- venue's province when the venue is registered here, else the reporting case's home province (the
-- certificate's claim), else none (national set only).
ALTER TABLE trace_warnings ADD COLUMN provinces text[] NOT NULL DEFAULT '{}';

-- A package covers `hours` hours from `hour` (national packages 1; province packages the province
-- interval, 24 by default).
ALTER TABLE trace_warning_packages ADD COLUMN hours integer NOT NULL DEFAULT 1 CHECK (hours BETWEEN 1 AND 24);

-- An uploaded warning names its venue by the hash of its location ID only: this finds a registered
-- venue's province from that hash (SHA-256, as docs/checkin.md "Location ID").
CREATE INDEX venues_location_id_hash ON venues (sha256(location_id));
