import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { MINUTE } from './clock';
import type { DomainEvent, NewEvent } from './events';
import { decide, snapshotFor, type ExerciseSnapshot } from './machine';
import type { Command } from './commands';
import { foldEvents, nextDueAt } from './state';
import { teamScores } from '../review/score-decision';

const T0 = 1_700_000_000_000;
type Cmd = Command extends infer C ? (C extends Command ? Omit<C, 'wall' | 'actor'> : never) : never;

/** given(events).when(commands at wall times) → all produced events, numbered like the store would. */
function exercise() {
	const created: DomainEvent = {
		type: 'exercise.created',
		title: 'Test run',
		scenario: miniScenario,
		exerciseId: 'x1',
		at: 0,
		wall: T0,
		actor: 'controller',
		seq: 1
	};
	let snapshot: ExerciseSnapshot = snapshotFor(foldEvents('x1', [created]));
	const log: DomainEvent[] = [created];
	return {
		log,
		get snapshot() {
			return snapshot;
		},
		/** Sends a command `wallOffset` ms after T0; returns the new events or throws the refusal. */
		send(cmd: Cmd, wallOffset: number, actor = 'controller'): NewEvent[] {
			const result = decide(snapshot, { ...cmd, wall: T0 + wallOffset, actor } as Command);
			if (!result.ok) throw new Error(result.error);
			const numbered = result.events.map((e, i) => ({ ...e, seq: log.length + i + 1 }) as DomainEvent);
			log.push(...numbered);
			snapshot = { ...result.snapshot, context: { ...result.snapshot.context, state: { ...result.snapshot.context.state, lastSeq: log.length } } } as ExerciseSnapshot;
			return result.events;
		},
		refusal(cmd: Cmd, wallOffset: number): string {
			const result = decide(snapshot, { ...cmd, wall: T0 + wallOffset, actor: 'controller' } as Command);
			if (result.ok) throw new Error('expected a refusal');
			return result.error;
		}
	};
}

// Coordination events are covered in evaluation.unit.spec.ts; here the lifecycle, injects and decisions matter.
const types = (events: NewEvent[]) =>
	events.filter((e) => !e.type.startsWith('coordination.')).map((e) => (e.type === 'inject.released' ? `released:${e.injectId}` : e.type));

describe('exercise machine lifecycle', () => {
	it('goes setup → running ⇄ paused → ended', () => {
		const x = exercise();
		expect(x.snapshot.value).toBe('setup');
		x.send({ type: 'START' }, 0);
		expect(x.snapshot.value).toBe('running');
		x.send({ type: 'PAUSE' }, 1000);
		expect(x.snapshot.value).toBe('paused');
		x.send({ type: 'RESUME' }, 2000);
		expect(x.snapshot.value).toBe('running');
		x.send({ type: 'END' }, 3000);
		expect(x.snapshot.value).toBe('ended');
		x.send({ type: 'CLOSE' }, 4000);
		expect(x.snapshot.value).toBe('closed');
		expect(x.refusal({ type: 'RATE', team: 'customs', objective: 'share', rating: 'P', explanation: 'x', by: 'E' } as Cmd, 5000)).toBe(
			'cannot rate an exercise that is closed'
		);
	});

	it('refuses commands that do not fit the lifecycle, with a reason', () => {
		const x = exercise();
		expect(x.refusal({ type: 'PAUSE' }, 0)).toBe('cannot pause an exercise that is not started');
		x.send({ type: 'START' }, 0);
		expect(x.refusal({ type: 'START' }, 10)).toBe('cannot start an exercise that is running');
		x.send({ type: 'END' }, 20);
		expect(x.refusal({ type: 'RESUME' }, 30)).toBe('cannot resume an exercise that is ended');
		expect(x.refusal({ type: 'SET_SPEED', speed: 2 }, 30)).toBe('cannot change the speed of an exercise that is ended');
	});

	it('validates speed range', () => {
		const x = exercise();
		expect(x.refusal({ type: 'SET_SPEED', speed: 0 }, 0)).toBe('speed must be between 1 and 60');
		expect(x.refusal({ type: 'SET_SPEED', speed: 61 }, 0)).toBe('speed must be between 1 and 60');
	});
});

describe('inject release on the exercise clock', () => {
	it('releases minute-0 injects at start and the rest in MSEL order as time passes', () => {
		const x = exercise();
		expect(types(x.send({ type: 'START' }, 0))).toEqual(['exercise.started', 'released:tip']);
		expect(types(x.send({ type: 'TICK' }, 9 * MINUTE))).toEqual([]);
		expect(types(x.send({ type: 'TICK' }, 10 * MINUTE))).toEqual(['released:customs-note']);
		// A late tick releases everything due, in order, and expires overdue decisions first.
		const late = x.send({ type: 'TICK' }, 45 * MINUTE);
		expect(types(late)).toEqual(['decision.expired', 'released:both', 'released:late']);
		expect(late.every((e) => e.at === 45 * MINUTE)).toBe(true);
	});

	it('releases nothing while paused and continues from the paused time', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'PAUSE' }, 5 * MINUTE);
		expect(x.refusal({ type: 'TICK' }, 50 * MINUTE)).toMatch(/paused/);
		x.send({ type: 'RESUME' }, 100 * MINUTE);
		expect(nextDueAt(x.snapshot.context.state)).toBe(10 * MINUTE);
		expect(types(x.send({ type: 'TICK' }, 104 * MINUTE))).toEqual([]);
		expect(types(x.send({ type: 'TICK' }, 105 * MINUTE))).toEqual(['released:customs-note']);
	});

	it('runs faster at higher speed', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'SET_SPEED', speed: 10 }, 0);
		const events = x.send({ type: 'TICK' }, 60_000); // 1 wall minute = 10 exercise minutes
		expect(types(events)).toEqual(['released:customs-note']);
		expect(events[0].at).toBe(10 * MINUTE);
	});

	it('holds an inject until un-held, and releases early on request', () => {
		const x = exercise();
		x.send({ type: 'HOLD_INJECT', injectId: 'customs-note' }, 0);
		x.send({ type: 'START' }, 0);
		expect(types(x.send({ type: 'TICK' }, 12 * MINUTE))).toEqual([]);
		x.send({ type: 'UNHOLD_INJECT', injectId: 'customs-note' }, 13 * MINUTE);
		expect(types(x.send({ type: 'TICK' }, 13 * MINUTE))).toEqual(['released:customs-note']);
		const early = x.send({ type: 'RELEASE_INJECT', injectId: 'late' }, 14 * MINUTE);
		expect(early[0]).toMatchObject({ type: 'inject.released', manual: true, at: 14 * MINUTE });
		expect(x.refusal({ type: 'RELEASE_INJECT', injectId: 'late' }, 15 * MINUTE)).toBe('inject "late" is already released');
		expect(x.refusal({ type: 'HOLD_INJECT', injectId: 'nope' }, 15 * MINUTE)).toBe('unknown inject "nope"');
		// Never released twice, even when its scheduled time comes.
		expect(types(x.send({ type: 'TICK' }, 41 * MINUTE))).not.toContain('released:late');
	});

	it('reveals entities with the inject that reveals them', () => {
		const x = exercise();
		const [, released] = x.send({ type: 'START' }, 0);
		expect(released.type === 'inject.released' && released.reveals.map((e) => e.id)).toEqual(['go-fast']);
	});
});

describe('decisions', () => {
	it('scores a decision with timeliness and refuses a second answer', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		const [submitted] = x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'Ana' }, 10 * MINUTE, 'team:coast-guard');
		expect(submitted).toMatchObject({ type: 'decision.submitted', latencyMs: 10 * MINUTE, timeliness: 0.75, points: { share: 7.5, interdict: 4.5 } });
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'wait', by: 'Ana' } as Cmd, 11 * MINUTE)).toBe(
			'team "coast-guard" has already decided on inject "tip"'
		);
		const scores = teamScores(x.snapshot.context.state);
		expect(scores.find((s) => s.team === 'coast-guard')).toMatchObject({ earned: 12, max: 16, decided: 1 });
	});

	it('refuses decisions from teams not asked, unknown options and after the deadline', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'customs', optionId: 'share', by: 'B' } as Cmd, 60_000)).toBe(
			'no decision for team "customs" on inject "tip"'
		);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'xyz', by: 'B' } as Cmd, 60_000)).toBe(
			'unknown option "xyz" (expected one of: share, wait, leak)'
		);
		x.send({ type: 'TICK' }, 15 * MINUTE);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'B' } as Cmd, 16 * MINUTE)).toBe(
			'the deadline for inject "tip" has passed'
		);
		const cg = teamScores(x.snapshot.context.state).find((s) => s.team === 'coast-guard')!;
		expect(cg).toMatchObject({ earned: 0, max: 20, expired: 1, notShared: 1 }); // 16 for the decision, 4 for not sharing it
	});

	it('refuses decisions while paused', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'PAUSE' }, 1000);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'B' } as Cmd, 2000)).toBe(
			'cannot decide in an exercise that is paused'
		);
	});

	it('opens one decision per deciding team on a shared inject', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'TICK' }, 20 * MINUTE);
		x.send({ type: 'DECIDE', injectId: 'both', team: 'customs', optionId: 'joint', by: 'C' }, 21 * MINUTE);
		const decisions = x.snapshot.context.state.decisions;
		expect(decisions['both/customs'].status).toBe('decided');
		expect(decisions['both/coast-guard'].status).toBe('open');
	});
});

describe('rebuilding from the log', () => {
	it('folds the log to the same state the live machine holds', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'SET_SPEED', speed: 4 }, 1000);
		x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'wait', by: 'A' }, 30_000);
		x.send({ type: 'TICK' }, 5 * MINUTE);
		x.send({ type: 'PAUSE' }, 6 * MINUTE);
		const rebuilt = foldEvents('x1', x.log);
		expect(rebuilt).toEqual(x.snapshot.context.state);
		expect(snapshotFor(rebuilt).value).toBe('paused');
	});
});

describe('recovery after a crash', () => {
	it('carries the clock on from the last moment the server was alive, not from wall time', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		// Alive until minute 3; the server came back at minute 13 of wall time.
		const [recovered] = x.send({ type: 'RECOVER', aliveWall: T0 + 3 * MINUTE }, 13 * MINUTE, 'system');
		expect(recovered).toMatchObject({ type: 'exercise.recovered', at: 3 * MINUTE, downtimeMs: 10 * MINUTE });
		// The minute-10 inject is 7 minutes away, not overdue.
		expect(types(x.send({ type: 'TICK' }, 19 * MINUTE))).toEqual([]);
		expect(types(x.send({ type: 'TICK' }, 20 * MINUTE))).toEqual(['released:customs-note']);
		expect(foldEvents('x1', x.log)).toEqual(x.snapshot.context.state);
	});

	it('is refused for an exercise that is not running', () => {
		const x = exercise();
		expect(x.refusal({ type: 'RECOVER', aliveWall: T0 }, 1000)).toBe('cannot recover an exercise that is not started');
	});
});
