-- Export batches and the signed files written for them (PROTOCOL.md §4, docs/operations.md).
-- A batch covers the keys whose embargo ended in (start_timestamp, end_timestamp]. It is planned once
-- (unique region + start), claimed by one worker at a time through a lease, and marked complete only
-- after every one of its files is in the blob store; only complete batches' files are in the index.

CREATE TABLE export_batches (
  id bigserial PRIMARY KEY,
  region text NOT NULL,
  start_timestamp timestamptz NOT NULL,
  end_timestamp timestamptz NOT NULL CHECK (end_timestamp > start_timestamp),
  -- 'open' (planned), 'pending' (a worker holds the lease) or 'complete'.
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'complete')),
  lease_owner text,
  lease_expires_at timestamptz,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  UNIQUE (region, start_timestamp)
);

CREATE INDEX export_batches_work_idx ON export_batches (status, end_timestamp) WHERE status <> 'complete';
CREATE INDEX export_batches_region_end_idx ON export_batches (region, end_timestamp);

CREATE TABLE export_files (
  -- Relative to the exports root, e.g. VN/1590159600-1590246000-00001.zip.
  path text PRIMARY KEY,
  batch_id bigint NOT NULL REFERENCES export_batches (id) ON DELETE CASCADE,
  region text NOT NULL,
  batch_num integer NOT NULL CHECK (batch_num >= 1),
  batch_size integer NOT NULL CHECK (batch_size >= batch_num),
  key_count integer NOT NULL CHECK (key_count >= 0),
  created_at timestamptz NOT NULL,
  UNIQUE (batch_id, batch_num)
);

CREATE INDEX export_files_region_idx ON export_files (region);
