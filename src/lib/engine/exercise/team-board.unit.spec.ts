import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { EXERCISE_CONTROL } from '../scenario/vocabulary';
import { MINUTE } from './clock';
import { needsAttention, teamBoard } from './team-board';

const members = [
	{ role: 'participant', name: 'Lt Baptiste', team: 'coast-guard' },
	{ role: 'evaluator', name: 'Eva', team: null }
];

describe('the team board', () => {
	it('shows who is online, the open decision with its time left, and flags it overdue past the expected time', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		const [cg, customs] = teamBoard(x.state(), x.log, members, 6 * MINUTE);
		expect(cg).toMatchObject({ team: 'coast-guard', name: 'Coast Guard', online: ['Lt Baptiste'], missed: 0, lastActivityAt: null });
		expect(cg.open).toEqual([
			{
				injectId: 'tip',
				title: 'Tip-off',
				leftMs: 9 * MINUTE,
				overdue: true,
				options: [
					{ id: 'share', label: 'Share and launch' },
					{ id: 'wait', label: 'Wait' },
					{ id: 'leak', label: 'Tell the press' }
				]
			}
		]);
		expect(customs).toMatchObject({ online: [], open: [] });
		expect(needsAttention(cg)).toBe(true);
		expect(needsAttention(customs)).toBe(false);
	});

	it('counts missed decisions, messages waiting for control and the last thing a team did', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		x.send(
			{
				type: 'SEND_MESSAGE',
				messageId: 'm1',
				fromTeam: 'customs',
				to: [EXERCISE_CONTROL],
				channel: 'phone',
				text: 'Can RIFC confirm?',
				refInjectId: null,
				by: 'Ramdin'
			},
			3,
			'team:customs:Ramdin'
		);
		x.tickThrough(1, 16, 1);
		const [cg, customs] = teamBoard(x.state(), x.log, [], 18 * MINUTE);
		expect(cg).toMatchObject({ missed: 1, decided: 0, open: [] });
		expect(customs.waiting).toEqual([{ messageId: 'm1', at: 3 * MINUTE, waitedMs: 15 * MINUTE }]);
		expect(customs.lastActivityAt).toBe(3 * MINUTE);
		expect(needsAttention(customs)).toBe(true);
	});

	it('lists open decisions soonest deadline first', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		x.send({ type: 'RELEASE_INJECT', injectId: 'both' }, 8);
		const [cg] = teamBoard(x.state(), x.log, [], 9 * MINUTE);
		expect(cg.open.map((d) => [d.injectId, d.leftMs / MINUTE])).toEqual([
			['tip', 6],
			['both', 9]
		]);
	});

	it('shows a team marked absent, with what it missed while absent, and drops answered messages from the waiting list', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		x.send({ type: 'MARK_TEAM', team: 'coast-guard', mode: 'absent', by: 'Ana' }, 1);
		x.send(
			{
				type: 'SEND_MESSAGE',
				messageId: 'm1',
				fromTeam: 'customs',
				to: [EXERCISE_CONTROL],
				channel: 'phone',
				text: 'Anyone there?',
				refInjectId: null,
				by: 'Ramdin'
			},
			2,
			'team:customs:Ramdin'
		);
		x.send({ type: 'ANSWER_MESSAGE', messageId: 'm1', by: 'Ana' }, 3);
		x.tickThrough(4, 16, 1);
		const [cg, customs] = teamBoard(x.state(), x.log, [], 17 * MINUTE);
		expect(cg).toMatchObject({ mode: 'absent', missed: 1, missedWhileAbsent: 1 });
		expect(needsAttention(cg)).toBe(false);
		expect(customs).toMatchObject({ mode: 'playing', waiting: [] });
	});

	it('asks for attention when control plays a team that has a decision open', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		x.send({ type: 'MARK_TEAM', team: 'coast-guard', mode: 'control', by: 'Ana' }, 1);
		const [cg] = teamBoard(x.state(), x.log, [], 2 * MINUTE);
		expect(cg.mode).toBe('control');
		expect(needsAttention(cg)).toBe(true);
	});
});
