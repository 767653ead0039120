import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { MINUTE } from './clock';
import { mselTimeline } from './msel-timeline';

describe('the MSEL timeline', () => {
	it('splits the MSEL at the now-line, with what is due soon marked', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		x.send({ type: 'HOLD_INJECT', injectId: 'late' }, 1);
		const t = mselTimeline(x.state(), 2 * MINUTE, 10 * MINUTE);
		expect(t.past.map((e) => [e.inject.id, e.at])).toEqual([['tip', 0]]);
		expect(t.upcoming.map((e) => [e.inject.id, e.inject.status, e.dueInMs! / MINUTE, e.soon])).toEqual([
			['customs-note', 'pending', 8, true],
			['both', 'pending', 18, false],
			['late', 'held', 38, false]
		]);
		expect(t.waiting).toEqual([]);
	});

	it('orders what went out by when it went out, skipped ones by their planned time', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		x.send({ type: 'RELEASE_INJECT', injectId: 'late' }, 3);
		x.send({ type: 'SKIP_INJECT', injectId: 'both' }, 4);
		x.tickThrough(5, 11, 1);
		const t = mselTimeline(x.state(), 12 * MINUTE, 10 * MINUTE);
		expect(t.past.map((e) => e.inject.id)).toEqual(['tip', 'late', 'customs-note', 'both']);
		expect(t.upcoming).toEqual([]);
	});
});
