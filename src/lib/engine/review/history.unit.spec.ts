import { describe, expect, it } from 'vitest';
import { given, T0 } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { foldEvents } from '../exercise/state';
import { percent, teamScores } from './score-decision';
import { scenarioHistory } from './history';

/** A run of the mini scenario created at `wall`, in which the coast guard takes the best answer at once. */
function run(id: string, wall: number) {
	const x = given(miniScenario);
	x.send({ type: 'START' }, 0);
	x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'Ana' }, 1);
	return { ...x.state(), id, title: `Run ${id}`, createdWall: wall };
}

describe('scenarioHistory', () => {
	it('lists the runs of one scenario, oldest first, whatever order they come in', () => {
		const other = { ...run('other', T0), scenario: { ...miniScenario, id: 'other-scenario' } };
		const rows = scenarioHistory([run('second', T0 + 2), other, run('first', T0 + 1)], 'mini');
		expect(rows.map((r) => [r.exerciseId, r.title, r.status, r.createdWall])).toEqual([
			['first', 'Run first', 'running', T0 + 1],
			['second', 'Run second', 'running', T0 + 2]
		]);
	});
	it('gives each team its percent of achievable points per objective', () => {
		const state = run('x', T0);
		const [row] = scenarioHistory([state], 'mini');
		expect(Object.keys(row.scores).sort()).toEqual(['coast-guard', 'customs']);
		for (const t of teamScores(state)) expect(row.scores[t.team]).toEqual({ share: percent(t.objectives.share), interdict: percent(t.objectives.interdict) });
		expect(row.scores['coast-guard'].interdict).toBe(100);
		expect(row.scores.customs).toEqual({ share: null, interdict: null });
	});
	it('says which library version of the scenario each run played, from its first event', () => {
		const created = (seq: number, scenarioVersion?: number) =>
			({
				type: 'exercise.created',
				title: 'v',
				scenario: miniScenario,
				...(scenarioVersion ? { scenarioVersion } : {}),
				exerciseId: `x${seq}`,
				at: 0,
				wall: T0 + seq,
				actor: 'c',
				seq: 1
			}) as const;
		const rows = scenarioHistory([foldEvents('x1', [created(1, 2)]), foldEvents('x2', [created(2, 3)]), foldEvents('x3', [created(3)])], 'mini');
		expect(rows.map((r) => r.scenarioVersion)).toEqual([2, 3, null]);
	});
	it('leaves out exercises that have no scenario yet', () => {
		expect(scenarioHistory([foldEvents('empty', [])], 'mini')).toEqual([]);
	});
});
