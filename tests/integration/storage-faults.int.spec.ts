/**
 * Storage faults with an exercise playing: the disk fills up, another program locks the SQLite file, PostgreSQL
 * goes away. Each time commands are refused with the code that names the cause, the server stays up and keeps
 * answering, `/readyz` says why it is not ready, nothing of a refused command is stored, and when the fault
 * clears play resumes by itself: the clock releases the inject that fell due meanwhile and a decision goes
 * through. Afterwards the log has no gap and the server's live log is the stored one.
 *
 * The full disk is a small tmpfs mounted for the test (this needs root and mount rights). Where mounting is not
 * allowed the test says so and runs the same path on the operator's size cap instead (`DATABASE_MAX_MB`, SQLite's
 * max_page_count: the same SQLITE_FULL error; STORAGE_FAULTS_NO_MOUNT=1 picks it on purpose): it never skips quietly. The PostgreSQL case needs
 * TEST_DATABASE_URL (`eval "$(bash scripts/ci-services.sh)"`) and runs behind tests/integration/tcp-proxy.ts.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseTimeAt } from '../../src/lib/engine/exercise/clock';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { foldEvents } from '../../src/lib/engine/exercise/state';
import type { ErrorCode } from '../../src/lib/realtime/errors';
import type { EventStore } from '../../server/event-store';
import { PostgresEventStore } from '../../server/postgres-event-store';
import { SqliteEventStore } from '../../server/sqlite-event-store';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';
import { tcpProxy } from './tcp-proxy';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
/** At 30×, the radar track (minute 4) falls due 8 s after the start; the boarding decision's 20 minutes last 40 s. */
const SPEED = 30;
const RADAR_TRACK_AT = 4 * 60_000;
const pgUrl = process.env.TEST_DATABASE_URL;

const tmp = tempDir();
const sockets: TestClient[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
	for (const s of sockets) s.disconnect();
	for (const s of servers) await s.stop('SIGKILL');
	tmp.cleanup();
});
const keep = (s: TestClient) => (sockets.push(s), s);

async function start(dbFile: string, env: Record<string, string> = {}) {
	const server = await startServer({ dbFile, env: { RATE_LIMIT_REQUESTS_PER_10S: '10000', ...env } });
	servers.push(server);
	return server;
}

async function get(url: string): Promise<{ status: number; text: string; ms: number }> {
	const t0 = performance.now();
	const res = await fetch(url);
	return { status: res.status, text: await res.text(), ms: Math.round(performance.now() - t0) };
}

/** A running exercise at SPEED, its controller, and the Grenada police (who answer the boarding decision). */
async function playing(server: RunningServer) {
	const anon = keep(await client(server.url));
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
	const controller = keep(await client(server.url, token));
	const { exerciseId, codes } = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Storage fault drill' });
	await controller.ok('exercise:open', { exerciseId });
	const seat = keep(await client(server.url));
	const joined = await seat.ok('session:join', { code: codes.teams['grenada-police'], name: 'Boarding officer' });
	const grenada = keep(await client(server.url, joined.token));
	await grenada.ok('exercise:open', {});
	await controller.ok('clock:speed', { exerciseId, speed: SPEED });
	await controller.ok('exercise:control', { exerciseId, action: 'start' });
	// Released early so the team has a decision open through the fault.
	await controller.ok('inject:release', { exerciseId, injectId: 'grenada-boarding' });
	await until(() => released(grenada, 'grenada-boarding'), 'the boarding decision at the team');
	return { controller, grenada, exerciseId, token };
}

const released = (s: TestClient, injectId: string) => s.received.some((e) => e.type === 'inject.released' && e.injectId === injectId);
const exerciseMinute = (s: TestClient, exerciseId: string) => exerciseTimeAt(foldEvents(exerciseId, s.received).clock, Date.now());

/** What a refused command answered: its code. */
async function refusedWith(reply: Promise<{ ok: boolean; code?: ErrorCode }>): Promise<ErrorCode | 'accepted'> {
	const r = await reply;
	return r.ok ? 'accepted' : r.code!;
}

/**
 * The fault's part of each test: with `fault` in place, commands are refused with `code`, nothing is stored,
 * the server keeps answering and /readyz names `words`; after `clear`, play resumes and the log is whole.
 */
async function throughFault(opts: {
	server: RunningServer;
	code: ErrorCode;
	words: RegExp;
	fault: (play: { controller: TestClient; exerciseId: string }) => Promise<void>;
	clear: () => Promise<void>;
	stored: (exerciseId: string) => Promise<DomainEvent[]>;
}) {
	const { server, code } = opts;
	const { controller, grenada, exerciseId, token } = await playing(server);
	expect((await get(`${server.url}/readyz`)).status).toBe(200);

	await opts.fault({ controller, exerciseId });
	const storedBefore = await opts.stored(exerciseId);
	// A decision, an inject release and a new exercise are refused with the cause, each without storing anything.
	const t0 = performance.now();
	const decision = grenada.call('decision:submit', { injectId: 'grenada-boarding', optionId: 'board-territorial-sea' });
	// The server answers other requests while the refused write waits and retries.
	const health = await get(`${server.url}/healthz`);
	expect(await refusedWith(decision)).toBe(code);
	const refusedMs = Math.round(performance.now() - t0);
	expect(health).toMatchObject({ status: 200, text: 'ok' });
	expect(await refusedWith(controller.call('inject:release', { exerciseId, injectId: 'customs-evidence' }))).toBe(code);
	expect(await refusedWith(controller.call('exercise:create', { scenarioId: SCENARIO }))).toBe(code);
	const studio = await fetch(`${server.url}/api/studio/scenarios`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		// An import of a whole scenario file: a write of many pages (under a size cap a small one may still fit).
		body: JSON.stringify({ source: readFileSync(`scenarios/${SCENARIO}.yaml`, 'utf8'), fileName: 'written-during-the-fault.yaml' })
	});
	expect({ status: studio.status, code: ((await studio.json()) as { code: string }).code }).toEqual({ status: 503, code });
	const ready = await get(`${server.url}/readyz`);
	expect(ready.status).toBe(503);
	expect(ready.text).toMatch(opts.words);
	// A team still opens its exercise (served from memory) and sees nothing of the refused commands.
	expect((await grenada.ok('exercise:open', {})).events.at(-1)!.seq).toBeLessThanOrEqual(storedBefore.length);

	// The clock runs on: the radar track falls due during the fault and cannot be saved, so it is not released yet.
	await until(() => exerciseMinute(controller, exerciseId) > RADAR_TRACK_AT + 30_000, 'the radar track to fall due', 20_000);
	expect(released(controller, 'radar-track')).toBe(false);
	expect(server.process.exitCode).toBeNull();
	console.log(`[storage-faults] ${code}: decision refused in ${refusedMs} ms; /healthz answered in ${health.ms} ms meanwhile; /readyz said "${ready.text}"`);

	await opts.clear();
	const cleared = Date.now();
	// Play resumes by itself: the clock's retry releases the radar track, then the team's decision goes through.
	await until(() => released(controller, 'radar-track') && released(grenada, 'grenada-boarding'), 'the radar track after the fault', 15_000);
	console.log(`[storage-faults] ${code}: the clock released the overdue inject ${Date.now() - cleared} ms after the fault cleared`);
	await grenada.ok('decision:submit', { injectId: 'grenada-boarding', optionId: 'board-territorial-sea' });
	await controller.ok('inject:release', { exerciseId, injectId: 'customs-evidence' });
	expect(await get(`${server.url}/readyz`)).toMatchObject({ status: 200, text: 'ready' });

	// Nothing of the refused commands was stored; the log has no gap; the live log is the stored log, and the
	// controller's published copy folds to the same state.
	const live = (await controller.ok('exercise:open', { exerciseId })).events;
	const stored = await opts.stored(exerciseId);
	expect(stored.slice(0, storedBefore.length)).toEqual(storedBefore);
	expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
	expect(live).toEqual(stored);
	await until(() => controller.received.length === stored.length, 'the controller to have every event');
	expect(controller.received).toEqual(stored);
	expect(foldEvents(exerciseId, controller.received)).toEqual(foldEvents(exerciseId, stored));
	const decisions = stored.filter((e) => e.type === 'decision.submitted');
	expect(decisions).toHaveLength(1);
	const ids = stored.flatMap((e) => (e.type === 'inject.released' ? [e.injectId] : []));
	expect(new Set(ids).size).toBe(ids.length);
	expect(server.process.exitCode).toBeNull();
	expect(server.output()).not.toContain('unhandled rejection');
	expect(server.output()).toContain(`storage fault: ${code}`);
	expect(server.output()).toMatch(new RegExp(`storage recovered from ${code} after \\d+ s`));
	await controller.ok('exercise:control', { exerciseId, action: 'pause' });
}

/** The events of `exerciseId` as a second connection to the same database reads them. */
async function readBack(open: () => Promise<EventStore> | EventStore, exerciseId: string): Promise<DomainEvent[]> {
	const store = await open();
	try {
		return await store.load(exerciseId);
	} finally {
		await store.close();
	}
}

describe('SQLite', () => {
	it('disk full: refused as storage-full, /readyz says so, play resumes when space is freed', async () => {
		const dir = path.join(tmp.dir, 'small-disk');
		mkdirSync(dir);
		// STORAGE_FAULTS_NO_MOUNT=1 runs the fallback on purpose (to check it on a machine that could mount).
		const mounted = !process.env.STORAGE_FAULTS_NO_MOUNT && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir]).status === 0;
		const dbFile = path.join(dir, 'full.db');
		const filler = path.join(dir, 'filler');
		try {
			let fill: (play: { controller: TestClient; exerciseId: string }) => Promise<void>;
			let server: RunningServer;
			if (mounted) {
				console.log('[storage-faults] disk full: on a 24 MB tmpfs filled to the last byte');
				server = await start(dbFile);
				fill = async () => {
					// Fill what is left, then a last partial block, so the next page SQLite writes finds no room.
					const { bavail, bsize } = statfsSync(dir);
					writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 4096)));
					try {
						for (;;) writeFileSync(filler, Buffer.alloc(512), { flag: 'a' });
					} catch (err) {
						expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
					}
				};
			} else {
				// Not allowed to mount here: the operator's cap gives SQLite the same "database or disk is full".
				console.log('[storage-faults] disk full: could not mount a tmpfs here, so the DATABASE_MAX_MB cap stands in for the full disk');
				server = await start(dbFile, { DATABASE_MAX_MB: '16' });
				fill = async ({ controller, exerciseId }) => {
					// The file is grown from outside to the cap (a second connection, then closed), in ever smaller rows.
					const db = new Database(dbFile);
					db.pragma('busy_timeout = 5000');
					db.pragma('max_page_count = ' + Math.floor((16 * 1024 * 1024) / (db.pragma('page_size', { simple: true }) as number)));
					db.exec('CREATE TABLE IF NOT EXISTS ballast (b BLOB)');
					for (const size of [1 << 20, 4096, 64]) {
						const add = db.prepare(`INSERT INTO ballast VALUES (zeroblob(${size}))`);
						try {
							for (;;) add.run();
						} catch (err) {
							expect((err as { code?: string }).code).toBe('SQLITE_FULL');
						}
					}
					db.close();
					// Unlike a full disk, a cap still lets a write into room left on the file's own pages: play on
					// (holding and releasing the hold on an inject) until an event needs a new page.
					for (let i = 0; i < 500; i++) {
						const reply = await controller.call(i % 2 ? 'inject:unhold' : 'inject:hold', { exerciseId, injectId: 'sb-reception' });
						if (!reply.ok) return void expect(reply.code).toBe('storage-full');
					}
					throw new Error('the size cap was never reached');
				};
			}
			await throughFault({
				server,
				code: 'storage-full',
				words: /^not ready: storage full since \d\d:\d\d:\d\dZ \(database or disk is full\)$/,
				fault: fill,
				clear: async () => {
					if (mounted) rmSync(filler);
					else {
						const db = new Database(dbFile);
						db.pragma('busy_timeout = 5000');
						db.exec('DROP TABLE ballast');
						db.close();
					}
				},
				stored: (id) => readBack(() => new SqliteEventStore(dbFile), id)
			});
			await server.stop();
		} finally {
			if (mounted) spawnSync('umount', ['-l', dir]);
		}
	});

	it('file locked by another process: refused as storage-locked in bounded time, the server keeps answering, play resumes', async () => {
		const dbFile = path.join(tmp.dir, 'locked.db');
		const server = await start(dbFile);
		// This test's own process is "another program" to the server: it takes the write lock and holds it.
		const other = new Database(dbFile);
		other.pragma('busy_timeout = 5000');
		try {
			await throughFault({
				server,
				code: 'storage-locked',
				words: /^not ready: storage locked since \d\d:\d\d:\d\dZ \(database is locked\)$/,
				fault: async () => void other.exec('BEGIN EXCLUSIVE'),
				clear: async () => void other.exec('COMMIT'),
				stored: (id) => readBack(() => new SqliteEventStore(dbFile), id)
			});
		} finally {
			if (other.inTransaction) other.exec('ROLLBACK');
			other.close();
		}
		await server.stop();
	});
});

describe.runIf(pgUrl)('PostgreSQL', () => {
	it('database unreachable for 10 s: refused as storage-unavailable, /readyz says so, play resumes when it is back', async () => {
		const schema = `sf_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema}`);
		const url = new URL(pgUrl!);
		url.searchParams.set('options', `-c search_path=${schema}`);
		const proxy = await tcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
		try {
			const server = await start(path.join(tmp.dir, 'unused.db'), { DATABASE_URL: proxy.via(url.toString()) });
			let cutAt = 0;
			await throughFault({
				server,
				code: 'storage-unavailable',
				words: /^not ready: storage unavailable since \d\d:\d\d:\d\dZ \(.+\)$/,
				fault: async () => {
					proxy.cut();
					cutAt = Date.now();
				},
				clear: async () => {
					// Down for 10 s in all.
					await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - cutAt))));
					proxy.restore();
				},
				stored: (id) => readBack(() => PostgresEventStore.connect(url.toString()), id)
			});
			await server.stop();
		} finally {
			await proxy.close();
			await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
			await admin.end();
		}
	});
});

it.skipIf(pgUrl)('the PostgreSQL storage fault needs TEST_DATABASE_URL (CI provides it)', () => {});
