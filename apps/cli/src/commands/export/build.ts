import { writeFileSync } from 'node:fs';
import { buildExportFile, ECDSA_SHA256_OID, isProtocolError, parsePrivateKeyPem } from '@bluezone/protocol';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult, readJsonFile, readTextFile } from '../../io.js';
import { integerOption, required } from '../../options.js';
import { keysFromJson } from './keys-file.js';

interface BuildOptions {
  keys?: string;
  privateKey?: string;
  region?: string;
  keyId?: string;
  keyVersion?: string;
  startTimestamp?: string;
  endTimestamp?: string;
  batchNum: string;
  batchSize: string;
  output?: string;
  json?: boolean;
}

/** `bluezone export build`: one signed export zip from a keys file. */
export function registerBuildCommand(exportCommand: Command): void {
  exportCommand
    .command('build')
    .description('build a signed export zip (keys sorted by key bytes, no padding)')
    .option(
      '--keys <file>',
      'JSON {"temporaryExposureKeys": [{key (base64), rollingStartNumber, rollingPeriod, transmissionRisk, reportType?, daysSinceOnsetOfSymptoms?}]}; reportType as a name (CONFIRMED_TEST…) or 0…5 (required)',
    )
    .option('--private-key <file>', 'PEM file: P-256 private key, PKCS#8 or SEC1 (required)')
    .option('--region <region>', 'region of the keys, e.g. VN (required)')
    .option('--key-id <id>', 'verification key id phones know the public key by (required)')
    .option('--key-version <version>', 'verification key version (required)')
    .option('--start-timestamp <seconds>', 'start of the publishing period, Unix seconds (required)')
    .option('--end-timestamp <seconds>', 'end of the publishing period, Unix seconds (required)')
    .option('--batch-num <n>', 'position of this file in its batch', '1')
    .option('--batch-size <n>', 'number of files in the batch', '1')
    .option('-o, --output <file>', 'where to write the zip (required)')
    .option('--json', 'print {output, bytes, keys} as JSON')
    .action((options: BuildOptions) => runBuild(options));
}

function runBuild(options: BuildOptions): void {
  const keysFile = required(options.keys, '--keys');
  const output = required(options.output, '--output');
  const region = label(options.region, '--region');
  const keyId = label(options.keyId, '--key-id');
  const keyVersion = label(options.keyVersion, '--key-version');
  const startTimestamp = integerOption(
    required(options.startTimestamp, '--start-timestamp'),
    '--start-timestamp',
    0,
    2 ** 33,
  );
  const endTimestamp = integerOption(
    required(options.endTimestamp, '--end-timestamp'),
    '--end-timestamp',
    0,
    2 ** 33,
  );
  if (endTimestamp < startTimestamp)
    throw new CliError('--end-timestamp must not be before --start-timestamp');
  const batchSize = integerOption(options.batchSize, '--batch-size', 1, 0x7fffffff);
  const batchNum = integerOption(options.batchNum, '--batch-num', 1, batchSize);
  const keys = keysFromJson(readJsonFile(keysFile), keysFile);
  const keyFile = required(options.privateKey, '--private-key');
  const signingKey = protocolCall(keyFile, () => parsePrivateKeyPem(readTextFile(keyFile)));

  const signatureInfo = {
    verificationKeyVersion: keyVersion,
    verificationKeyId: keyId,
    signatureAlgorithm: ECDSA_SHA256_OID,
  };
  const zip = protocolCall(keysFile, () =>
    buildExportFile({
      keys,
      region,
      batchNum,
      batchSize,
      startTimestamp,
      endTimestamp,
      signers: [{ signingKey, signatureInfo }],
    }),
  );
  try {
    writeFileSync(output, zip);
  } catch (error) {
    throw new CliError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 2, {
      cause: error,
    });
  }
  printResult(
    options.json === true,
    { output, bytes: zip.length, keys: keys.length },
    () =>
      `wrote ${output}: ${keys.length} keys, region ${region}, batch ${batchNum} of ${batchSize}, signed by ${keyId} version ${keyVersion} (${zip.length} bytes)`,
  );
}

/** A required short text option (region, key id, key version): printable, 1…64 characters. */
function label(value: string | undefined, flag: string): string {
  const text = required(value, flag);
  if (!/^[\x21-\x7e]{1,64}$/.test(text))
    throw new CliError(`${flag} must be 1…64 printable characters without spaces`);
  return text;
}

/** Runs protocol code, turning its errors into one-line bad-input errors that name `file`. */
export function protocolCall<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (isProtocolError(error)) throw new CliError(`${file}: ${error.message}`, 2, { cause: error });
    throw error;
  }
}
