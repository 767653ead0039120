/**
 * One behaviour, two stores: the same suite runs against the embedded SQLite
 * store and, when TEST_DATABASE_URL is set (CI starts PostgreSQL), the
 * PostgreSQL store, each in a fresh database or schema.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../src/lib/engine/exercise/events';
import { ConcurrencyError, type EventStore, type JoinCode } from '../../server/event-store';
import { PostgresEventStore } from '../../server/postgres-event-store';
import { SqliteEventStore } from '../../server/sqlite-event-store';
import { miniScenario } from '../fixtures/mini-scenario';
import { tempDir } from './harness';

interface StoreKind {
	name: string;
	/** Opens the store; a second call opens the same database again (a restart). */
	open: () => Promise<EventStore>;
	cleanup: () => Promise<void>;
}

const tmp = tempDir();
const kinds: StoreKind[] = [{ name: 'SQLite', open: async () => new SqliteEventStore(path.join(tmp.dir, 'store.db')), cleanup: async () => tmp.cleanup() }];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
	const schema = `t_${randomBytes(6).toString('hex')}`;
	const url = new URL(pgUrl);
	url.searchParams.set('options', `-c search_path=${schema}`);
	kinds.push({
		name: 'PostgreSQL',
		open: async () => {
			const admin = new pg.Client({ connectionString: pgUrl });
			await admin.connect();
			await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
			await admin.end();
			return PostgresEventStore.connect(url.toString());
		},
		cleanup: async () => {
			const admin = new pg.Client({ connectionString: pgUrl });
			await admin.connect();
			await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
			await admin.end();
		}
	});
} else {
	it.skip('PostgreSQL store suite (set TEST_DATABASE_URL to run it)', () => {});
}

const meta = (exerciseId: string, at = 0) => ({ exerciseId, at, wall: 1_700_000_000_000 + at, actor: 'controller:Ana' });
const created = (exerciseId: string): NewEvent => ({ type: 'exercise.created', title: 'Run — ü ✓', scenario: miniScenario, ...meta(exerciseId) });
const codes = (exerciseId: string): JoinCode[] => [
	{ code: `E-${exerciseId}`, exerciseId, role: 'evaluator', team: null },
	{ code: `T-${exerciseId}`, exerciseId, role: 'participant', team: 'coast-guard' }
];

describe.each(kinds)('$name event store', (kind) => {
	let store: EventStore;
	const newExercise = async () => {
		const id = `x-${randomBytes(4).toString('hex')}`;
		await store.createExercise({ id, scenarioId: 'mini', title: 'Run', createdWall: 1 }, created(id), codes(id));
		return id;
	};
	afterAll(async () => {
		await store?.close();
		await kind.cleanup();
	});

	it('creates an exercise with its first event and join codes', async () => {
		store = await kind.open();
		const id = await newExercise();
		const events = await store.load(id);
		expect(events).toEqual([{ ...created(id), seq: 1 }]);
		expect(await store.getExercise(id)).toMatchObject({ id, scenarioId: 'mini', status: 'setup', lastSeq: 1, aliveWall: null });
		expect(await store.findCode(`T-${id}`)).toEqual({ code: `T-${id}`, exerciseId: id, role: 'participant', team: 'coast-guard' });
		expect((await store.codesFor(id)).map((c) => c.role)).toEqual(['evaluator', 'participant']);
		expect(await store.findCode('nope')).toBeNull();
	});

	it('numbers appended events consecutively, tracks the status and loads after a sequence number', async () => {
		const id = await newExercise();
		const stored = await store.append(id, 1, [
			{ type: 'exercise.started', ...meta(id, 0) },
			{ type: 'clock.speed_changed', speed: 4, ...meta(id, 5) },
			{ type: 'exercise.paused', ...meta(id, 9) }
		]);
		expect(stored.map((e) => e.seq)).toEqual([2, 3, 4]);
		expect((await store.getExercise(id))?.status).toBe('paused');
		expect((await store.load(id, 2)).map((e) => e.type)).toEqual(['clock.speed_changed', 'exercise.paused']);
		expect(await store.load(id)).toEqual([{ ...created(id), seq: 1 }, ...stored]);
	});

	it('records every status of the lifecycle, closed included', async () => {
		const id = await newExercise();
		const statuses = [];
		for (const type of ['exercise.started', 'exercise.paused', 'exercise.resumed', 'exercise.ended', 'exercise.closed'] as const) {
			const { lastSeq } = (await store.getExercise(id))!;
			await store.append(id, lastSeq, [{ type, ...meta(id) }]);
			statuses.push((await store.getExercise(id))?.status);
		}
		expect(statuses).toEqual(['running', 'paused', 'running', 'ended', 'closed']);
	});

	it('refuses an append behind the log and writes nothing', async () => {
		const id = await newExercise();
		await store.append(id, 1, [{ type: 'exercise.started', ...meta(id) }]);
		await expect(store.append(id, 1, [{ type: 'exercise.ended', ...meta(id) }])).rejects.toBeInstanceOf(ConcurrencyError);
		expect((await store.load(id)).map((e) => e.seq)).toEqual([1, 2]);
		await expect(store.append('no-such', 0, [{ type: 'exercise.started', ...meta('no-such') }])).rejects.toThrow('unknown exercise "no-such"');
	});

	it('lets exactly one of two racing writers win', async () => {
		const id = await newExercise();
		const results = await Promise.allSettled([
			store.append(id, 1, [{ type: 'exercise.started', ...meta(id) }]),
			store.append(id, 1, [{ type: 'exercise.ended', ...meta(id) }])
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(ConcurrencyError)]);
		expect(await store.load(id)).toHaveLength(2);
	});

	it('keeps event bodies exactly, including nested data and text in any script', async () => {
		const id = await newExercise();
		const released: NewEvent = {
			type: 'inject.released',
			injectId: 'tip',
			manual: true,
			inject: { ...miniScenario.injects[0], body: 'Línea 1\n« guillemets » — 漢字 😀 "quotes" \\ back' },
			reveals: [miniScenario.entities[0]],
			...meta(id, 60_000)
		};
		await store.append(id, 1, [released]);
		expect((await store.load(id))[1]).toEqual({ ...released, seq: 2 });
	});

	it('records heartbeats, lists exercises and keeps settings', async () => {
		const id = await newExercise();
		await store.heartbeat([id], 1_700_000_123_456);
		expect((await store.getExercise(id))?.aliveWall).toBe(1_700_000_123_456);
		expect((await store.listExercises()).map((x) => x.id)).toContain(id);
		expect(await store.getSetting('k')).toBeNull();
		await store.setSetting('k', 'one');
		await store.setSetting('k', 'two');
		expect(await store.getSetting('k')).toBe('two');
	});

	it('keeps everything across a reopen, and migrating again changes nothing', async () => {
		const id = await newExercise();
		await store.append(id, 1, [{ type: 'exercise.started', ...meta(id) }]);
		const before = await store.load(id);
		await store.close();
		store = await kind.open();
		expect(await store.load(id)).toEqual(before);
		expect(await store.getSetting('k')).toBe('two');
	});
});
