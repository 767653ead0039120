/**
 * Waiting out another program's lock on the SQLite file without stopping the server. better-sqlite3 is
 * synchronous: its busy timeout waits inside the call, holding the whole event loop (every exercise, every
 * socket) for as long as it waits. So the file's busy timeout is kept short (BUSY_TIMEOUT_MS) and a write
 * that still finds the file locked is retried from a timer, for LOCK_WAIT_MS at most, before it is refused
 * (as `storage-locked`, see storage-fault.ts).
 */

/** How long one synchronous attempt may wait for the lock, blocking the event loop. */
export const BUSY_TIMEOUT_MS = 25;
/** How long a write keeps retrying, between other work, before it gives up. */
export const LOCK_WAIT_MS = 3_000;

const isBusy = (err: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown } | null)?.code ?? ''));

/** Runs `work`, retrying it from timers while the file is locked by someone else, for `waitMs` at most. */
export async function retryWhileBusy<T>(work: () => T, waitMs = LOCK_WAIT_MS): Promise<T> {
	const start = Date.now();
	for (let attempt = 0; ; attempt++) {
		try {
			return work();
		} catch (err) {
			if (!isBusy(err) || Date.now() - start >= waitMs) throw err;
		}
		const pause = Math.min(200, 10 * 2 ** attempt);
		await new Promise((resolve) => setTimeout(resolve, pause));
	}
}
