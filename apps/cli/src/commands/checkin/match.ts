// `bluezone checkin match`: check-ins against trace warnings with CWA's overlap rule, as a phone does.

import { matchCheckIns } from '@bluezone/protocol';
import type { Command } from 'commander';
import { printResult, readJsonFile } from '../../io.js';
import { required } from '../../options.js';
import { checkInsFromJson, warningsFromJson } from './match-input.js';

interface MatchOptions {
  checkins?: string;
  warnings?: string;
  json?: boolean;
}

export function registerCheckinMatchCommand(checkin: Command): void {
  checkin
    .command('match')
    .description("every overlap of check-ins with trace warnings, in minutes (Corona-Warn-App's rounding)")
    .option(
      '--checkins <file>',
      'JSON: [{locationId (hex), checkInStart, checkInEnd}], times in Unix seconds (required)',
    )
    .option(
      '--warnings <file>',
      'JSON: [{locationIdHash (hex), startIntervalNumber, period, transmissionRiskLevel}] (required)',
    )
    .option('--json', 'print [{checkIn, warning, overlapMinutes}] as JSON')
    .action((options: MatchOptions) => runMatch(options));
}

function runMatch(options: MatchOptions): void {
  const checkInsFile = required(options.checkins, '--checkins');
  const warningsFile = required(options.warnings, '--warnings');
  const checkInsJson = readJsonFile(checkInsFile) as unknown[];
  const warningsJson = readJsonFile(warningsFile) as unknown[];
  const checkIns = checkInsFromJson(checkInsJson, checkInsFile);
  const warnings = warningsFromJson(warningsJson, warningsFile);
  const overlaps = matchCheckIns(checkIns, warnings);
  // Each overlap names the check-in and the warning as the files gave them.
  const result = overlaps.map((o) => ({
    checkIn: checkInsJson[o.checkIn],
    warning: warningsJson[o.warning],
    overlapMinutes: o.overlapMinutes,
  }));
  printResult(options.json === true, result, () =>
    [
      ...overlaps.map(
        (o) =>
          `check-in ${o.checkIn} × warning ${o.warning}  ${o.date}  ${o.overlapMinutes} min  (transmission risk ${o.transmissionRiskLevel})`,
      ),
      `${overlaps.length} overlap${overlaps.length === 1 ? '' : 's'} of ${checkIns.length} check-ins with ${warnings.length} warnings`,
    ].join('\n'),
  );
}
