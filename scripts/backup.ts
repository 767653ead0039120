/**
 * npm run backup [target] — writes a consistent copy of the live database.
 *
 * Safe while the server runs: SQLite's online backup API reads one snapshot of
 * the database (WAL readers never block the server's writes). The copy is
 * written beside the target as `<target>.partial`, checked (integrity_check,
 * the Crosscurrent tables), switched to a self-contained rollback journal so it
 * is one file, and only then renamed to the target.
 *
 * Environment: DATABASE_FILE (./data/crosscurrent.db), the server's database.
 * Default target: backups/crosscurrent-<ISO timestamp, ':' replaced by '-'>.db
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const TABLES = ['exercises', 'events', 'join_codes', 'settings'];
const USAGE = 'usage: npm run backup [-- <target.db>]   (reads DATABASE_FILE, default data/crosscurrent.db)';

function fail(message: string): never {
	console.error(`backup failed: ${message}`);
	process.exit(1);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Opens a finished copy, checks it and counts what it holds; throws a readable error when it is unusable. */
function inspect(file: string): { exercises: number; events: number } {
	const db = new Database(file, { fileMustExist: true });
	try {
		const check = db.pragma('integrity_check') as { integrity_check: string }[];
		const verdict = check.map((r) => r.integrity_check).join('; ');
		if (verdict !== 'ok') throw new Error(`integrity_check of the copy failed: ${verdict}`);
		const present = new Set(
			db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name)
		);
		const missing = TABLES.filter((t) => !present.has(t));
		if (missing.length > 0) throw new Error(`not a Crosscurrent database: missing table(s) ${missing.join(', ')}`);
		const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
		const counts = { exercises: count('exercises'), events: count('events') };
		// One self-contained file: no -wal/-shm needed to open or copy the backup.
		db.pragma('journal_mode = DELETE');
		return counts;
	} finally {
		db.close();
	}
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(USAGE);
	process.exit(0);
}
if (args.length > 1 || args.some((a) => a.startsWith('-'))) fail(`unexpected arguments: ${args.join(' ')}\n${USAGE}`);

const source = process.env.DATABASE_FILE ?? 'data/crosscurrent.db';
const target = args[0] ?? path.join('backups', `crosscurrent-${new Date().toISOString().replaceAll(':', '-')}.db`);
const partial = `${target}.partial`;

if (!existsSync(source)) fail(`database "${source}" does not exist (set DATABASE_FILE to the server's database file)`);
if (path.resolve(target) === path.resolve(source)) fail('the target is the live database itself; choose another file');
if (existsSync(target)) fail(`"${target}" already exists; choose another file name`);
mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
const removePartial = () => {
	for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
};
removePartial();

let counts: { exercises: number; events: number };
try {
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// After the first step, copy every remaining page in one step: one snapshot, never restarted by the server's writes.
		await db.backup(partial, { progress: () => 0x7fffffff });
	} finally {
		db.close();
	}
	counts = inspect(partial);
} catch (err) {
	removePartial();
	fail(`could not copy "${source}": ${(err as Error).message}`);
}
renameSync(partial, target);

console.log(
	`backup written: ${target} (${plural(counts.exercises, 'exercise')}, ${plural(counts.events, 'event')}, ${formatSize(statSync(target).size)})`
);
