-- Province key files (issue 17, docs/decisions/0012). A code and its token carry the province of the
-- case (ISO 3166-2 of the configured area set, NULL: none given — the keys go to the national set
-- only); the certificate carries it as a signed claim. A key's provinces (its case's home province and
-- the provinces the person said they were in) are written by the same INSERT as the key and never
-- changed afterwards: a revision or a replayed certificate adds none.
ALTER TABLE verification_codes ADD COLUMN province text;
ALTER TABLE verification_tokens ADD COLUMN province text;
ALTER TABLE exposures ADD COLUMN provinces text[] NOT NULL DEFAULT '{}';
-- The export worker reads one province's set as `provinces @> ARRAY[code]` within a window.
CREATE INDEX exposures_provinces_idx ON exposures USING gin (provinces);
