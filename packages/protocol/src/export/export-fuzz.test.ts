// Property-based tests: valid exports round-trip; any other bytes give a ProtocolError, nothing else.
import { create, toBinary } from '@bufbuild/protobuf';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compareBytes, concatBytes, fromBase64, fromHex, toBase64 } from '../bytes.js';
import type { DiagnosisKey, ReportType } from '../diagnosis.js';
import { ProtocolError } from '../errors.js';
import { loadExportExample } from '../test-support/spec.js';
import type { IntervalNumber } from '../time/interval.js';
import { decodeExportBin, EXPORT_BIN_HEADER, encodeExportBin } from './export-bin.js';
import { decodeExportSig } from './export-sig.js';
import { TemporaryExposureKeyExportSchema, TemporaryExposureKeySchema } from './gen/export_pb.js';
import { parsePublicKeyPem } from './pem-keys.js';
import type { ExportContents } from './types.js';
import { readExportZip, writeExportZip } from './zip.js';

const example = loadExportExample();
const exampleBin = fromHex(example.exportBinHex);
const exampleSig = fromHex(example.exportSigHex);
const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });

const diagnosisKey: fc.Arbitrary<DiagnosisKey> = fc.record(
  {
    // Mostly random keys; some from a two-byte alphabet, so keys share prefixes (and collide).
    keyData: fc.oneof(
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
      fc.uint8Array({ minLength: 16, maxLength: 16, max: 1 }),
    ),
    rollingStartIntervalNumber: fc.integer({ min: 0, max: 0x7fffffff }).map((n) => n as IntervalNumber),
    rollingPeriod: fc.oneof(fc.constant(144), fc.integer({ min: 1, max: 144 })),
    transmissionRiskLevel: fc.oneof(fc.integer({ min: 0, max: 8 }), int32),
    reportType: fc.integer({ min: 0, max: 5 }).map((n) => n as ReportType),
    daysSinceOnsetOfSymptoms: int32,
  },
  {
    requiredKeys: [
      'keyData',
      'rollingStartIntervalNumber',
      'rollingPeriod',
      'transmissionRiskLevel',
      'reportType',
    ],
  },
);

const contents: fc.Arbitrary<ExportContents> = fc
  .record({
    start: fc.integer({ min: 0, max: 2 ** 40 }),
    length: fc.integer({ min: 0, max: 2 ** 20 }),
    region: fc.string({ maxLength: 8, unit: 'grapheme' }),
    batchSize: fc.integer({ min: 1, max: 0x7fffffff }),
    batchPick: fc.double({ min: 0, max: 1, noNaN: true }),
    signatureInfos: fc.array(
      fc.record({
        verificationKeyVersion: fc.string(),
        verificationKeyId: fc.string(),
        signatureAlgorithm: fc.string(),
      }),
      { maxLength: 3 },
    ),
    keys: fc.array(diagnosisKey, { maxLength: 20 }),
    revisedKeys: fc.array(diagnosisKey, { maxLength: 5 }),
  })
  .map((r) => ({
    header: {
      startTimestamp: r.start,
      endTimestamp: r.start + r.length,
      region: r.region,
      batchSize: r.batchSize,
      batchNum: Math.max(1, Math.ceil(r.batchPick * r.batchSize)),
    },
    signatureInfos: r.signatureInfos,
    keys: r.keys,
    revisedKeys: r.revisedKeys,
  }));

/** Runs `f`; anything thrown must be a ProtocolError. */
function protocolErrorOrValue(f: () => unknown): void {
  try {
    f();
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
  }
}

const sorted = (keys: readonly DiagnosisKey[]) =>
  [...keys].sort((a, b) => compareBytes(a.keyData, b.keyData));

/** A byte string and edits of it: flipped bytes, cuts, insertions. */
function mutated(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      base,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 })), {
        maxLength: 4,
      }),
    )
    .map(([bytes, edits]) => {
      let out = bytes;
      for (const [at, value, kind] of edits) {
        const i = out.length === 0 ? 0 : at % out.length;
        if (kind === 0 && out.length > 0) out = Uint8Array.from(out, (b, j) => (j === i ? value : b));
        else if (kind === 1) out = out.subarray(0, i);
        else out = new Uint8Array([...out.subarray(0, i), value, ...out.subarray(i)]);
      }
      return out;
    });
}

/** The reference encoding: protobuf-es's generated code, with the same omissions GAEN servers make. */
function referenceEncoding(c: ExportContents): Uint8Array {
  const key = (k: DiagnosisKey) =>
    create(TemporaryExposureKeySchema, {
      keyData: k.keyData,
      ...(k.transmissionRiskLevel !== 0 && { transmissionRiskLevel: k.transmissionRiskLevel }),
      rollingStartIntervalNumber: k.rollingStartIntervalNumber,
      ...(k.rollingPeriod !== 144 && { rollingPeriod: k.rollingPeriod }),
      ...(k.reportType !== 0 && { reportType: k.reportType }),
      ...(k.daysSinceOnsetOfSymptoms !== undefined && {
        daysSinceOnsetOfSymptoms: k.daysSinceOnsetOfSymptoms,
      }),
    });
  const message = create(TemporaryExposureKeyExportSchema, {
    startTimestamp: BigInt(c.header.startTimestamp),
    endTimestamp: BigInt(c.header.endTimestamp),
    region: c.header.region,
    batchNum: c.header.batchNum,
    batchSize: c.header.batchSize,
    signatureInfos: c.signatureInfos.map((info) => ({ ...info })),
    keys: sorted(c.keys).map(key),
    revisedKeys: sorted(c.revisedKeys).map(key),
  });
  return concatBytes(EXPORT_BIN_HEADER, toBinary(TemporaryExposureKeyExportSchema, message));
}

describe('export files under random input', () => {
  it('encodes byte for byte as protobuf-es does', () => {
    fc.assert(
      fc.property(contents, (c) => {
        expect(encodeExportBin(c)).toEqual(referenceEncoding(c));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips random valid exports', () => {
    fc.assert(
      fc.property(contents, (c) => {
        const decoded = decodeExportBin(encodeExportBin(c));
        expect(decoded.header).toEqual(c.header);
        expect(decoded.signatureInfos).toEqual(c.signatureInfos);
        expect(decoded.keys).toEqual(sorted(c.keys));
        expect(decoded.revisedKeys).toEqual(sorted(c.revisedKeys));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes random or mutated export.bin to a value or a ProtocolError', () => {
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([...EXPORT_BIN_HEADER, ...b])),
      contents.map(encodeExportBin),
      fc.constant(exampleBin),
    );
    fc.assert(
      fc.property(mutated(bodies), (bytes) => protocolErrorOrValue(() => decodeExportBin(bytes))),
      { numRuns: 4000 },
    );
  });

  it('decodes random or mutated export.sig to a value or a ProtocolError', () => {
    const sigs = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.constant(exampleSig));
    fc.assert(
      fc.property(mutated(sigs), (bytes) => protocolErrorOrValue(() => decodeExportSig(bytes))),
      { numRuns: 4000 },
    );
  });

  it('reads random or mutated zips to a value or a ProtocolError', () => {
    const zips = fc.oneof(
      fc.constant(writeExportZip({ exportBin: exampleBin, exportSig: exampleSig })),
      fc.constant(zipSync({ 'export.bin': [exampleBin, { level: 0 }], 'export.sig': exampleSig })),
      fc.uint8Array({ maxLength: 300 }),
    );
    fc.assert(
      fc.property(mutated(zips), (bytes) => protocolErrorOrValue(() => readExportZip(bytes))),
      { numRuns: 4000 },
    );
  });

  it('parses random or mutated public keys to a key or a ProtocolError', () => {
    const der = fromBase64(example.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''));
    fc.assert(
      fc.property(mutated(fc.constant(der)), (bytes) => {
        const pem = `-----BEGIN PUBLIC KEY-----\n${toBase64(bytes)}\n-----END PUBLIC KEY-----\n`;
        protocolErrorOrValue(() => parsePublicKeyPem(pem));
      }),
      { numRuns: 2000 },
    );
  });
});
