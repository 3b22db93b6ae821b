import type { PlanResult, PlanScenario, Spread } from '@bluezone/sim';
import type { Command } from 'commander';
import { printResult } from '../io.js';
import { type PlanCommandOptions, planRequest } from './plan/plan-options.js';
import { planProgressBar } from './plan/plan-progress.js';

/** `bluezone plan`: what each adoption level buys, against the same epidemic without the app. */
export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description(
      'epidemic what-if (an OpenABM-Covid19-style model, docs/planner.md): infections and quarantine load at each app adoption level against the same runs without the app',
    )
    .option('--people <n>', 'population size', '100000')
    .option('--days <n>', 'simulated days', '120')
    .option('--adoption <shares>', 'comma-separated adoption shares to compare', '0.2,0.4,0.6,0.8')
    .option('--depth <1|2>', 'tracing depth: 1 = F1 only, 2 = F1 and F2 (default: the preset’s)')
    .option('--seeds <n>', 'runs per scenario (seeds seed … seed + n − 1)', '5')
    .option('--seed <n>', 'first random seed: the same seed gives the same numbers', '1')
    .option('--preset <name>', 'policy: openabm or vietnam-2020', 'openabm')
    .option(
      '--regime <name>',
      'epidemic: baseline or near-threshold (work and random transmission × 0.2)',
      'baseline',
    )
    .option('--adoption-profile <name>', 'uniform, or age (shaped by smartphone ownership by age)')
    .option('--app-day <n>', 'day the app is switched on (default 10)')
    .option('--params <file>', 'JSON file overriding model parameters (names in docs/planner.md)')
    .option('--json', 'print the result as JSON')
    .option('--no-progress', 'no progress bar')
    .action((options: PlanCommandOptions) => runPlanCommand(options));
}

async function runPlanCommand(o: PlanCommandOptions): Promise<void> {
  const request = await planRequest(o);
  const sim = await import('@bluezone/sim');
  const runs = (request.adoption.length + 1) * request.seeds;
  const bar = planProgressBar(o.progress && process.stderr.isTTY === true, runs, request.days);
  let result: PlanResult;
  try {
    result = sim.runPlan(request, (done, _total, day) => bar.update(done, day));
  } finally {
    bar.stop();
  }
  const output = {
    preset: request.preset,
    regime: request.regime,
    parameters: request.parameters,
    ...result,
  };
  printResult(o.json === true, output, () => planLines(request.preset, request.regime, result).join('\n'));
}

const n = (value: number): string => Math.round(value).toLocaleString('en');
const range = (s: Spread): string => `${n(s.mean)} (${n(s.min)}–${n(s.max)})`;
const percent = (s: Spread): string =>
  `${(100 * s.mean).toFixed(1)} % (${(100 * s.min).toFixed(1)}–${(100 * s.max).toFixed(1)})`;

/** The human report: one block per scenario, Vietnamese first and English beside it. */
export function planLines(preset: string, regime: string, r: PlanResult): string[] {
  const lines = [
    `Kế hoạch / Plan: ${r.people.toLocaleString('en')} người/people × ${r.days} ngày/days, ${r.seeds} seeds (${r.seed}…${r.seed + r.seeds - 1}), preset ${preset}, regime ${regime}, độ sâu truy vết / tracing depth ${r.depth}, app từ ngày / on from day ${r.appTurnOnDay}`,
    'Mô hình, không phải dự báo / A model, not a forecast (docs/planner.md). Trung bình (min–max) / mean (min–max) over seeds.',
    ...scenarioLines(
      'Không có app / No app (tự cách ly + xét nghiệm khi có triệu chứng / self-isolation + testing on symptoms)',
      r.reference,
    ),
  ];
  for (const s of r.scenarios) {
    lines.push(...scenarioLines(`Tỷ lệ cài đặt / Adoption ${(100 * s.adoption).toFixed(0)} %`, s));
    lines.push(`    giảm ca nhiễm / cut in infections        ${percent(s.infectionCut)}`);
    lines.push(
      `    ca tránh được / 1.000 ngày cách ly thêm  ${s.avertedPer1000QuarantineDays === null ? '—' : range(s.avertedPer1000QuarantineDays)}  (infections averted per 1,000 extra quarantine-days)`,
    );
  }
  return lines;
}

function scenarioLines(title: string, s: PlanScenario): string[] {
  return [
    title,
    `    tổng số nhiễm / total infected           ${range(s.totalInfected)}`,
    `    đỉnh ca mới / peak daily infections      ${range(s.peakDailyInfections)} on day ${range(s.peakDay)}`,
    `    lượt cách ly / quarantine entries        ${range(s.quarantineEntries)}`,
    `    người-ngày cách ly / quarantine days     ${range(s.quarantinePersonDays)}`,
    `    cách ly cùng lúc tối đa / most at once   ${range(s.mostInQuarantine)}`,
  ];
}
