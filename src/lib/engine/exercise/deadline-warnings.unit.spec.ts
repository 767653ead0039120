import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { MINUTE } from './clock';
import { fastestSafeSpeed, speedWarning } from './deadline-warnings';

// The mini scenario: "Tip-off" at minute 0 (coast guard decides within 15 min), "Contact" at minute 20 (both teams, 10 min).
const started = () => {
	const x = given(miniScenario);
	x.send({ type: 'START' }, 0);
	return x;
};

describe('speed warnings for short deadlines', () => {
	it('says nothing at 1× and at speeds that leave a minute or more', () => {
		const s = started().state();
		expect(speedWarning(s, 0, 1)).toBeNull();
		// 10 min at 10× is exactly 60 real seconds: enough.
		expect(speedWarning(s, 0, 10)).toBeNull();
	});

	it('at 60× names the upcoming 10-minute decision first (10 real seconds), then the open one', () => {
		const w = speedWarning(started().state(), 0, 60)!;
		expect(w.short.map((d) => [d.injectId, d.team, Math.round(d.realMs / 1000)])).toEqual([
			['both', null, 10],
			['tip', 'coast-guard', 15]
		]);
	});

	it('judges an open decision by its whole window, and forgets it once its deadline has passed', () => {
		const x = started();
		// 12 minutes in, 3 minutes of the tip-off remain; its window is still 15 min: 30 s at 30×, the 10-minute Contact 20 s.
		const w = speedWarning(x.state(), 12 * MINUTE, 30)!;
		expect(w.short.map((d) => [d.injectId, d.exerciseMs / MINUTE, d.realMs / 1000])).toEqual([
			['both', 10, 20],
			['tip', 15, 30]
		]);
		expect(speedWarning(x.state(), 12 * MINUTE, 4)).toBeNull();
		expect(speedWarning(x.state(), 15.5 * MINUTE, 60)!.short.map((d) => d.injectId)).toEqual(['both']);
	});

	it('leaves out a window shorter than a minute even at 1× (not the speed’s doing)', () => {
		expect(speedWarning(started().state(), 0, 60, 20 * MINUTE)).toBeNull();
	});

	it('forgets decisions that are answered or skipped', () => {
		const x = started();
		x.send({ type: 'DECIDE', injectId: 'tip', optionId: 'share', team: 'coast-guard', by: 'Lt B' }, 1);
		x.send({ type: 'SKIP_INJECT', injectId: 'both' }, 2);
		expect(speedWarning(x.state(), 2 * MINUTE, 60)).toBeNull();
	});

	it('finds the fastest speed that keeps every deadline playable', () => {
		expect(fastestSafeSpeed(started().state(), 0, [1, 2, 4, 10, 30, 60])).toBe(10);
	});
});
