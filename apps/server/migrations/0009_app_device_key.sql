-- The app's device API key (issue 16 item 15): `bluezone admin init` provisions a device API key for
-- the citizen app of the server's own authority and keeps it here, readable, so that
-- `GET /app/config.json` can hand it to the app without BLUEZONE_APP_DEVICE_API_KEY. A device key is
-- public inside the app (anyone who installs it can read it), so storing it readable discloses
-- nothing; the key is also in api_keys as an HMAC like every other key, and revoking it there stops it
-- (docs/security.md). Admin keys are never stored readable.
CREATE TABLE app_device_keys (
  health_authority_id uuid PRIMARY KEY REFERENCES health_authorities (id),
  api_key text NOT NULL,
  created_at timestamptz NOT NULL
);
