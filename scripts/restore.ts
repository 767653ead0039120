/**
 * npm run restore <backup-file> [--force] — puts a backup in place of the server's database.
 *
 * 1. Verifies the backup (opened read-only: integrity_check 'ok', the Crosscurrent tables present).
 * 2. Refuses while a Crosscurrent server answers on http://127.0.0.1:${PORT ?? 3000}/healthz
 *    (stop the server first). `--force` skips only this check, for when whatever answers there
 *    runs on a different database.
 * 3. Copies the backup with SQLite's backup API into a staging file beside DATABASE_FILE and checks it.
 * 4. Moves the current DATABASE_FILE and its -wal/-shm files aside to
 *    `<file>.before-restore-<timestamp>` (kept, never deleted), then renames the staging file into place.
 *
 * Environment: DATABASE_FILE (./data/crosscurrent.db), PORT (3000).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { plural, verifyDatabase } from './database-file';

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];
const USAGE = 'usage: npm run restore -- <backup-file> [--force]   (replaces DATABASE_FILE, default data/crosscurrent.db)';

function fail(message: string): never {
	console.error(`restore refused: ${message}`);
	process.exit(1);
}

/** Checks a database file and counts what it holds; throws a readable error when it is unusable. */

type Health = 'running' | 'unsure' | 'not running';

/** Whether a Crosscurrent server answers its health check on this port. */
async function serverState(url: string): Promise<Health> {
	try {
		const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
		return res.ok && (await res.text()).trim() === 'ok' ? 'running' : 'not running';
	} catch (err) {
		// Nothing listening is the expected case; a listener that does not answer in time might be a busy server.
		const name = (err as Error).name;
		return name === 'TimeoutError' || name === 'AbortError' ? 'unsure' : 'not running';
	}
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(USAGE);
	process.exit(0);
}
const force = args.includes('--force');
const files = args.filter((a) => a !== '--force');
if (files.length !== 1 || files[0].startsWith('-')) fail(`expected one backup file${files.length ? `, got: ${files.join(' ')}` : ''}\n${USAGE}`);
const backup = files[0];
const target = process.env.DATABASE_FILE ?? 'data/crosscurrent.db';
const healthUrl = `http://127.0.0.1:${process.env.PORT ?? 3000}/healthz`;

if (!existsSync(backup)) fail(`backup file "${backup}" does not exist`);
if (path.resolve(backup) === path.resolve(target)) fail(`"${backup}" is DATABASE_FILE itself`);

let counts: { exercises: number; events: number };
try {
	counts = verifyDatabase(backup, { readonly: true, standalone: false });
} catch (err) {
	fail(`"${backup}" is not a usable backup: ${(err as Error).message}. Nothing was changed.`);
}
console.log(`backup verified: ${backup} (${plural(counts.exercises, 'exercise')}, ${plural(counts.events, 'event')})`);

const state = await serverState(healthUrl);
if (state !== 'not running') {
	const seen =
		state === 'running'
			? `a Crosscurrent server appears to be running: ${healthUrl} answered 'ok'`
			: `something is listening on ${healthUrl} but did not answer within 1 s; a busy server may be running`;
	if (!force) fail(`${seen}. Stop the server before restoring (or pass --force if that server uses a different database). Nothing was changed.`);
	console.warn(`warning: ${seen}; continuing because of --force`);
}

const stamp = new Date().toISOString().replaceAll(':', '-');
const staging = `${target}.restoring-${stamp}`;
const aside = `${target}.before-restore-${stamp}`;
const removeStaging = () => {
	for (const suffix of SIDE_FILES) rmSync(staging + suffix, { force: true });
};

mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
try {
	const src = new Database(backup, { readonly: true, fileMustExist: true });
	try {
		await src.backup(staging, { progress: () => 0x7fffffff });
	} finally {
		src.close();
	}
	const copied = verifyDatabase(staging, { readonly: false, standalone: true });
	if (copied.exercises !== counts.exercises || copied.events !== counts.events)
		throw new Error(`the copy holds ${copied.exercises} exercises and ${copied.events} events, the backup ${counts.exercises} and ${counts.events}`);
} catch (err) {
	removeStaging();
	fail(`could not copy "${backup}": ${(err as Error).message}. Nothing was changed.`);
}

// Move the current database (with its WAL and shared-memory files, so the aside copy still opens whole) out of the way.
const moved: string[] = [];
try {
	for (const suffix of SIDE_FILES) {
		if (!existsSync(target + suffix)) continue;
		renameSync(target + suffix, aside + suffix);
		moved.push(suffix);
	}
	renameSync(staging, target);
} catch (err) {
	for (const suffix of moved) renameSync(aside + suffix, target + suffix);
	removeStaging();
	fail(`could not put the backup in place: ${(err as Error).message}. The previous database was left where it was.`);
}

if (moved.includes('')) {
	const extras = moved.filter((s) => s !== '');
	console.log(`previous database moved aside: ${aside}${extras.length ? ` (with its ${extras.join(', ')} file${extras.length > 1 ? 's' : ''})` : ''}`);
} else if (moved.length > 0) {
	console.log(`stray ${moved.join(', ')} file(s) of ${target} moved aside to ${aside}*`);
} else console.log(`no database was at ${target} before; nothing moved aside`);
console.log(`restored: ${target} from ${backup} (${plural(counts.exercises, 'exercise')}, ${plural(counts.events, 'event')}). Start the server to use it.`);
