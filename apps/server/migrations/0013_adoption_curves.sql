-- The planner's adoption curves for the console's "What adoption buys" panel (docs/planner.md, "In the
-- console"). One row per set of model inputs: `inputs_hash` is the SHA-256 of the model version, the
-- area's demography, the regime's parameters, people, days, seeds and the adoption grid, so areas with
-- the same inputs share a row and a change of any input asks for a new one. A row is queued by a
-- console request, claimed by one server process at a time through a lease (like export batches),
-- renewed as the computation progresses, and holds the curve once ready.

CREATE TABLE adoption_curves (
  inputs_hash text PRIMARY KEY CHECK (inputs_hash ~ '^[0-9a-f]{64}$'),
  regime text NOT NULL,
  -- The adoptionCurve() options the worker runs (JSON), so any process can compute a queued row.
  inputs jsonb NOT NULL,
  -- 'queued' (asked for), 'computing' (a process holds the lease), 'ready' or 'failed'.
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'computing', 'ready', 'failed')),
  progress real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  lease_owner text,
  lease_expires_at timestamptz,
  curve jsonb,
  error text,
  requested_at timestamptz NOT NULL,
  started_at timestamptz,
  completed_at timestamptz,
  CHECK ((status = 'ready') = (curve IS NOT NULL))
);

CREATE INDEX adoption_curves_work_idx ON adoption_curves (requested_at) WHERE status IN ('queued', 'computing');
