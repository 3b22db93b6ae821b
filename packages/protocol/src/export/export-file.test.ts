import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.js';
import { isProtocolError } from '../errors.js';
import { loadExportExample } from '../test-support/spec.js';
import { decodeExportBin } from './export-bin.js';
import { buildExportFile, readExportFile } from './export-file.js';
import { parsePrivateKeyPem, parsePublicKeyPem } from './pem-keys.js';
import { readExportZip, writeExportZip } from './zip.js';

const example = loadExportExample();
const decoded = decodeExportBin(fromHex(example.exportBinHex));
const info = example.inputs.signatureInfo;

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    signingKey: parsePrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    publicKey: parsePublicKeyPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

describe('buildExportFile / readExportFile', () => {
  it('rebuilds the example export.bin inside a signed zip, and reads it back verified', () => {
    const pair = keyPair();
    const zip = buildExportFile({
      ...decoded.header,
      keys: [...decoded.keys].reverse(),
      signers: [{ signingKey: pair.signingKey, signatureInfo: info }],
    });
    expect(readExportZip(zip).exportBin).toEqual(fromHex(example.exportBinHex));
    const file = readExportFile(zip, {
      publicKeys: [{ keyId: 'some_id', keyVersion: '1', publicKey: pair.publicKey }],
    });
    expect(file.header).toEqual(decoded.header);
    expect(file.keys).toEqual(decoded.keys);
    expect(file.revisedKeys).toEqual([]);
    expect(file.signatureInfos).toEqual([info]);
    expect(file.signatures).toEqual([{ keyId: 'some_id', keyVersion: '1', valid: true }]);
    const stranger = keyPair();
    const other = () =>
      readExportFile(zip, {
        publicKeys: [{ keyId: 'some_id', keyVersion: '1', publicKey: stranger.publicKey }],
      });
    expect(codeOf(other)).toBe('export_signature_invalid');
  });

  it('verifies the raw export.bin before decoding it: a tampered file is refused as unsigned', () => {
    const pair = keyPair();
    const publicKeys = [{ keyId: 'some_id', keyVersion: '1', publicKey: pair.publicKey }];
    const zip = buildExportFile({
      ...decoded.header,
      keys: decoded.keys,
      signers: [{ signingKey: pair.signingKey, signatureInfo: info }],
    });
    const { exportBin, exportSig } = readExportZip(zip);
    // One key byte changed: still valid protobuf, no longer what was signed.
    const flipped = exportBin.slice();
    flipped[flipped.length - 30] = (flipped[flipped.length - 30] as number) ^ 0xff;
    expect(
      codeOf(() => readExportFile(writeExportZip({ exportBin: flipped, exportSig }), { publicKeys })),
    ).toBe('export_signature_invalid');
    // Garbage after the header, which the decoder would refuse as malformed: never decoded at all.
    const garbage = Uint8Array.from([...exportBin.slice(0, 16), 0x0f, 0x01, 0xff, 0xff]);
    expect(
      codeOf(() => readExportFile(writeExportZip({ exportBin: garbage, exportSig }), { publicKeys })),
    ).toBe('export_signature_invalid');
  });

  it('reads the official example zipped with its own signature', () => {
    const zip = writeExportZip({
      exportBin: fromHex(example.exportBinHex),
      exportSig: fromHex(example.exportSigHex),
    });
    const publicKey = parsePublicKeyPem(example.publicKeyPem);
    const file = readExportFile(zip, { publicKeys: [{ keyId: 'some_id', keyVersion: '1', publicKey }] });
    expect(file.signatures).toEqual([{ keyId: 'some_id', keyVersion: '1', valid: true }]);
  });

  it('signs with two keys during rotation and honours maxBytes', () => {
    const [a, b] = [keyPair(), keyPair()];
    const infoB = { ...info, verificationKeyVersion: '2' };
    const zip = buildExportFile({
      ...decoded.header,
      keys: decoded.keys,
      revisedKeys: decoded.keys.slice(0, 1).map((k) => ({ ...k, reportType: 5 as const })),
      signers: [
        { signingKey: a.signingKey, signatureInfo: info },
        { signingKey: b.signingKey, signatureInfo: infoB },
      ],
    });
    const file = readExportFile(zip, {
      publicKeys: [{ keyId: 'some_id', keyVersion: '2', publicKey: b.publicKey }],
    });
    expect(file.signatureInfos).toEqual([info, infoB]);
    expect(file.signatures.map((s) => s.valid)).toEqual([false, true]);
    expect(file.revisedKeys[0]?.reportType).toBe(5);
    let code: string | undefined;
    try {
      readExportFile(zip, { publicKeys: [], maxBytes: 100 });
    } catch (e) {
      code = isProtocolError(e) ? e.code : String(e);
    }
    expect(code).toBe('export_too_large');
  });
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    return isProtocolError(e) ? e.code : String(e);
  }
}
