-- Abuse limits shared by every server process (issue 16): sliding-window counters for code guessing
-- (`/api/verify`, `/api/certificate`), declarations and console sign-ins. PostgreSQL 15 compatible.
-- The client address (IPv6 grouped by /64) or username is stored only as an HMAC-SHA-256 under a key
-- derived from the server secret and the window's start, so a key changes every window and a row
-- cannot be matched with another window's. A row is needed for its own window and the next one (the
-- sliding window weighs the previous window's count), and deleted once that next window has ended.
CREATE TABLE rate_limit_counts (
  -- Which limit: 'verify', 'signin-address', 'signin-account'.
  scope text NOT NULL,
  window_start timestamptz NOT NULL,
  key_hmac bytea NOT NULL,
  hits integer NOT NULL,
  -- window_start + 2 windows: when the row is deleted.
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (scope, window_start, key_hmac)
);
CREATE INDEX rate_limit_counts_expires_at ON rate_limit_counts (expires_at);
