import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { MINUTE } from '../exercise/clock';
import { bestOption, maxPointsFor, percent, scoreDecision, timelinessFactor } from './score-decision';
import type { Decision } from '../scenario/schema';

const decision = miniScenario.injects[0].decision!;

describe('timeliness', () => {
	it('gives full credit within the expected time', () => {
		expect(timelinessFactor(0, decision)).toBe(1);
		expect(timelinessFactor(5 * MINUTE, decision)).toBe(1);
	});
	it('falls linearly to half credit at the deadline', () => {
		expect(timelinessFactor(10 * MINUTE, decision)).toBeCloseTo(0.75);
		expect(timelinessFactor(15 * MINUTE, decision)).toBe(0.5);
		expect(timelinessFactor(60 * MINUTE, decision)).toBe(0.5);
	});
});

describe('scoreDecision', () => {
	it('scores the chosen option per objective against the best achievable', () => {
		const s = scoreDecision(decision, 'share', 2 * MINUTE);
		expect(s.points).toEqual({ share: 10, interdict: 6 });
		expect(s.maxPoints).toEqual({ share: 10, interdict: 6 });
		expect(s.timeliness).toBe(1);
	});
	it('scales positive points by timeliness', () => {
		const s = scoreDecision(decision, 'share', 10 * MINUTE);
		expect(s.points).toEqual({ share: 7.5, interdict: 4.5 });
	});
	it('does not soften harmful choices for speed', () => {
		expect(scoreDecision(decision, 'leak', 14 * MINUTE).points).toEqual({ share: -5, interdict: -3 });
	});
	it('refuses an unknown option', () => {
		expect(() => scoreDecision(decision, 'nope', 0)).toThrow(/unknown option "nope"/);
	});
	it('computes the maximum over options and percentages', () => {
		expect(maxPointsFor(miniScenario.injects[2].decision!)).toEqual({ interdict: 8 });
		expect(percent({ earned: 5, max: 10 })).toBe(50);
		expect(percent({ earned: 0, max: 0 })).toBeNull();
	});
});

describe('the maximum is the best single option', () => {
	// Each option is best on one objective: the old per-objective maximum (10 + 10) was out of any answer's reach.
	const split: Decision = {
		...decision,
		options: [
			{ id: 'board', label: 'Board now', scores: { share: 10, interdict: 9 } },
			{ id: 'track', label: 'Track and report', scores: { share: 1, interdict: 10 } },
			{
				id: 'rush',
				label: 'Board in foreign waters',
				scores: { share: 10, interdict: 10 },
				violation: { rule: 'No consent', objective: 'interdict', penalty: 5 }
			}
		]
	};
	const sum = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);

	it('gives an instant best answer full marks', () => {
		const s = scoreDecision(split, 'board', 0);
		expect(s.maxPoints).toEqual({ share: 10, interdict: 9 });
		expect(sum(s.points)).toBe(sum(s.maxPoints));
		expect(s.points).toEqual(s.maxPoints);
	});

	it('takes the highest total, its violation penalty deducted, the first listed on a tie', () => {
		expect(bestOption(split).id).toBe('board');
		const tie: Decision = {
			...decision,
			options: [
				{ id: 'a', label: 'A', scores: { share: 5 } },
				{ id: 'b', label: 'B', scores: { interdict: 5 } }
			]
		};
		expect(bestOption(tie).id).toBe('a');
		// Every objective scored by some option keeps a maximum, 0 where the best option earns nothing.
		expect(maxPointsFor(tie)).toEqual({ share: 5, interdict: 0 });
	});
});
