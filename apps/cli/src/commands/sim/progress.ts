import type { SimulationProgress } from '@bluezone/sim';
import cliProgress from 'cli-progress';

/** A progress bar on stderr (TTY), or one line per day otherwise; `stop` ends it. */
export function progressBar(tty: boolean, days: number) {
  if (!tty) {
    return {
      update(p: SimulationProgress) {
        if (p.phase === 'world')
          process.stderr.write(`day ${p.day + 1}/${p.days}: ${p.infections} exposed, ${p.warnings} warned\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'simulating [{bar}] day {value}/{total} | {phase} | exposed {infections} | warned {warnings}',
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(days, 0, { phase: 'world', infections: 0, warnings: 0 });
  return {
    update(p: SimulationProgress) {
      bar.update(p.day + (p.phase === 'phones' ? 0.5 : 0), {
        phase: p.phase,
        infections: p.infections,
        warnings: p.warnings,
      });
    },
    stop() {
      bar.stop();
    },
  };
}
