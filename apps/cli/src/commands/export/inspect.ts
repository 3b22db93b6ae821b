import {
  decodeExportBin,
  decodeExportSig,
  EXPORT_BIN_HEADER,
  type ExportPublicKey,
  parsePublicKeyPem,
  readExportZip,
  type TekSignature,
  verifyExportSignatures,
} from '@bluezone/protocol';
import type { Command } from 'commander';
import { CliError, ExitCode } from '../../cli-error.js';
import { printResult, readInputFile, readTextFile } from '../../io.js';
import { protocolCall } from './build.js';
import { humanSummary, inspectJson } from './inspect-output.js';

interface InspectOptions {
  publicKey?: string[];
  json?: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** `bluezone export inspect`: decode an export zip (or a bare export.bin) and verify its signatures. */
export function registerInspectCommand(exportCommand: Command): void {
  exportCommand
    .command('inspect')
    .description('decode an export zip or a bare export.bin, and verify its signatures')
    .argument('<file>', 'export zip, or a bare export.bin (which has no signatures)')
    .option(
      '--public-key <file>',
      'PEM file (SPKI "PUBLIC KEY", P-256) to verify with; repeatable; each is tried against every signature whatever its key id. Exit 1 if none verifies',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option(
      '--json',
      'print {header, signatureInfos, keys, revisedKeys, signatures} as JSON: keys as {key (base64), rollingStartIntervalNumber, rollingPeriod, transmissionRiskLevel, reportType (a name: UNKNOWN, CONFIRMED_TEST, CONFIRMED_CLINICAL_DIAGNOSIS, SELF_REPORT, RECURSIVE, REVOKED), daysSinceOnsetOfSymptoms (null when absent)}; signatures as {keyId, keyVersion, valid (null when no --public-key was given)}',
    )
    .action((file: string, options: InspectOptions) => runInspect(file, options));
}

function runInspect(file: string, options: InspectOptions): void {
  const keys = (options.publicKey ?? []).map((path) =>
    protocolCall(path, () => parsePublicKeyPem(readTextFile(path))),
  );
  const bytes = readInputFile(file);
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const isBin = EXPORT_BIN_HEADER.every((b, i) => bytes[i] === b);
  if (!isZip && !isBin)
    throw new CliError(`${file}: neither a zip nor an export.bin ("EK Export v1" header)`);

  const { exportBin, signatures } = protocolCall(file, () => {
    if (!isZip) return { exportBin: bytes, signatures: [] as TekSignature[] };
    const entries = readExportZip(bytes);
    return { exportBin: entries.exportBin, signatures: decodeExportSig(entries.exportSig) };
  });
  const contents = protocolCall(file, () => decodeExportBin(exportBin));
  // A PEM names no key id: trust each given key for every signature's id and version.
  const trusted: ExportPublicKey[] = keys.flatMap((publicKey) =>
    signatures.map((s) => ({
      keyId: s.signatureInfo.verificationKeyId,
      keyVersion: s.signatureInfo.verificationKeyVersion,
      publicKey,
    })),
  );
  const checks = keys.length === 0 ? undefined : verifyExportSignatures(exportBin, signatures, trusted);
  const json = inspectJson(contents, signatures, checks);
  printResult(options.json === true, json, () => humanSummary(file, isZip, json));
  if (checks !== undefined && !checks.some((c) => c.valid)) {
    const why =
      signatures.length === 0
        ? 'has no signatures to verify (a bare export.bin carries none)'
        : `has no signature that verifies with the given public key${keys.length > 1 ? 's' : ''}`;
    process.stderr.write(`bluezone: ${file} ${why}\n`);
    process.exitCode = ExitCode.checkFailed;
  }
}
