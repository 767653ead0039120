import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { given, type Body } from '../../../../tests/fixtures/machine-driver';
import { MINUTE } from '../exercise/clock';
import type { ExerciseState } from '../exercise/state';
import { mapPictureAt } from '../sim/map-picture';
import { decisionLatencies, hotWash, lastTime, scoreSeries, sharingGraph, stateAt } from './review';

/** Plays a script through the machine, recording the live state after each step. */
function play(script: [number, Body][]) {
	const x = given(miniScenario);
	const live: { at: number; state: ExerciseState }[] = [];
	for (const [minute, body] of script) {
		x.send(body, minute);
		live.push({ at: minute * MINUTE, state: x.state() });
	}
	return { log: x.log, live, final: x.state() };
}

const script: [number, Body][] = [
	[0, { type: 'START' }],
	[2, { type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'leak', by: 'A' }],
	[4, { type: 'RATE', team: 'coast-guard', objective: 'share', rating: 'U', explanation: 'Leaked', by: 'E' }],
	[10, { type: 'TICK' }],
	[20, { type: 'TICK' }],
	[22, { type: 'SEND_MESSAGE', messageId: 'm1', fromTeam: 'customs', to: ['coast-guard'], channel: 'radio', text: 'Boarding?', refInjectId: 'both', by: 'C' }],
	[23, { type: 'DECIDE', injectId: 'both', team: 'customs', optionId: 'joint', by: 'C' }],
	[40, { type: 'TICK' }],
	[41, { type: 'END' }]
];

describe('replay', () => {
	it('rebuilds, at any recorded time, exactly the state the live view had then', () => {
		const { log, live } = play(script);
		for (const { at, state } of live) {
			// Events at the same exercise time as a later step belong to that step: compare only at the last step of each time.
			if (live.some((l) => l.at === at && l !== live.findLast((x) => x.at === at))) continue;
			expect(stateAt(log, at), `state at ${at / MINUTE} min`).toEqual(state);
		}
		expect(lastTime(log)).toBe(41 * MINUTE);
	});

	it('draws the map at the scrubbed time from the same state', () => {
		const { log } = play(script);
		const before = mapPictureAt(stateAt(log, -1), 0);
		expect(before.entities).toEqual([]);
		const at30 = mapPictureAt(stateAt(log, 30 * MINUTE), 30 * MINUTE);
		const goFast = at30.entities.find((e) => e.id === 'go-fast')!;
		expect(goFast.position[1]).toBeCloseTo(11.2, 2);
		expect(at30.trails.find((t) => t.id === 'go-fast')?.coordinates.length).toBe(2);
	});
});

describe('hot wash and chart series', () => {
	it('summarises scores, ratings, violations and what went unanswered', () => {
		const { final, log } = play(script);
		const summary = hotWash(final);
		const cg = summary.teams.find((t) => t.team === 'coast-guard')!;
		// Leaked (-5 share, -3 interdict penalty) and never shared (0/4), then missed "both" (0/8 interdict).
		expect(cg.objectives.find((o) => o.objective === 'share')).toMatchObject({ percent: -36, rating: { rating: 'U' } });
		expect(cg.improvements).toContain('Detect and share');
		const customs = summary.teams.find((t) => t.team === 'customs')!;
		expect(customs.objectives.find((o) => o.objective === 'interdict')?.percent).toBe(100);
		expect(customs.strengths).toContain('Lawful interdiction');
		expect(summary.violations).toEqual([
			{ team: 'coast-guard', injectId: 'tip', title: 'Tip-off', rule: 'Intelligence handling caveat', penalty: 3, at: 2 * MINUTE }
		]);
		expect(summary.unanswered).toEqual([
			{ team: 'coast-guard', injectId: 'both', title: 'Contact', what: 'decision' },
			{ team: 'coast-guard', injectId: 'tip', title: 'Tip-off', what: 'sharing', target: 'customs' }
		]);
		const series = scoreSeries(log);
		expect(series.customs.at(-1)).toMatchObject({ percent: 100, earned: 8 });
		expect(decisionLatencies(final).customs).toEqual([{ injectId: 'both', title: 'Contact', latencyMs: 3 * MINUTE, status: 'decided' }]);
		expect(sharingGraph(final).edges).toEqual([{ from: 'customs', to: 'coast-guard', messages: 1, meanShareLatencyMs: 2 * MINUTE }]);
	});
});
