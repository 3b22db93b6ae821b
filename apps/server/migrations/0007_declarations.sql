-- Declarations (issue 6): an F1/F2 person's optional declaration to the health authority, sent from the
-- app's warning screen only when the person presses send (docs/privacy.md "Declarations").
-- PostgreSQL 15 compatible. The personal data (name, phone, address, note) is stored only as
-- AES-256-GCM ciphertext under a key derived from the server secret (`declaration-encryption`, with
-- the row's id as associated data). No IP address, no device identifier, no link to keys, and no time
-- finer than the UTC day it was received. Deleted `BLUEZONE_DECLARATION_RETENTION` (30 days) after.
CREATE TABLE declarations (
  id uuid PRIMARY KEY,
  received_day date NOT NULL,
  -- The region of the device API key the app sent it with.
  region text NOT NULL,
  -- ISO 3166-2 code of the province the person named; null when not given.
  province text,
  level text NOT NULL CHECK (level IN ('F1', 'F2')),
  exposure_date date NOT NULL,
  -- nonce (12) ‖ ciphertext of the JSON {name, phone, address, note} ‖ tag (16).
  personal_data_encrypted bytea NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'closed')),
  -- The console username that last changed the status.
  handled_by text
);
CREATE INDEX declarations_province_day ON declarations (province, received_day);
CREATE INDEX declarations_received_day ON declarations (received_day);
