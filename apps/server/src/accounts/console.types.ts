import type { VerificationDeps } from '../verification/verification.types.js';

/** What the console's services need: the verification deps (codes are issued through them) and options. */
export interface ConsoleDeps extends VerificationDeps {
  /**
   * Whether a text is a province code the console accepts. Default: `isVietnamProvinceCode` (the ISO
   * 3166-2 pattern); pass the administrative-units list's check to accept exactly its provinces.
   */
  readonly isProvinceCode?: (code: string) => boolean;
}
