import { readdirSync, readFileSync } from 'node:fs';

// CPU time of processes from /proc (Linux): user + system, in milliseconds. The benchmark reads it
// before and after each run of a request class, for the server processes and PostgreSQL's.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU milliseconds a process has used, plus those of its children that ended and were waited for
 * (a PostgreSQL backend that exits leaves its time with the postmaster); 0 when it is gone.
 */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')':
    // utime, stime, cutime, cstime are the 14th to 17th fields of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A process and all its descendants. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i] as number));
  return all;
}

/** Every `postgres` process of this machine (for a --database on loopback started elsewhere). */
export function localPostgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Sums the CPU of a set of processes found anew at each reading (backends come and go). */
export function cpuMeter(pids: () => number[]): () => number {
  return () => pids().reduce((sum, pid) => sum + cpuMsOf(pid), 0);
}
