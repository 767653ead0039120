/** Messaging and coordination, compliance, controller adjustments and HSEEP ratings, through the machine. */
import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { given, type Body } from '../../../../tests/fixtures/machine-driver';
import { MINUTE } from '../exercise/clock';
import { foldEvents, ratingKey } from '../exercise/state';
import { scoreShare, teamScores } from './score-decision';

const exercise = () => given(miniScenario);
const message = (minute: number, ref: string | null, to = ['customs']) =>
	({
		type: 'SEND_MESSAGE',
		messageId: `m${minute}`,
		fromTeam: 'coast-guard',
		to,
		channel: 'secure-chat',
		text: 'Heads up',
		refInjectId: ref,
		by: 'Lt A'
	}) as Body;

describe('coordination', () => {
	it('credits passing an inject on in time, on the expectation’s objective', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		const events = x.send(message(3, 'tip'), 3);
		expect(events.map((e) => e.type)).toEqual(['message.sent', 'coordination.credited']);
		expect(events[1]).toMatchObject({ team: 'coast-guard', target: 'customs', objective: 'share', points: 4, maxPoints: 4, latencyMs: 3 * MINUTE });
		const cg = teamScores(x.state()).find((s) => s.team === 'coast-guard')!;
		expect(cg.objectives.share).toEqual({ earned: 4, max: 4 });
		expect(cg.shared).toBe(1);
	});

	it('gives less credit when late and none when never shared', () => {
		expect(scoreShare(7.5 * MINUTE, 5 * MINUTE, 4)).toBe(3);
		const x = exercise();
		x.send({ type: 'START' }, 0);
		// A message without the inject reference does not count as sharing it.
		expect(x.send(message(1, null), 1).map((e) => e.type)).toEqual(['message.sent']);
		const due = x.send({ type: 'TICK' }, 10);
		expect(due.map((e) => e.type)).toContain('coordination.missed');
		expect(teamScores(x.state()).find((s) => s.team === 'coast-guard')).toMatchObject({ notShared: 1, objectives: { share: { earned: 0, max: 4 } } });
		// Sharing after the deadline is still a message, but earns nothing.
		expect(x.send(message(11, 'tip'), 11).map((e) => e.type)).toEqual(['message.sent']);
	});

	it('refuses messages that name unknown teams, oneself, or an inject the team never got', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		expect(x.refusal(message(1, null, ['ghosts']), 1)).toBe('unknown team "ghosts"');
		expect(x.refusal(message(1, null, ['coast-guard']), 1)).toBe('a team cannot message itself');
		expect(x.refusal(message(1, 'customs-note'), 1)).toBe('inject "customs-note" is not one your team has received');
		x.send({ type: 'PAUSE' }, 2);
		expect(x.refusal(message(2, null), 2)).toBe('cannot send messages in an exercise that is paused');
	});
});

describe('compliance', () => {
	it('takes the penalty off the named objective and records the rule broken', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		const [submitted] = x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'leak', by: 'Lt A' }, 1);
		expect(submitted).toMatchObject({
			points: { share: -5, interdict: -3 },
			quality: { share: -5 },
			violation: { rule: 'Intelligence handling caveat', objective: 'interdict', penalty: 3 },
			explanation: { label: 'Tell the press', feedback: 'Warns the traffickers.' }
		});
		expect(teamScores(x.state()).find((s) => s.team === 'coast-guard')).toMatchObject({ violations: 1, earned: -8 });
	});
});

describe('controller adjustments and evaluator ratings', () => {
	it('adds adjustments to the earned score without changing the maximum', () => {
		const x = exercise();
		x.send({ type: 'START' }, 0);
		x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'wait', by: 'A' }, 1);
		x.send({ type: 'ADJUST_SCORE', team: 'coast-guard', objective: 'share', points: 3, reason: 'Shared by phone, off-system', by: 'Ctrl' }, 2);
		const cg = teamScores(x.state()).find((s) => s.team === 'coast-guard')!;
		expect(cg.objectives.share).toEqual({ earned: 3, max: 10 });
		expect(x.state().adjustments[0]).toMatchObject({ reason: 'Shared by phone, off-system', by: 'Ctrl', at: 2 * MINUTE });
		expect(x.refusal({ type: 'ADJUST_SCORE', team: 'coast-guard', objective: 'nope', points: 1, reason: 'r', by: 'C' }, 3)).toBe('unknown objective "nope"');
	});

	it('keeps every revision of a rating until the exercise is closed', () => {
		const x = exercise();
		const rate = (rating: 'P' | 'S' | 'M' | 'U', minute: number) =>
			x.send({ type: 'RATE', team: 'customs', objective: 'interdict', rating, explanation: `why ${rating}`, by: 'Eva' }, minute);
		rate('S', 0);
		x.send({ type: 'START' }, 0);
		rate('M', 5);
		x.send({ type: 'END' }, 30);
		rate('P', 35);
		expect(x.state().ratings[ratingKey('customs', 'interdict')].map((r) => r.rating)).toEqual(['S', 'M', 'P']);
		x.send({ type: 'OBSERVE', observationId: 'o1', team: 'customs', objective: null, text: 'Slow to log evidence', by: 'Eva' }, 36);
		x.send({ type: 'CLOSE' }, 40);
		expect(x.refusal({ type: 'RATE', team: 'customs', objective: 'interdict', rating: 'U', explanation: 'late', by: 'Eva' }, 41)).toBe(
			'cannot rate an exercise that is closed'
		);
		expect(x.refusal({ type: 'OBSERVE', observationId: 'o2', team: null, objective: null, text: 'late', by: 'Eva' }, 41)).toBe(
			'cannot record observations in an exercise that is closed'
		);
		// The improvement plan stays editable after closing.
		x.send(
			{
				type: 'UPDATE_IMPROVEMENT',
				itemId: 'i1',
				objective: 'interdict',
				issue: 'No boarding checklist',
				correctiveAction: 'Write one',
				capabilityElement: 'planning',
				responsibleAgency: 'TTCG',
				pointOfContact: 'Ops officer',
				startDate: '2027-01-10',
				dueDate: '2027-03-01',
				by: 'Eva'
			},
			42
		);
		expect(x.state().improvements.i1.responsibleAgency).toBe('TTCG');
		expect(foldEvents('x', x.log)).toEqual({ ...x.state(), lastSeq: x.log.length });
	});
});
