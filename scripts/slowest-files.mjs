// The slowest test files of a Vitest JSON report, printed at the end of `npm test` so a slow suite
// shows without a profiler.

/**
 * The `count` files that took longest, slowest first: `[{ file, seconds }]` with `file` relative to
 * `root`. A file's time is its run's end minus its start, as the JSON reporter records them.
 */
export function slowestTestFiles(report, root, count = 10) {
  const files = Array.isArray(report?.testResults) ? report.testResults : [];
  return files
    .filter((f) => typeof f.name === 'string' && Number.isFinite(f.startTime) && Number.isFinite(f.endTime))
    .map((f) => ({
      file: f.name.startsWith(root) ? f.name.slice(root.length).replace(/^\/+/, '') : f.name,
      seconds: (f.endTime - f.startTime) / 1000,
    }))
    .sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file))
    .slice(0, count);
}

/** The lines `npm test` prints: a title, then one `  12.3 s  path` line per file. */
export function formatSlowest(slowest) {
  if (slowest.length === 0) return [];
  const width = Math.max(...slowest.map((s) => s.seconds.toFixed(1).length));
  return [
    `The ${slowest.length} slowest test files:`,
    ...slowest.map((s) => `  ${s.seconds.toFixed(1).padStart(width)} s  ${s.file}`),
  ];
}
