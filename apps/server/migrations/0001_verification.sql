-- Health authorities, API keys, verification codes and tokens, signing keys, issuance counters.
-- PostgreSQL 15 compatible (PGlite runs a newer PostgreSQL: use nothing newer than 15).
-- No table holds a patient's identity: no phone number, name or address.

CREATE TABLE health_authorities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  health_authority_id uuid NOT NULL REFERENCES health_authorities (id),
  type text NOT NULL CHECK (type IN ('admin', 'device')),
  -- HMAC-SHA256 of the whole key with a key derived from the server secret.
  key_hmac bytea NOT NULL UNIQUE,
  label text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE verification_codes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  health_authority_id uuid NOT NULL REFERENCES health_authorities (id),
  short_code_hmac bytea NOT NULL UNIQUE,
  long_code_hmac bytea NOT NULL UNIQUE,
  test_type text NOT NULL CHECK (test_type IN ('confirmed', 'likely', 'negative', 'recursive')),
  symptom_date date,
  test_date date,
  issued_at timestamptz NOT NULL,
  short_expires_at timestamptz NOT NULL,
  long_expires_at timestamptz NOT NULL,
  claimed_at timestamptz
);
CREATE INDEX verification_codes_long_expires_at ON verification_codes (long_expires_at);

CREATE TABLE verification_tokens (
  -- HMAC-SHA256 of the token's jti: a stolen database reveals no usable token id.
  token_hmac bytea PRIMARY KEY,
  health_authority_id uuid NOT NULL REFERENCES health_authorities (id),
  test_type text NOT NULL,
  symptom_date date,
  test_date date,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  claimed_at timestamptz
);
CREATE INDEX verification_tokens_expires_at ON verification_tokens (expires_at);

CREATE TABLE signing_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 'token' and 'certificate' keys are the server's; 'export' keys belong to a health authority.
  purpose text NOT NULL CHECK (purpose IN ('token', 'certificate', 'export')),
  health_authority_id uuid REFERENCES health_authorities (id),
  key_id text NOT NULL,
  key_version text NOT NULL,
  public_key_pem text NOT NULL,
  -- AES-256-GCM(nonce || ciphertext || tag) of the PKCS#8 DER private key (docs/decisions/0003).
  private_key_encrypted bytea NOT NULL,
  created_at timestamptz NOT NULL,
  active boolean NOT NULL DEFAULT true,
  UNIQUE (purpose, key_id, key_version)
);
-- At most one active key per purpose and authority; racing creators conflict here.
CREATE UNIQUE INDEX signing_keys_one_active
  ON signing_keys (purpose, (coalesce(health_authority_id, '00000000-0000-0000-0000-000000000000'::uuid)))
  WHERE active;

CREATE TABLE issuance_counters (
  health_authority_id uuid NOT NULL REFERENCES health_authorities (id),
  day date NOT NULL,
  issued integer NOT NULL,
  PRIMARY KEY (health_authority_id, day)
);
