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
import { plural, verifyDatabase } from './database-file';

const USAGE = 'usage: npm run backup [-- <target.db>]   (reads DATABASE_FILE, default data/crosscurrent.db)';

function fail(message: string): never {
	console.error(`backup failed: ${message}`);
	process.exit(1);
}

function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Opens a finished copy, checks it and counts what it holds; throws a readable error when it is unusable. */

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
	counts = verifyDatabase(partial, { readonly: false, standalone: true });
} catch (err) {
	removePartial();
	fail(`could not copy "${source}": ${(err as Error).message}`);
}
renameSync(partial, target);

console.log(`backup written: ${target} (${plural(counts.exercises, 'exercise')}, ${plural(counts.events, 'event')}, ${formatSize(statSync(target).size)})`);
