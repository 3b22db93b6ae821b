import { type ExposureRisk, isoDateOfDay, type RiskConfiguration } from '@bluezone/protocol';

/** The JSON result of `bluezone risk --json` (Corona-Warn-App's terms, plus Bluezone's level). */
export function riskJson(risk: ExposureRisk) {
  return {
    totalRiskLevel: risk.totalRiskLevel,
    level: risk.level,
    ...(risk.exposureDate !== undefined && { exposureDate: risk.exposureDate }),
    days: risk.days.map((d) => ({
      ageInDays: d.ageInDays,
      riskLevel: d.riskLevel,
      normalizedTime: d.normalizedTime,
    })),
    ageOfMostRecentDateWithLowRisk: risk.ageOfMostRecentDateWithLowRisk,
    ageOfMostRecentDateWithHighRisk: risk.ageOfMostRecentDateWithHighRisk,
    numberOfDaysWithLowRisk: risk.numberOfDaysWithLowRisk,
    numberOfDaysWithHighRisk: risk.numberOfDaysWithHighRisk,
    minimumDistinctEncountersWithLowRisk: risk.minimumDistinctEncountersWithLowRisk,
    minimumDistinctEncountersWithHighRisk: risk.minimumDistinctEncountersWithHighRisk,
  };
}

const ago = (age: number | null) =>
  age === null ? '' : ` (most recent ${age} day${age === 1 ? '' : 's'} ago)`;

/** A few lines for a person at a terminal. */
export function riskText(risk: ExposureRisk, config: RiskConfiguration): string {
  const level =
    risk.level === 'none' ? 'no F1/F2 warning' : `${risk.level}, exposure on ${risk.exposureDate}`;
  const lines = [
    `risk ${risk.totalRiskLevel.toUpperCase()} — ${level} (configuration ${config.name})`,
    `days with high risk: ${risk.numberOfDaysWithHighRisk}${ago(risk.ageOfMostRecentDateWithHighRisk)}`,
    `days with low risk:  ${risk.numberOfDaysWithLowRisk}${ago(risk.ageOfMostRecentDateWithLowRisk)}`,
    `minimum distinct encounters: ${risk.minimumDistinctEncountersWithHighRisk} with high risk, ${risk.minimumDistinctEncountersWithLowRisk} with low risk`,
  ];
  if (risk.days.length > 0) {
    lines.push('', 'date        age  risk  normalized minutes  windows');
    for (const d of risk.days) {
      lines.push(
        `${isoDateOfDay(d.day)}  ${String(d.ageInDays).padStart(3)}  ${d.riskLevel.padEnd(4)}  ${String(d.normalizedTime).padStart(18)}  ${String(d.windowCount).padStart(7)}`,
      );
    }
  }
  lines.push('', risk.guidance.en, risk.guidance.vi);
  return lines.join('\n');
}
