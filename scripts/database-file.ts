/** Shared by backup and restore: checks that a file is a sound Crosscurrent database and counts what it holds. */
import Database from 'better-sqlite3';

const TABLES = ['exercises', 'events', 'join_codes', 'settings'];

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Runs SQLite's integrity check, requires Crosscurrent's tables and counts exercises and events.
 * With `standalone`, also leaves the file in rollback-journal mode so it needs no -wal/-shm beside it
 * (the server switches it back to WAL when it opens it).
 */
export function verifyDatabase(file: string, opts: { readonly: boolean; standalone: boolean }): { exercises: number; events: number } {
	const db = new Database(file, { readonly: opts.readonly, fileMustExist: true });
	try {
		const check = db.pragma('integrity_check') as { integrity_check: string }[];
		const verdict = check.map((r) => r.integrity_check).join('; ');
		if (verdict !== 'ok') throw new Error(`integrity_check failed: ${verdict}`);
		const present = new Set(
			db
				.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
				.all()
				.map((r) => r.name)
		);
		const missing = TABLES.filter((t) => !present.has(t));
		if (missing.length > 0) throw new Error(`not a Crosscurrent database: missing table(s) ${missing.join(', ')}`);
		const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
		const counts = { exercises: count('exercises'), events: count('events') };
		if (opts.standalone && !opts.readonly) db.pragma('journal_mode = DELETE');
		return counts;
	} finally {
		db.close();
	}
}
