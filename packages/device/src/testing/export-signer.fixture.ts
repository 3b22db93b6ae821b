// Test-only (excluded from the package build): an export signing key pair made with Node's crypto.
import { generateKeyPairSync } from 'node:crypto';
import {
  buildExportFile,
  type DiagnosisKey,
  ECDSA_SHA256_OID,
  type ExportPublicKey,
  parsePrivateKeyPem,
  parsePublicKeyPem,
} from '@bluezone/protocol';

/** A P-256 key pair as the export worker and a phone see it (key id 452, version v1). */
export function exportSigner() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signingKey = parsePrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const publicKeys: ExportPublicKey[] = [
    {
      keyId: '452',
      keyVersion: 'v1',
      publicKey: parsePublicKeyPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    },
  ];
  const signatureInfo = {
    verificationKeyId: '452',
    verificationKeyVersion: 'v1',
    signatureAlgorithm: ECDSA_SHA256_OID,
  };
  /** A signed one-batch export file of `region` with `keys`, its time window starting at `start`. */
  const exportFile = (region: string, keys: readonly DiagnosisKey[], start = 1000) =>
    buildExportFile({
      startTimestamp: start,
      endTimestamp: start + 1,
      region,
      batchNum: 1,
      batchSize: 1,
      keys: [...keys],
      signers: [{ signingKey, signatureInfo }],
    });
  return { signingKey, publicKeys, signatureInfo, exportFile };
}
