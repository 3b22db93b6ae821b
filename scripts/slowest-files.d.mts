export interface SlowFile {
  readonly file: string;
  readonly seconds: number;
}
export function slowestTestFiles(report: unknown, root: string, count?: number): SlowFile[];
export function formatSlowest(slowest: readonly SlowFile[]): string[];
