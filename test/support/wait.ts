import type { TenantDb } from '../../src/platform/store/tenant-scope.ts';

/** Polls `probe` until it yields a value (or true), failing with `what` after the timeout. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the company has no posting that is not `posted`. */
export const untilEveryPostingPosted = (db: TenantDb, timeoutMs: number) =>
  until(
    'every posting posted',
    async () => {
      const open = await db
        .selectFrom('postings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '!=', 'posted')
        .executeTakeFirstOrThrow();
      return open.n === 0;
    },
    timeoutMs,
  );
