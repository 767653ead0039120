/**
 * The exercise registry with a real SQLite store and a driven clock: timers
 * re-armed from the exercise clock release injects on time, at any speed,
 * never while paused, and a rebuilt registry carries on from the log.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../../src/lib/engine/exercise/clock';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { ExerciseRegistry } from '../../server/exercise-registry';
import { SqliteEventStore } from '../../server/sqlite-event-store';
import { miniScenario } from '../fixtures/mini-scenario';
import { tempDir } from './harness';

let tmp: ReturnType<typeof tempDir>;
let published: DomainEvent[];

function registry(store: SqliteEventStore) {
	return new ExerciseRegistry({ store, now: () => Date.now(), publish: (_id, events) => published.push(...events) });
}
/** The faked wall clock (vitest fakes Date along with the timers). */
const wallNow = () => Date.now();
/** Advances the fake wall clock, running the timers that fall due and letting stored appends settle. */
async function advance(ms: number) {
	await vi.advanceTimersByTimeAsync(ms);
}
const released = () => published.flatMap((e) => (e.type === 'inject.released' ? [`${e.injectId}@${e.at / MINUTE}`] : []));

beforeEach(() => {
	vi.useFakeTimers({ now: 1_700_000_000_000 });
	tmp = tempDir();
	published = [];
});
afterEach(() => {
	vi.useRealTimers();
	tmp.cleanup();
});

describe('ExerciseRegistry', () => {
	it('releases injects at their exercise times, pauses, speeds up and survives a rebuild', async () => {
		const dbFile = path.join(tmp.dir, 'r.db');
		const store = new SqliteEventStore(dbFile);
		const reg = registry(store);
		const { exerciseId } = await reg.create(miniScenario, 'Timers');
		await reg.command(exerciseId, { type: 'START', wall: wallNow(), actor: 'controller' });
		expect(released()).toEqual(['tip@0']);

		await advance(10 * MINUTE - 1);
		expect(released()).toEqual(['tip@0']);
		await advance(1);
		expect(released()).toEqual(['tip@0', 'customs-note@10']);

		// Paused: nothing is released and no deadline passes, however long the pause.
		await reg.command(exerciseId, { type: 'PAUSE', wall: wallNow(), actor: 'controller' });
		await advance(120 * MINUTE);
		expect(released()).toEqual(['tip@0', 'customs-note@10']);
		expect(published.some((e) => e.type === 'decision.expired')).toBe(false);

		// 10× speed: the minute-20 inject comes one wall minute after resuming at minute 10.
		await reg.command(exerciseId, { type: 'SET_SPEED', speed: 10, wall: wallNow(), actor: 'controller' });
		await reg.command(exerciseId, { type: 'RESUME', wall: wallNow(), actor: 'controller' });
		await advance(MINUTE);
		expect(released()).toEqual(['tip@0', 'customs-note@10', 'both@20']);
		// The tip-off decision opened at 0 with a 15-minute deadline expired on the way.
		expect(published.filter((e) => e.type === 'decision.expired').map((e) => e.at)).toEqual([15 * MINUTE]);
		await reg.close();
		const stored = await store.load(exerciseId);
		expect(stored).toEqual(published);
		await store.close();

		// A new registry over the same file resumes the running exercise and carries on.
		const store2 = new SqliteEventStore(dbFile);
		published = [];
		const reg2 = registry(store2);
		expect(await reg2.recover()).toBe(1);
		expect(reg2.state(exerciseId)?.status).toBe('running');
		await advance(2 * MINUTE); // 20 more exercise minutes at 10×
		expect(released()).toEqual(['late@40']);
		expect((await store2.load(exerciseId)).filter((e) => e.type === 'inject.released')).toHaveLength(4);
		await reg2.close();
		await store2.close();
	});

	it('refuses a stale append without applying anything', async () => {
		const store = new SqliteEventStore(path.join(tmp.dir, 'c.db'));
		const reg = registry(store);
		const { exerciseId } = await reg.create(miniScenario, 'Conflict');
		// Another writer appends behind the registry's back: the registry must not overwrite it.
		await store.append(exerciseId, 1, [{ type: 'exercise.paused', exerciseId, at: 0, wall: wallNow(), actor: 'intruder' }]);
		const result = await reg.command(exerciseId, { type: 'START', wall: wallNow(), actor: 'controller' });
		expect(result).toEqual({ ok: false, error: 'could not save the change; nothing was applied', code: 'not-saved' });
		expect(reg.state(exerciseId)?.status).toBe('setup');
		expect((await store.load(exerciseId)).map((e) => e.type)).toEqual(['exercise.created', 'exercise.paused']);
		await reg.close();
		await store.close();
	});
});
