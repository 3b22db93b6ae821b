-- Retention (docs/operations.md): a published key is deleted BLUEZONE_KEY_RETENTION after its rolling
-- period ends, i.e. when rolling_start_interval_number + rolling_period (in 10-minute intervals) is
-- past the cutoff. This index lets the hourly cleanup find those rows without a full scan.

CREATE INDEX exposures_key_end_idx ON exposures ((rolling_start_interval_number + rolling_period));

-- The cleanup looks for complete batches that ended before the cutoff.
CREATE INDEX export_batches_retention_idx ON export_batches (end_timestamp) WHERE status = 'complete';
