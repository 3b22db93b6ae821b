/**
 * Polls `check` every `everyMs` until it holds, for at most `timeoutMs` — a bound generous enough for
 * a machine under heavy load (docs/testing.md, "Tests on a busy machine"): a test waits on the state
 * it needs, never for a fixed time.
 */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 120_000, everyMs = 10 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
