import { generateKeyPairSync } from 'node:crypto';
import {
  buildExportFile,
  ECDSA_SHA256_OID,
  encodeExportBin,
  intervalNumber,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  ReportType,
  readExportFile,
  readExportZip,
} from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { packExportFile } from './export-zip.js';

function signer(version: string) {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = (k: typeof pair.publicKey, type: 'spki' | 'pkcs8') =>
    k.export({ type, format: 'pem' }).toString();
  return {
    signer: {
      signingKey: parsePrivateKeyPem(pem(pair.privateKey, 'pkcs8')),
      signatureInfo: {
        verificationKeyId: 'VN',
        verificationKeyVersion: version,
        signatureAlgorithm: ECDSA_SHA256_OID,
      },
    },
    publicKey: {
      keyId: 'VN',
      keyVersion: version,
      publicKey: parsePublicKeyPem(pem(pair.publicKey, 'spki')),
    },
  };
}

const header = {
  startTimestamp: 1_590_159_600,
  endTimestamp: 1_590_246_000,
  region: 'VN',
  batchNum: 1,
  batchSize: 1,
};
const keys = Array.from({ length: 3000 }, (_, i) => ({
  keyData: new Uint8Array(16).map((_, j) => (i * 31 + j * 7) % 256),
  rollingStartIntervalNumber: intervalNumber(2_650_000 + 144 * (i % 14)),
  rollingPeriod: 144,
  transmissionRiskLevel: i % 3,
  reportType: ReportType.CONFIRMED_TEST,
  daysSinceOnsetOfSymptoms: (i % 9) - 3,
}));

describe('packExportFile', () => {
  it('writes a zip phones read: the export.bin and the signatures buildExportFile makes, deflated', async () => {
    const [a, b] = [signer('v1'), signer('v2')];
    const signers = [a.signer, b.signer];
    const bin = encodeExportBin({
      header,
      signatureInfos: signers.map((s) => s.signatureInfo),
      keys,
      revisedKeys: [],
    });
    const zip = await packExportFile(bin, signers, { batchNum: 1, batchSize: 1 });
    const file = readExportFile(zip, { publicKeys: [a.publicKey, b.publicKey] });
    expect(file.signatures.map((s) => s.valid)).toEqual([true, true]);
    expect(file.keys).toHaveLength(keys.length);
    const ours = readExportZip(zip);
    const theirs = readExportZip(buildExportFile({ ...header, keys, signers }));
    expect(Buffer.compare(ours.exportBin, theirs.exportBin)).toBe(0);
    expect(Buffer.compare(ours.exportSig, theirs.exportSig)).toBe(0);
    expect(zip.length).toBeLessThan(bin.length); // deflated
    const again = await packExportFile(bin, signers, { batchNum: 1, batchSize: 1 });
    expect(Buffer.compare(again, zip)).toBe(0);
  });
});
