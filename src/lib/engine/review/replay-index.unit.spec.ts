import { describe, expect, it } from 'vitest';
import { given, type Body } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { Rng } from '../../../../tests/fixtures/seeded-random';
import type { DomainEvent } from '../exercise/events';
import { emptyExercise, foldEvents } from '../exercise/state';
import { buildReplayIndex, prefixLength, replayStateAt, updateReplayIndex } from './replay-index';
import { lastTime, stateAt } from './review';

const TEAMS = ['coast-guard', 'customs'];
const OBJECTIVES = ['share', 'interdict'];

/**
 * A seeded log of the mini scenario played through the machine: messages, notes (some edited or deleted), ratings,
 * decisions, speed changes, pauses and ticks, often several commands in the same minute (events with equal times).
 */
function playedLog(seed: number, commands: number): DomainEvent[] {
	const rng = new Rng(seed);
	const x = given(miniScenario);
	let minute = 0;
	x.send({ type: 'START' }, minute);
	const notes: string[] = [];
	let paused = false;
	for (let i = 0; i < commands; i++) {
		if (!rng.chance(0.3)) minute += rng.float() * 0.4;
		const r = rng.float();
		let body: Body;
		if (paused) {
			body = { type: 'RESUME' };
			paused = false;
		} else if (r < 0.3) {
			const fromTeam = rng.pick(TEAMS);
			body = {
				type: 'SEND_MESSAGE',
				messageId: `m${i}`,
				fromTeam,
				to: TEAMS.filter((t) => t !== fromTeam),
				channel: 'radio',
				text: `message ${i}`,
				refInjectId: null,
				by: 'A'
			};
		} else if (r < 0.5) {
			notes.push(`o${i}`);
			body = { type: 'OBSERVE', observationId: `o${i}`, team: rng.pick(TEAMS), objective: rng.pick(OBJECTIVES), text: `note ${i}`, by: 'E' };
		} else if (r < 0.55 && notes.length > 0) {
			body = { type: 'EDIT_OBSERVATION', observationId: rng.pick(notes), team: null, objective: null, text: `edited ${i}`, eventSeq: null, by: 'E' };
		} else if (r < 0.58 && notes.length > 0) {
			body = { type: 'DELETE_OBSERVATION', observationId: notes.splice(rng.int(notes.length), 1)[0]!, by: 'E' };
		} else if (r < 0.7) {
			body = {
				type: 'RATE',
				team: rng.pick(TEAMS),
				objective: rng.pick(OBJECTIVES),
				rating: rng.pick(['P', 'S', 'M', 'U'] as const),
				explanation: 'x',
				by: 'E'
			};
		} else if (r < 0.78) {
			const open = Object.values(x.state().decisions).filter((d) => d.status === 'open');
			if (open.length === 0) continue;
			const d = rng.pick(open);
			body = { type: 'DECIDE', injectId: d.injectId, team: d.team, optionId: x.state().injects[d.injectId]!.inject.decision!.options[0]!.id, by: 'L' };
		} else if (r < 0.82) {
			body = { type: 'SET_SPEED', speed: rng.pick([1, 2, 5]) };
		} else if (r < 0.85) {
			body = { type: 'PAUSE' };
			paused = true;
		} else if (r < 0.9) {
			body = { type: 'ADJUST_SCORE', team: rng.pick(TEAMS), objective: rng.pick(OBJECTIVES), points: 1, reason: 'r', by: 'C' };
		} else body = { type: 'TICK' };
		if ('refused' in x.when(body, minute)) paused = false;
	}
	x.send({ type: 'END' }, minute + 1);
	return x.log;
}

const log = playedLog(7, 900);

describe('replay index', () => {
	it('is a log with events at equal times and both ends (the fixture this suite relies on)', () => {
		expect(log.length).toBeGreaterThan(600);
		expect(log.some((e, i) => i > 0 && e.at === log[i - 1]!.at)).toBe(true);
		expect(new Set(log.map((e) => e.type)).size).toBeGreaterThan(10);
	});

	it('gives the fold of the log up to each time, for many seeded random times and snapshot intervals', () => {
		const rng = new Rng(99);
		const end = lastTime(log);
		for (const every of [1, 7, 64, 500, 5000]) {
			const index = buildReplayIndex(log, every);
			for (let k = 0; k < 60; k++) {
				const at = Math.round(-MINUTE_MS + rng.float() * (end + 2 * MINUTE_MS));
				expect(replayStateAt(index, at), `every ${every}, at ${at}`).toEqual(stateAt(log, at));
			}
		}
	});

	it('takes every event at exactly the time asked for, however many share it, and none after', () => {
		const index = buildReplayIndex(log, 50);
		const shared = [...new Set(log.map((e) => e.at))].filter((at) => log.filter((e) => e.at === at).length > 2);
		expect(shared.length).toBeGreaterThan(3);
		for (const at of [...shared, ...log.filter((_, i) => i % 37 === 0).map((e) => e.at)]) {
			const upTo = log.findLastIndex((e) => e.at === at) + 1;
			expect(prefixLength(index, at)).toBe(upTo);
			expect(prefixLength(index, at - 1)).toBe(log.findIndex((e) => e.at === at));
			expect(replayStateAt(index, at)).toEqual(foldEvents(log[0]!.exerciseId, log.slice(0, upTo)));
		}
	});

	it('is empty before the first event and the whole fold after the last', () => {
		const index = buildReplayIndex(log, 100);
		expect(replayStateAt(index, log[0]!.at - 1)).toEqual(emptyExercise(log[0]!.exerciseId));
		expect(replayStateAt(index, -Infinity)).toEqual(stateAt(log, -Infinity));
		const whole = foldEvents(log[0]!.exerciseId, log);
		expect(replayStateAt(index, lastTime(log))).toEqual(whole);
		expect(replayStateAt(index, lastTime(log) + 1)).toEqual(whole);
		expect(replayStateAt(index, Infinity)).toEqual(whole);
		// The creation comes at time 0: at 0 the exercise exists.
		expect(replayStateAt(index, 0).scenario?.id).toBe(miniScenario.id);
	});

	it('keeps its snapshots as they were while answering (folding on never writes into them)', () => {
		const index = buildReplayIndex(log, 40);
		const before = structuredClone(index.snapshots);
		// Frozen all the way down: any write into a snapshot would throw.
		for (const s of index.snapshots) deepFreeze(s);
		const rng = new Rng(3);
		const end = lastTime(log);
		for (let k = 0; k < 200; k++) replayStateAt(index, rng.float() * end);
		for (let k = 0; k < log.length; k += 40) expect(index.snapshots[k / 40]).toEqual(foldEvents(log[0]!.exerciseId, log.slice(0, k)));
		expect(index.snapshots).toEqual(before);
	});

	it('an answer that is changed afterwards by folding on does not change the index', () => {
		const index = buildReplayIndex(log, 100);
		const at = log[400]!.at;
		const answer = replayStateAt(index, at);
		const next = foldEvents(answer.id, log.slice(prefixLength(index, at)), answer);
		expect(next).toEqual(foldEvents(log[0]!.exerciseId, log));
		expect(replayStateAt(index, at)).toEqual(stateAt(log, at));
	});

	it('follows a live log: appended events extend it, the same log keeps it, another log rebuilds it', () => {
		const first = buildReplayIndex(log.slice(0, 333), 100);
		const grown = updateReplayIndex(first, log);
		expect(grown.snapshots.slice(0, first.snapshots.length)).toEqual(first.snapshots);
		expect(grown.snapshots[first.snapshots.length - 1]).toBe(first.snapshots.at(-1));
		expect(grown.snapshots).toEqual(buildReplayIndex(log, 100).snapshots);
		expect([...grown.reach]).toEqual([...buildReplayIndex(log, 100).reach]);
		expect(first.events.length).toBe(333);
		expect(updateReplayIndex(grown, log)).toBe(grown);
		const relocalized = log.map((e) => ({ ...e }));
		const rebuilt = updateReplayIndex(grown, relocalized);
		expect(rebuilt).not.toBe(grown);
		expect(rebuilt.events[0]).toBe(relocalized[0]);
		expect(updateReplayIndex(null, log).snapshots.length).toBe(buildReplayIndex(log).snapshots.length);
		const rng = new Rng(5);
		for (let k = 0; k < 40; k++) {
			const at = rng.float() * lastTime(log);
			expect(replayStateAt(grown, at)).toEqual(stateAt(log, at));
		}
	});

	it('cuts the log at the first event later than the time even when the times go back', () => {
		// Not what the server writes, but stateAt's rule: the prefix before the first event later than the time.
		const shuffled = log.map((e, i) => (i % 50 === 25 ? { ...e, at: Math.max(0, e.at - 5 * MINUTE_MS) } : e));
		const index = buildReplayIndex(shuffled, 30);
		const rng = new Rng(11);
		for (let k = 0; k < 60; k++) {
			const at = rng.float() * lastTime(shuffled);
			expect(replayStateAt(index, at)).toEqual(stateAt(shuffled, at));
		}
	});

	it('works on an empty log and refuses a snapshot interval that is not a positive whole number', () => {
		const empty = buildReplayIndex([]);
		expect(replayStateAt(empty, 1000)).toEqual(emptyExercise(''));
		expect(() => buildReplayIndex(log, 0)).toThrow();
		expect(() => buildReplayIndex(log, 2.5)).toThrow();
	});
});

const MINUTE_MS = 60_000;

function deepFreeze(value: unknown) {
	if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
	Object.freeze(value);
	for (const v of Object.values(value)) deepFreeze(v);
}
