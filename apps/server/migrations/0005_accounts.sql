-- Accounts of the health-authority console, their sessions, the codes issued through it and the
-- audit log (docs/decisions/0005-console-passwords-and-sessions.md). PostgreSQL 15 compatible.
-- No table holds a patient's identity: a code is recorded by its random uuid, type and time only.

CREATE TABLE console_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  -- scrypt, self-describing: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64, no padding).
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('national', 'province', 'caseworker', 'analyst')),
  -- ISO 3166-2 code (VN-20); null for national accounts and province-less case workers and analysts.
  province text,
  -- AES-256-GCM of the TOTP secret with a key derived from the server secret; null without TOTP.
  totp_secret_encrypted bytea,
  -- Set once the user proved the enrolled secret with a code: only then is TOTP required at login.
  totp_confirmed_at timestamptz,
  -- The last accepted TOTP time step: a code is never accepted twice.
  totp_last_step bigint,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  CHECK (role <> 'province' OR province IS NOT NULL),
  CHECK (role <> 'national' OR province IS NULL)
);
CREATE INDEX console_users_province ON console_users (province);

CREATE TABLE console_sessions (
  -- SHA-256 of the session id the cookie carries: a stolen table holds no usable session.
  id_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES console_users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- SHA-256 of the CSRF token (X-CSRF-Token) of this session.
  csrf_token_hash bytea NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);
CREATE INDEX console_sessions_expires_at ON console_sessions (expires_at);

CREATE TABLE console_codes (
  -- The verification code's uuid (verification_codes.uuid); never the code itself.
  uuid uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES console_users (id),
  username text NOT NULL,
  province text,
  test_type text NOT NULL,
  issued_at timestamptz NOT NULL
);
CREATE INDEX console_codes_issued_at ON console_codes (issued_at);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  -- Null for an attempt on an unknown username; the username is kept as it was at the time.
  user_id uuid,
  username text,
  action text NOT NULL,
  target text,
  province text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_province ON audit_log (province, id);
