import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toHex } from '../bytes.js';
import type { DiagnosisKey } from '../diagnosis.js';
import { isProtocolError } from '../errors.js';
import { loadExportExample } from '../test-support/spec.js';
import type { IntervalNumber } from '../time/interval.js';
import { decodeExportBin, EXPORT_BIN_HEADER, encodeExportBin } from './export-bin.js';
import type { ExportContents } from './types.js';

const example = loadExportExample();

/** The example's inputs as ExportContents, keys in the order the JSON gives them (unsorted). */
function exampleContents(): ExportContents {
  const { inputs } = example;
  const keys: DiagnosisKey[] = inputs.keys.temporaryExposureKeys.map((k) => ({
    keyData: fromBase64(k.key),
    rollingStartIntervalNumber: k.rollingStartNumber as IntervalNumber,
    rollingPeriod: k.rollingPeriod,
    transmissionRiskLevel: k.transmissionRisk,
    reportType: 0,
  }));
  return {
    header: {
      startTimestamp: inputs.startTimestamp,
      endTimestamp: inputs.endTimestamp,
      region: inputs.region,
      batchNum: inputs.batchNum,
      batchSize: inputs.batchSize,
    },
    signatureInfos: [inputs.signatureInfo],
    keys,
    revisedKeys: [],
  };
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return isProtocolError(error) ? error.code : `not a ProtocolError: ${error}`;
  }
  return undefined;
}

describe('export.bin', () => {
  it('encodes the GAEN example byte for byte (keys sorted, defaults omitted)', () => {
    expect(toHex(encodeExportBin(exampleContents()))).toBe(example.exportBinHex);
  });

  it('decodes the GAEN example into its inputs, keys sorted', () => {
    const decoded = decodeExportBin(fromHex(example.exportBinHex));
    const expected = exampleContents();
    expect(decoded.header).toEqual(expected.header);
    expect(decoded.signatureInfos).toEqual(expected.signatureInfos);
    expect(decoded.keys.map((k) => toHex(k.keyData))).toEqual([
      '172fc480e598490c34177604339b1543',
      '2b63053ac483238de176169e861f3dcd',
    ]);
    expect(decoded.keys[0]).toMatchObject({
      rollingStartIntervalNumber: 2649980,
      rollingPeriod: 1,
      transmissionRiskLevel: 8,
      reportType: 0,
    });
    expect(decoded.keys[0]?.daysSinceOnsetOfSymptoms).toBeUndefined();
    expect(decoded.revisedKeys).toEqual([]);
  });

  it('round-trips report type, days since onset and revised keys', () => {
    const base = exampleContents();
    const [a, b] = base.keys as [DiagnosisKey, DiagnosisKey];
    const contents: ExportContents = {
      ...base,
      keys: [{ ...a, reportType: 1, daysSinceOnsetOfSymptoms: -3, rollingPeriod: 144 }],
      revisedKeys: [{ ...b, reportType: 4, daysSinceOnsetOfSymptoms: 2, transmissionRiskLevel: 0 }],
    };
    const decoded = decodeExportBin(encodeExportBin(contents));
    expect(decoded.keys).toEqual(contents.keys);
    expect(decoded.revisedKeys).toEqual(contents.revisedKeys);
  });

  it('skips deprecated signature-info fields 1 and 2 and unknown fields', () => {
    const bin = fromHex(example.exportBinHex);
    const body = bin.subarray(EXPORT_BIN_HEADER.length);
    // signature info with fields 1 and 2 ("app"), then unknown fields 51 (varint), 99 (bytes),
    // 101 (a group holding a varint) and 102 (fixed32).
    const extra = fromHex('32090a03617070120261709803059a060200ffab060801ac06b50601000000');
    const decoded = decodeExportBin(new Uint8Array([...EXPORT_BIN_HEADER, ...body, ...extra]));
    expect(decoded.signatureInfos).toHaveLength(2);
    expect(decoded.signatureInfos[1]).toEqual({
      verificationKeyVersion: '',
      verificationKeyId: '',
      signatureAlgorithm: '',
    });
  });

  it('rejects hostile or broken input with precise codes', () => {
    const bin = fromHex(example.exportBinHex);
    const body = (hex: string) => new Uint8Array([...EXPORT_BIN_HEADER, ...fromHex(hex)]);
    expect(codeOf(() => decodeExportBin(bin.subarray(0, 10)))).toBe('export_bad_header');
    expect(codeOf(() => decodeExportBin(fromHex(example.exportBinHex.replace('454b', '454c'))))).toBe(
      'export_bad_header',
    );
    expect(codeOf(() => decodeExportBin(bin.subarray(0, bin.length - 1)))).toBe('export_truncated');
    expect(
      codeOf(() =>
        decodeExportBin(bin, { maxBytes: 100, maxKeys: 9, maxSignatures: 9, maxSignatureBytes: 9 }),
      ),
    ).toBe('export_too_large');
    // batch_num as an 11-byte varint
    expect(codeOf(() => decodeExportBin(body('20ffffffffffffffffffff01')))).toBe('export_malformed');
    // region (field 3) sent as a varint
    expect(codeOf(() => decodeExportBin(body('1801')))).toBe('export_malformed');
    // a key with 15 bytes of key data
    expect(codeOf(() => decodeExportBin(body(`200128013a130a0f${'00'.repeat(15)}1801`)))).toBe(
      'export_invalid_key',
    );
    // rolling period 145
    expect(codeOf(() => decodeExportBin(body(`200128013a170a10${'00'.repeat(16)}1801209101`)))).toBe(
      'export_invalid_key',
    );
    // report type 9
    expect(codeOf(() => decodeExportBin(body(`200128013a160a10${'00'.repeat(16)}18012809`)))).toBe(
      'export_invalid_enum',
    );
    // a key whose length runs past the end of the file
    expect(codeOf(() => decodeExportBin(body('200128013a7f0a10')))).toBe('export_truncated');
    // batch_num -1 written as 5 bytes instead of sign-extended to 10
    expect(codeOf(() => decodeExportBin(body('20ffffffff0f2801')))).toBe('export_malformed');
    // batch_num -1 properly sign-extended is an int32 (then rejected as a batch number)
    expect(codeOf(() => decodeExportBin(body('20ffffffffffffffffff012801')))).toBe('export_invalid_header');
    // a tag with field number 0, and wire type 7
    expect(codeOf(() => decodeExportBin(body('0001')))).toBe('export_malformed');
    expect(codeOf(() => decodeExportBin(body('0f01')))).toBe('export_malformed');
    // an unknown field whose varint never ends
    expect(codeOf(() => decodeExportBin(body(`9803${'ff'.repeat(12)}`)))).toBe('export_malformed');
    // start_timestamp beyond 2^53
    expect(codeOf(() => decodeExportBin(body('09ffffffffffffffff')))).toBe('export_malformed');
    // batch 2 of 1
    expect(codeOf(() => decodeExportBin(body('20022801')))).toBe('export_invalid_header');
    // more keys than allowed
    const many = body(`20012801${`3a140a10${'00'.repeat(16)}1801`.repeat(3)}`);
    expect(decodeExportBin(many).keys).toHaveLength(3);
    expect(
      codeOf(() =>
        decodeExportBin(many, { maxBytes: 1000, maxKeys: 2, maxSignatures: 1, maxSignatureBytes: 1 }),
      ),
    ).toBe('export_too_large');
  });
});
