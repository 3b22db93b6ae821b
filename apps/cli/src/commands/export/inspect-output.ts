import {
  type DiagnosisKey,
  type ExportContents,
  fromBase64,
  reportTypeName,
  type SignatureCheck,
  type TekSignature,
  toBase64,
  toHex,
} from '@bluezone/protocol';

/** Keys listed in the human summary; --json lists them all. */
const HUMAN_KEY_LIMIT = 20;

/** A key in `export inspect --json`: report type by name, absent onset as null. */
export interface InspectKeyJson {
  key: string;
  rollingStartIntervalNumber: number;
  rollingPeriod: number;
  transmissionRiskLevel: number;
  reportType: string;
  daysSinceOnsetOfSymptoms: number | null;
}

/** The whole `export inspect --json` document. */
export interface InspectJson {
  header: ExportContents['header'];
  signatureInfos: ExportContents['signatureInfos'];
  keys: InspectKeyJson[];
  revisedKeys: InspectKeyJson[];
  signatures: { keyId: string; keyVersion: string; valid: boolean | null }[];
}

/** The JSON document; `checks` undefined means no public key was given (valid: null). */
export function inspectJson(
  contents: ExportContents,
  signatures: readonly TekSignature[],
  checks: readonly SignatureCheck[] | undefined,
): InspectJson {
  return {
    header: contents.header,
    signatureInfos: contents.signatureInfos,
    keys: contents.keys.map(keyJson),
    revisedKeys: contents.revisedKeys.map(keyJson),
    signatures: signatures.map((s, i) => ({
      keyId: s.signatureInfo.verificationKeyId,
      keyVersion: s.signatureInfo.verificationKeyVersion,
      valid: checks?.[i]?.valid ?? null,
    })),
  };
}

function keyJson(key: DiagnosisKey): InspectKeyJson {
  return {
    key: toBase64(key.keyData),
    rollingStartIntervalNumber: key.rollingStartIntervalNumber,
    rollingPeriod: key.rollingPeriod,
    transmissionRiskLevel: key.transmissionRiskLevel,
    reportType: reportTypeName(key.reportType),
    daysSinceOnsetOfSymptoms: key.daysSinceOnsetOfSymptoms ?? null,
  };
}

/** A few lines for people: the header, the signatures, the first keys. */
export function humanSummary(file: string, isZip: boolean, doc: InspectJson): string {
  const { header } = doc;
  const time = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const lines = [
    `file        ${file} (${isZip ? 'zip' : 'bare export.bin, no signatures'})`,
    `region      ${header.region}, batch ${header.batchNum} of ${header.batchSize}`,
    `period      ${time(header.startTimestamp)} … ${time(header.endTimestamp)} (${header.startTimestamp}–${header.endTimestamp})`,
    `keys        ${doc.keys.length}, revised keys ${doc.revisedKeys.length}`,
    ...doc.signatureInfos.map(
      (s) =>
        `signed by   key id ${s.verificationKeyId} version ${s.verificationKeyVersion} (${s.signatureAlgorithm})`,
    ),
    ...doc.signatures.map((s) => {
      const state = s.valid === null ? 'not checked (no --public-key)' : s.valid ? 'valid' : 'INVALID';
      return `signature   ${s.keyId} version ${s.keyVersion}: ${state}`;
    }),
  ];
  const list = (title: string, keys: InspectKeyJson[]) => {
    if (keys.length === 0) return [];
    const shown = keys.slice(0, HUMAN_KEY_LIMIT).map((k) => {
      const onset = k.daysSinceOnsetOfSymptoms ?? '-';
      const start = time(k.rollingStartIntervalNumber * 600);
      return `  ${toHex(fromBase64(k.key))}  start ${k.rollingStartIntervalNumber} (${start})  period ${k.rollingPeriod}  risk ${k.transmissionRiskLevel}  ${k.reportType}  onset ${onset}`;
    });
    const more =
      keys.length > HUMAN_KEY_LIMIT ? [`  … ${keys.length - HUMAN_KEY_LIMIT} more (--json lists all)`] : [];
    return ['', `${title}:`, ...shown, ...more];
  };
  return [...lines, ...list('keys', doc.keys), ...list('revised keys', doc.revisedKeys)].join('\n');
}
