/** An asset's order, as its panel words it: the team's own orders, and the legs the simulation puts it on after an intercept. */
import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { eventsForAudience } from '../exercise/audience';
import { MINUTE } from '../exercise/clock';
import type { NewEvent } from '../exercise/events';
import { foldEvents } from '../exercise/state';
import { antiguaDrill, stJohnsPort } from '../../../../tests/fixtures/antigua-drill';
import { scenarioSchema } from '../scenario/schema';
import { assetOrder } from './order-text';

/** Off Antigua: a boat in distress, one that is not, a yacht; a cutter and a patrol aircraft to reach them. */
const scenario = antiguaDrill({
	id: 'orders',
	title: 'Orders drill',
	summary: 'Boats off Antigua.',
	durationMinutes: 180,
	map: { center: [-61.8, 16.9], zoom: 8 },
	entities: [
		stJohnsPort(),
		{
			id: 'sinking',
			name: 'Overloaded boat',
			kind: 'boat',
			category: 'displaced',
			people: { total: 30, minors: 0, unaccompaniedMinors: 0 },
			destination: 'port',
			distressAt: 5,
			speedKnots: 6,
			track: [
				{ at: 0, position: [-61.8, 16.75] },
				{ at: 100, position: [-61.86, 17.1] }
			]
		},
		{
			id: 'pirogue',
			name: 'Pirogue',
			kind: 'boat',
			category: 'displaced',
			people: { total: 12, minors: 2, unaccompaniedMinors: 0 },
			destination: 'port',
			speedKnots: 6,
			track: [
				{ at: 0, position: [-61.86, 16.95] },
				{ at: 90, position: [-61.86, 17.1] }
			]
		},
		{
			id: 'yacht',
			name: 'Suspect yacht',
			kind: 'vessel',
			category: 'suspect',
			track: [
				{ at: 0, position: [-61.5, 16.8] },
				{ at: 120, position: [-61.5, 17.3] }
			]
		},
		{
			id: 'cutter',
			name: 'Cutter',
			kind: 'vessel',
			category: 'law-enforcement',
			team: 'coast-guard',
			speedKnots: 30,
			track: [{ at: 0, position: [-61.85, 16.9] }]
		},
		{
			id: 'mpa',
			name: 'Patrol aircraft',
			kind: 'aircraft',
			category: 'military',
			team: 'coast-guard',
			speedKnots: 180,
			track: [{ at: 0, position: [-61.0, 16.9] }]
		},
		{
			id: 'rib',
			name: 'Harbour RIB',
			kind: 'vessel',
			category: 'law-enforcement',
			team: 'coast-guard',
			speedKnots: 30,
			enduranceHours: 0.5,
			track: [{ at: 0, position: [-61.85, 17.0] }]
		}
	],
	injects: [{ id: 'start', at: 0, from: 'Exercise control', to: ['coast-guard'], channel: 'radio', title: 'Start', body: 'Start.' }]
});

const task = (entityId: string, order: Record<string, unknown>) => ({
	type: 'TASK_ASSET' as const,
	entityId,
	team: 'coast-guard',
	order: order as never,
	by: 'Officer'
});
const start = () => {
	const x = given(scenarioSchema.parse(scenario));
	x.send({ type: 'START' }, 0);
	return x;
};
const metAt = (events: NewEvent[], target: string) =>
	events.find((e): e is Extract<NewEvent, { type: 'intercept.achieved' }> => e.type === 'intercept.achieved' && e.target === target)!.metAt;

describe('asset order', () => {
	it('says an asset that ran out of endurance has stopped, not that it is still on its way', () => {
		const x = start();
		// 60 nm at 30 kn is two hours under way; the RIB has half an hour.
		x.send({ ...task('rib', { type: 'goto', point: [-60.8, 17.0] }), speedKnots: 30 }, 1);
		expect(assetOrder(x.state(), 'rib', 10 * MINUTE)).toEqual({ kind: 'goto', point: [-60.8, 17.0], knots: 30 });
		expect(assetOrder(x.state(), 'rib', 40 * MINUTE)).toEqual({ kind: 'exhausted' });
	});

	it("reads the team's own orders, and planned movements before any", () => {
		const x = start();
		expect(assetOrder(x.state(), 'cutter', 0)).toEqual({ kind: 'planned' });
		x.send({ ...task('cutter', { type: 'goto', point: [-61.7, 16.95] }), speedKnots: 20 }, 1);
		expect(assetOrder(x.state(), 'cutter', 2 * MINUTE)).toEqual({ kind: 'goto', point: [-61.7, 16.95], knots: 20 });
		x.send(
			task('cutter', {
				type: 'patrol',
				points: [
					[-61.7, 16.95],
					[-61.8, 17.0]
				]
			}),
			3
		);
		expect(assetOrder(x.state(), 'cutter', 4 * MINUTE)).toEqual({ kind: 'patrol', points: 2, knots: 30 });
		x.send(task('cutter', { type: 'intercept', target: 'yacht' }), 5);
		expect(assetOrder(x.state(), 'cutter', 6 * MINUTE)).toEqual({ kind: 'intercept', target: 'Suspect yacht', knots: 30 });
		x.send(task('cutter', { type: 'hold' }), 7);
		expect(assetOrder(x.state(), 'cutter', 8 * MINUTE)).toEqual({ kind: 'hold' });
	});

	it("says an asset carries a distressed boat's rescued people to port, naming it, then that it has arrived", () => {
		const x = start();
		x.tickThrough(1, 6, 1);
		x.send(task('cutter', { type: 'intercept', target: 'sinking' }), 6);
		const events = x.tickThrough(7, 179, 1);
		const met = metAt(events, 'sinking');
		expect(assetOrder(x.state(), 'cutter', met + MINUTE)).toEqual({ kind: 'carrying', people: 30, target: 'Overloaded boat', port: "St John's" });
		// The team's own view (what its panel folds) reads the same.
		const teamView = foldEvents('x', eventsForAudience(x.log, { role: 'participant', team: 'coast-guard' }));
		expect(assetOrder(teamView, 'cutter', met + MINUTE)).toEqual({ kind: 'carrying', people: 30, target: 'Overloaded boat', port: "St John's" });
		expect(assetOrder(x.state(), 'cutter', 179 * MINUTE)).toEqual({ kind: 'arrived', target: 'Overloaded boat', port: "St John's" });
	});

	it('says an asset escorts a boat that is not in distress, and names what it stopped or shadows', () => {
		const x = start();
		x.send(task('cutter', { type: 'intercept', target: 'pirogue' }), 1);
		x.send(task('mpa', { type: 'intercept', target: 'yacht' }), 1);
		const events = x.tickThrough(2, 40, 1);
		expect(assetOrder(x.state(), 'cutter', metAt(events, 'pirogue') + MINUTE)).toEqual({ kind: 'escorting', target: 'Pirogue', port: "St John's" });
		expect(assetOrder(x.state(), 'mpa', metAt(events, 'yacht') + MINUTE)).toEqual({ kind: 'shadowing', target: 'Suspect yacht' });
	});
});
