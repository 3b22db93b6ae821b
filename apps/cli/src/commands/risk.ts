import { assessExposureRisk, type UtcDay } from '@bluezone/protocol';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { printResult, readJsonFile } from '../io.js';
import { riskJson, riskText } from './risk/format.js';
import { loadRiskConfiguration, parseToday } from './risk/load-config.js';
import { parseExposureWindows } from './risk/parse-windows.js';

interface RiskOptions {
  config?: string;
  windows?: string;
  today?: string;
  json?: boolean;
}

/** `bluezone risk`: scores GAEN v2 exposure windows with a preset or a configuration file. */
export function registerRiskCommand(program: Command): void {
  program
    .command('risk')
    .description('score GAEN v2 exposure windows: risk per day, CWA aggregates, and the F1/F2 level')
    .option(
      '--config <preset|file>',
      'a preset (bluezone, cwa, enx, dp3t) or a risk configuration JSON file (required)',
    )
    .option(
      '--windows <file>',
      'JSON: [{ageInDays, reportType, infectiousness, calibrationConfidence, scanInstances: [{minAttenuationDb, typicalAttenuationDb, secondsSinceLastScan}]}] (required)',
    )
    .option('--today <YYYY-MM-DD>', 'the day ages count from (default: the current UTC date)')
    .option('--json', 'print the result as JSON')
    .action((options: RiskOptions) => runRisk(options));
}

function runRisk(options: RiskOptions): void {
  if (options.config === undefined) throw new CliError('--config is required (a preset name or a JSON file)');
  if (options.windows === undefined)
    throw new CliError('--windows is required (a JSON file of exposure windows)');
  const config = loadRiskConfiguration(options.config);
  const today = parseToday(options.today) as UtcDay;
  const { windows, ignoredScanInstances } = parseExposureWindows(
    readJsonFile(options.windows),
    today,
    options.windows,
  );
  if (ignoredScanInstances > 0) {
    process.stderr.write(
      `${options.windows}: bỏ qua ${ignoredScanInstances} lần quét có secondsSinceLastScan âm (đồng hồ bị lùi) / ignored ${ignoredScanInstances} scan instance(s) with a negative secondsSinceLastScan (a clock moved back), as Corona-Warn-App does\n`,
    );
  }
  const risk = assessExposureRisk(windows, config, today);
  printResult(options.json === true, riskJson(risk), () => riskText(risk, config));
}
