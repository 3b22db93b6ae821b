import { customType, date, timestamp } from 'drizzle-orm/pg-core';

// Column types the Drizzle schema files share (each file declares its own tables).

/** `bytea`, read as a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

/** `timestamptz`, read as a Date. */
export const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `date`, read as its `YYYY-MM-DD` text. */
export const day = (name: string) => date(name, { mode: 'string' });
