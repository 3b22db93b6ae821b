import { createAuditRepository } from '../audit/audit.repository.js';
import type { ConsoleDeps } from './console.types.js';
import { ConsoleError } from './console-errors.js';
import type { ConsoleUser } from './roles.js';
import { base32Encode, generateTotpSecret, matchTotp, otpauthUri } from './totp.js';
import { type ConsoleUserRow, createUserRepository } from './user.repository.js';

/** The associated data a TOTP secret is sealed with: a sealed secret cannot be moved to another user. */
const context = (userId: string) => `console-totp/${userId}`;

export function decryptTotpSecret(deps: Pick<ConsoleDeps, 'keys'>, row: ConsoleUserRow): Uint8Array {
  if (!row.totpSecretEncrypted) throw new ConsoleError('totp_not_enrolled');
  return deps.keys.decrypt(row.totpSecretEncrypted, context(row.id));
}

/**
 * TOTP enrolment: `enrol` stores a new secret (encrypted with a key derived from the server secret)
 * and shows it once; `confirm` turns it on when the user proves it with a code. From then on sign-in
 * needs a code.
 */
export function createTotpService(deps: ConsoleDeps) {
  const users = createUserRepository(deps.db);
  const audit = createAuditRepository(deps.db);

  async function current(user: ConsoleUser): Promise<ConsoleUserRow> {
    const row = await users.findById(user.id);
    if (!row) throw new ConsoleError('not_signed_in');
    return row;
  }

  return {
    async enrol(user: ConsoleUser): Promise<{ secret: string; otpauthUri: string }> {
      const row = await current(user);
      if (row.totpConfirmedAt) throw new ConsoleError('totp_already_enabled');
      const secret = generateTotpSecret();
      await users.update(row.id, {
        totpSecretEncrypted: deps.keys.encrypt(secret, context(row.id)),
        totpConfirmedAt: null,
        totpLastStep: null,
      });
      return { secret: base32Encode(secret), otpauthUri: otpauthUri(secret, row.username) };
    },

    async confirm(user: ConsoleUser, code: string): Promise<{ totpEnabled: true }> {
      const row = await current(user);
      if (row.totpConfirmedAt) throw new ConsoleError('totp_already_enabled');
      const now = deps.clock.now();
      const step = matchTotp(decryptTotpSecret(deps, row), code.trim(), now);
      if (step === undefined) throw new ConsoleError('totp_invalid');
      await users.update(row.id, { totpConfirmedAt: now, totpLastStep: step });
      await audit.record(
        { actor: { id: row.id, username: row.username }, action: 'totp_enrolled', province: row.province },
        now,
      );
      return { totpEnabled: true };
    },
  };
}
