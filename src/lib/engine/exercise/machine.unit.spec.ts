import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { given, T0 } from '../../../../tests/fixtures/machine-driver';
import { MINUTE } from './clock';
import type { NewEvent } from './events';
import { snapshotFor } from './machine';
import { foldEvents, nextDueAt } from './state';
import { teamScores } from '../review/score-decision';
import { EXERCISE_CONTROL } from '../scenario/vocabulary';

const exercise = () => given(miniScenario);

// Coordination events are covered in evaluation.unit.spec.ts; here the lifecycle, injects and decisions matter.
const types = (events: NewEvent[]) =>
	events.filter((e) => !e.type.startsWith('coordination.')).map((e) => (e.type === 'inject.released' ? `released:${e.injectId}` : e.type));

describe('exercise machine lifecycle', () => {
	it('goes setup → running ⇄ paused → ended', () => {
		const x = exercise();
		expect(x.snapshot.value).toBe('setup');
		x.send({ type: 'START' }, 0);
		expect(x.snapshot.value).toBe('running');
		x.send({ type: 'PAUSE' }, 1);
		expect(x.snapshot.value).toBe('paused');
		x.send({ type: 'RESUME' }, 2);
		expect(x.snapshot.value).toBe('running');
		x.send({ type: 'END' }, 3);
		expect(x.snapshot.value).toBe('ended');
		x.send({ type: 'CLOSE' }, 4);
		expect(x.snapshot.value).toBe('closed');
		expect(x.refusal({ type: 'RATE', team: 'customs', objective: 'share', rating: 'P', explanation: 'x', by: 'E' }, 5)).toBe(
			'cannot rate an exercise that is closed'
		);
	});

	it('refuses commands that do not fit the lifecycle, with a reason', () => {
		const x = exercise();
		expect(x.refusal({ type: 'PAUSE' }, 0)).toBe('cannot pause an exercise that is not started');
		x.send({ type: 'START' }, 0);
		expect(x.refusal({ type: 'START' }, 1)).toBe('cannot start an exercise that is running');
		x.send({ type: 'END' }, 2);
		expect(x.refusal({ type: 'RESUME' }, 3)).toBe('cannot resume an exercise that is ended');
		expect(x.refusal({ type: 'SET_SPEED', speed: 2 }, 3)).toBe('cannot change the speed of an exercise that is ended');
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
		expect(types(x.send({ type: 'TICK' }, 9))).toEqual([]);
		expect(types(x.send({ type: 'TICK' }, 10))).toEqual(['released:customs-note']);
		// A late tick releases everything due, in order, and expires overdue decisions first.
		const late = x.send({ type: 'TICK' }, 45);
		expect(types(late)).toEqual(['decision.expired', 'released:both', 'released:late']);
		expect(late.every((e) => e.at === 45 * MINUTE)).toBe(true);
	});

	it('releases nothing while paused and continues from the paused time', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'PAUSE' }, 5);
		expect(x.refusal({ type: 'TICK' }, 50)).toMatch(/paused/);
		x.send({ type: 'RESUME' }, 100);
		expect(nextDueAt(x.snapshot.context.state)).toBe(10 * MINUTE);
		expect(types(x.send({ type: 'TICK' }, 104))).toEqual([]);
		expect(types(x.send({ type: 'TICK' }, 105))).toEqual(['released:customs-note']);
	});

	it('runs faster at higher speed', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'SET_SPEED', speed: 10 }, 0);
		const events = x.send({ type: 'TICK' }, 1); // 1 wall minute = 10 exercise minutes
		expect(types(events)).toEqual(['released:customs-note']);
		expect(events[0].at).toBe(10 * MINUTE);
	});

	it('holds an inject until un-held, and releases early on request', () => {
		const x = exercise();
		x.send({ type: 'HOLD_INJECT', injectId: 'customs-note' }, 0);
		x.send({ type: 'START' }, 0);
		expect(types(x.send({ type: 'TICK' }, 12))).toEqual([]);
		x.send({ type: 'UNHOLD_INJECT', injectId: 'customs-note' }, 13);
		expect(types(x.send({ type: 'TICK' }, 13))).toEqual(['released:customs-note']);
		const early = x.send({ type: 'RELEASE_INJECT', injectId: 'late' }, 14);
		expect(early[0]).toMatchObject({ type: 'inject.released', manual: true, at: 14 * MINUTE });
		expect(x.refusal({ type: 'RELEASE_INJECT', injectId: 'late' }, 15)).toBe('inject "late" is already released');
		expect(x.refusal({ type: 'HOLD_INJECT', injectId: 'nope' }, 15)).toBe('unknown inject "nope"');
		// Never released twice, even when its scheduled time comes.
		expect(types(x.send({ type: 'TICK' }, 41))).not.toContain('released:late');
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
		const [submitted] = x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'Ana' }, 10, 'team:coast-guard');
		expect(submitted).toMatchObject({ type: 'decision.submitted', latencyMs: 10 * MINUTE, timeliness: 0.75, points: { share: 7.5, interdict: 4.5 } });
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'wait', by: 'Ana' }, 11 * MINUTE)).toBe(
			'team "coast-guard" has already decided on inject "tip"'
		);
		const scores = teamScores(x.snapshot.context.state);
		expect(scores.find((s) => s.team === 'coast-guard')).toMatchObject({ earned: 12, max: 16, decided: 1 });
	});

	it('refuses decisions from teams not asked, unknown options and after the deadline', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'customs', optionId: 'share', by: 'B' }, 1)).toBe(
			'no decision for team "customs" on inject "tip"'
		);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'xyz', by: 'B' }, 1)).toBe(
			'unknown option "xyz" (expected one of: share, wait, leak)'
		);
		x.send({ type: 'TICK' }, 15);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'B' }, 16 * MINUTE)).toBe(
			'the deadline for inject "tip" has passed'
		);
		const cg = teamScores(x.snapshot.context.state).find((s) => s.team === 'coast-guard')!;
		expect(cg).toMatchObject({ earned: 0, max: 20, expired: 1, notShared: 1 }); // 16 for the decision, 4 for not sharing it
	});

	it('refuses decisions while paused', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'PAUSE' }, 1);
		expect(x.refusal({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'B' }, 2)).toBe(
			'cannot decide in an exercise that is paused'
		);
	});

	it('opens one decision per deciding team on a shared inject', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'TICK' }, 20);
		x.send({ type: 'DECIDE', injectId: 'both', team: 'customs', optionId: 'joint', by: 'C' }, 21);
		const decisions = x.snapshot.context.state.decisions;
		expect(decisions['both/customs'].status).toBe('decided');
		expect(decisions['both/coast-guard'].status).toBe('open');
	});
});

describe('rebuilding from the log', () => {
	it('folds the log to the same state the live machine holds', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'SET_SPEED', speed: 4 }, 0.25);
		x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'wait', by: 'A' }, 0.5);
		x.send({ type: 'TICK' }, 5);
		x.send({ type: 'PAUSE' }, 6);
		const rebuilt = foldEvents('x', x.log);
		expect(rebuilt).toEqual(x.snapshot.context.state);
		expect(snapshotFor(rebuilt).value).toBe('paused');
	});
});

describe('recovery after a crash', () => {
	it('carries the clock on from the last moment the server was alive, not from wall time', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		// Alive until minute 3; the server came back at minute 13 of wall time.
		const [recovered] = x.send({ type: 'RECOVER', aliveWall: T0 + 3 * MINUTE }, 13, 'system');
		expect(recovered).toMatchObject({ type: 'exercise.recovered', at: 3 * MINUTE, downtimeMs: 10 * MINUTE });
		// The minute-10 inject is 7 minutes away, not overdue.
		expect(types(x.send({ type: 'TICK' }, 19))).toEqual([]);
		expect(types(x.send({ type: 'TICK' }, 20))).toEqual(['released:customs-note']);
		expect(foldEvents('x', x.log)).toEqual(x.snapshot.context.state);
	});

	it('is refused for an exercise that is not running', () => {
		const x = exercise();
		expect(x.refusal({ type: 'RECOVER', aliveWall: T0 }, 1)).toBe('cannot recover an exercise that is not started');
	});
});

describe('exercise control’s desk', () => {
	const started = () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		return x;
	};
	const message = (x: ReturnType<typeof exercise>, text: string, refInjectId: string | null = null, to = [EXERCISE_CONTROL]) =>
		x.send({ type: 'SEND_MESSAGE', messageId: text, fromTeam: 'coast-guard', to, channel: 'phone', text, refInjectId, by: 'Lt B' }, 1);

	it('passes an inject on as a copy of what the team read', () => {
		const x = started();
		const sent = message(x, 'for you', 'tip', ['customs'])[0]!;
		expect(sent).toMatchObject({ type: 'message.sent', forwarded: { injectId: 'tip', from: miniScenario.injects[0]!.from, releasedAt: 0 } });
		expect(x.state().messages[0]).toMatchObject({ forwarded: { injectId: 'tip' }, answeredAt: null });
		expect(
			x.refusal(
				{ type: 'SEND_MESSAGE', messageId: 'm', fromTeam: 'coast-guard', to: ['customs'], channel: 'phone', text: 'x', refInjectId: 'customs-note', by: 'B' },
				2
			)
		).toBe('inject "customs-note" is not one your team has received');
	});

	it('answers a message to exercise control with an inject, or marks it handled, once', () => {
		const x = started();
		message(x, 'first');
		message(x, 'second');
		const inject = { ...miniScenario.injects[1]!, id: 'reply', at: undefined, to: ['coast-guard'] };
		expect(types(x.send({ type: 'ADD_INJECT', inject, dueAt: 2 * MINUTE, inReplyTo: 'first', by: 'Ana' }, 2))).toEqual(['inject.added', 'message.answered']);
		x.send({ type: 'ANSWER_MESSAGE', messageId: 'second', by: 'Ana' }, 3);
		expect(x.state().messages.map((m) => [m.messageId, m.answeredAt, m.answerInjectId])).toEqual([
			['first', 2 * MINUTE, 'reply'],
			['second', 3 * MINUTE, null]
		]);
		expect(x.refusal({ type: 'ANSWER_MESSAGE', messageId: 'second', by: 'Ana' }, 4)).toBe('that message has already been answered');
		expect(x.refusal({ type: 'ANSWER_MESSAGE', messageId: 'nope', by: 'Ana' }, 4)).toBe('no message "nope" to exercise control');
	});

	it('does not score a decision missed while the team was marked absent, and scores it again once back', () => {
		const x = exercise();
		x.send({ type: 'MARK_TEAM', team: 'coast-guard', mode: 'absent', by: 'Ana' }, 0);
		x.send({ type: 'START' }, 0);
		const expired = x.send({ type: 'TICK' }, 16).find((e) => e.type === 'decision.expired');
		expect(expired).toMatchObject({ team: 'coast-guard', teamAbsent: true });
		expect(teamScores(x.state()).find((t) => t.team === 'coast-guard')).toMatchObject({ expired: 1, max: 0 });
		x.send({ type: 'MARK_TEAM', team: 'coast-guard', mode: 'playing', by: 'Ana' }, 17);
		expect(x.state().teamModes).toEqual({});
		x.send({ type: 'TICK' }, 20);
		const later = x.send({ type: 'TICK' }, 31).filter((e) => e.type === 'decision.expired');
		expect(later.map((e) => e.type === 'decision.expired' && [e.team, e.teamAbsent])).toEqual([
			['coast-guard', undefined],
			['customs', undefined]
		]);
		expect(teamScores(x.state()).find((t) => t.team === 'coast-guard')!.max).toBe(8);
	});

	it('lets control decide only for a team it plays', () => {
		const x = started();
		const decideForCg = { type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'Ana', byControl: true } as const;
		expect(x.refusal(decideForCg, 1)).toBe('team "coast-guard" is not played by exercise control');
		x.send({ type: 'MARK_TEAM', team: 'coast-guard', mode: 'control', by: 'Ana' }, 1);
		expect(x.send(decideForCg, 2)[0]).toMatchObject({ type: 'decision.submitted', by: 'Ana (exercise control)' });
	});

	it('edits, links and deletes notes, and keeps the narrative by section', () => {
		const x = started();
		x.send({ type: 'OBSERVE', observationId: 'n1', team: 'customs', objective: 'share', text: 'slow', by: 'Eva', eventSeq: 2 }, 1);
		x.send({ type: 'EDIT_OBSERVATION', observationId: 'n1', team: 'coast-guard', objective: null, text: 'slow to share', eventSeq: null, by: 'Eva' }, 2);
		expect(x.state().observations).toEqual([
			{ observationId: 'n1', team: 'coast-guard', objective: null, text: 'slow to share', by: 'Eva', at: MINUTE, eventSeq: null, editedAt: 2 * MINUTE }
		]);
		expect(x.refusal({ type: 'OBSERVE', observationId: 'n2', team: null, objective: null, text: 'x', by: 'Eva', eventSeq: 999 }, 3)).toBe(
			'no event 999 in this exercise'
		);
		x.send({ type: 'DELETE_OBSERVATION', observationId: 'n1', by: 'Eva' }, 3);
		expect(x.state().observations).toEqual([]);
		expect(x.refusal({ type: 'DELETE_OBSERVATION', observationId: 'n1', by: 'Eva' }, 4)).toBe('no observation "n1"');
		x.send({ type: 'SET_NARRATIVE', section: 'improvements:share', text: 'Use the JRCC.', by: 'Eva' }, 4);
		expect(x.state().narrative).toEqual({ 'improvements:share': { text: 'Use the JRCC.', by: 'Eva', at: 4 * MINUTE } });
		expect(x.refusal({ type: 'SET_NARRATIVE', section: 'strengths:nope', text: 'x', by: 'Eva' }, 5)).toBe('unknown objective "nope"');
		x.send({ type: 'END' }, 5);
		x.send({ type: 'CLOSE' }, 6);
		// After the close the narrative (like the improvement plan) may still be written; notes are final.
		x.send({ type: 'SET_NARRATIVE', section: 'summary', text: 'Final summary', by: 'Eva' }, 7);
		expect(x.refusal({ type: 'OBSERVE', observationId: 'n3', team: null, objective: null, text: 'late', by: 'Eva' }, 7)).toBe(
			'cannot record observations in an exercise that is closed'
		);
	});
});
