import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { ServerKeys } from '../crypto/server-keys.js';
import type { Database } from '../database/database.types.js';
import {
  type DeclarationLevel,
  type DeclarationStatus,
  declarations,
} from '../database/declarations.schema.js';

/** What a person declares about themselves; stored only encrypted. */
export interface PersonalData {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
  readonly note: string | null;
}

export interface NewDeclaration {
  readonly receivedDay: string;
  readonly region: string;
  readonly province: string | null;
  readonly level: DeclarationLevel;
  readonly exposureDate: string;
  readonly personal: PersonalData;
}

export interface DeclarationView extends Omit<NewDeclaration, 'personal'>, PersonalData {
  readonly id: string;
  readonly status: DeclarationStatus;
  readonly handledBy: string | null;
}

type Row = typeof declarations.$inferSelect;

/** The associated data of a row's ciphertext: a sealed blob cannot be moved onto another row. */
const contextOf = (id: string) => `declaration/${id}`;

/**
 * Declarations, with their personal data sealed under the `declaration-encryption` key
 * (docs/decisions/0003-secrets-at-rest.md) on the way in and opened on the way out.
 */
export function createDeclarationRepository(db: Database, keys: ServerKeys) {
  const open = (row: Row): DeclarationView => {
    const personal = JSON.parse(
      Buffer.from(keys.decryptDeclaration(row.personalDataEncrypted, contextOf(row.id))).toString('utf8'),
    ) as PersonalData;
    return {
      id: row.id,
      receivedDay: row.receivedDay,
      region: row.region,
      province: row.province,
      level: row.level,
      exposureDate: row.exposureDate,
      name: personal.name,
      phone: personal.phone,
      address: personal.address,
      note: personal.note ?? null,
      status: row.status,
      handledBy: row.handledBy,
    };
  };

  return {
    async insert(declaration: NewDeclaration): Promise<string> {
      const id = randomUUID();
      const plaintext = new TextEncoder().encode(JSON.stringify(declaration.personal));
      await db.insert(declarations).values({
        id,
        receivedDay: declaration.receivedDay,
        region: declaration.region,
        province: declaration.province,
        level: declaration.level,
        exposureDate: declaration.exposureDate,
        personalDataEncrypted: keys.encryptDeclaration(plaintext, contextOf(id)),
      });
      return id;
    },

    /** Newest first; `province` limits to one province (undefined: all, including those of none). */
    async list(filter: { province?: string; status?: DeclarationStatus }): Promise<DeclarationView[]> {
      const conditions: SQL[] = [];
      if (filter.province !== undefined) conditions.push(eq(declarations.province, filter.province));
      if (filter.status !== undefined) conditions.push(eq(declarations.status, filter.status));
      const rows = await db
        .select()
        .from(declarations)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(declarations.receivedDay), desc(declarations.id))
        .limit(1000);
      return rows.map(open);
    },

    /** The row without its personal data (for access checks before anything is decrypted). */
    async find(id: string): Promise<Omit<Row, 'personalDataEncrypted'> | undefined> {
      const [row] = await db.select().from(declarations).where(eq(declarations.id, id));
      if (!row) return undefined;
      const { personalDataEncrypted: _, ...rest } = row;
      return rest;
    },

    async setStatus(id: string, status: DeclarationStatus, handledBy: string): Promise<DeclarationView> {
      const [row] = await db
        .update(declarations)
        .set({ status, handledBy })
        .where(eq(declarations.id, id))
        .returning();
      if (!row) throw new Error(`declaration ${id} vanished`);
      return open(row);
    },
  };
}

export type DeclarationRepository = ReturnType<typeof createDeclarationRepository>;

/** Deletes the declarations received before `day` (YYYY-MM-DD), unopened; returns how many (retention). */
export async function deleteDeclarationsReceivedBefore(db: Database, day: string): Promise<number> {
  const rows = await db
    .delete(declarations)
    .where(lt(declarations.receivedDay, day))
    .returning({ id: declarations.id });
  return rows.length;
}
