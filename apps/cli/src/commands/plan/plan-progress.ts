import cliProgress from 'cli-progress';

/** A progress bar over all runs × days on stderr (TTY only); `stop` ends it. */
export function planProgressBar(tty: boolean, runs: number, days: number) {
  if (!tty) return { update(_done: number, _day: number) {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: 'planning [{bar}] run {run}/{runs} | {percentage} %', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(runs * days, 0, { run: 1, runs });
  return {
    update(done: number, day: number) {
      bar.update(Math.min(runs * days, done * days + (done < runs ? day + 1 : 0)), {
        run: Math.min(runs, done + 1),
        runs,
      });
    },
    stop() {
      bar.stop();
    },
  };
}
