import { describe, expect, it } from 'vitest';
import { trackLegs } from './track-legs';

describe('trackLegs', () => {
	it('gives each leg its minutes, length and implied speed, and warns when faster than the entity', () => {
		// 0.6° of latitude north is 36 nm: in 60 minutes, 36 kn.
		const legs = trackLegs({
			kind: 'vessel',
			speedKnots: 30,
			track: [
				{ at: 0, position: [-62.0, 10.9] },
				{ at: 60, position: [-62.0, 11.5] },
				{ at: 180, position: [-62.0, 12.1] }
			]
		});
		expect(legs).toHaveLength(2);
		expect(legs[0]).toMatchObject({ from: { index: 0, at: 0 }, to: { index: 1, at: 60 }, minutes: 60, tooFast: true, crossesLand: null });
		expect(legs[0]!.distanceNm).toBeCloseTo(36, 0);
		expect(legs[0]!.knots).toBeCloseTo(36, 0);
		expect(legs[1]).toMatchObject({ minutes: 120, tooFast: false });
		expect(legs[1]!.knots).toBeCloseTo(18, 0);
	});

	it('never warns of speed without an entity speed, and gives no speed when the time does not increase', () => {
		const legs = trackLegs({
			kind: 'boat',
			track: [
				{ at: 10, position: [-62.0, 10.9] },
				{ at: 10, position: [-62.0, 11.0] }
			]
		});
		expect(legs[0]).toMatchObject({ minutes: 0, knots: null, tooFast: false });
	});

	it("names the land a vessel's leg crosses, or an end stands on; an aircraft's legs may cross land", () => {
		const across = [
			{ at: 0, position: [-61.85, 12.1] },
			{ at: 60, position: [-61.5, 12.1] }
		];
		expect(trackLegs({ kind: 'vessel', track: across })[0]!.crossesLand).toEqual({ state: 'Grenada' });
		expect(trackLegs({ kind: 'boat', track: [across[0], { at: 30, position: [-61.68, 12.12] }] })[0]!.crossesLand).toEqual({ state: 'Grenada' });
		expect(trackLegs({ kind: 'aircraft', speedKnots: 200, track: across })[0]!.crossesLand).toBeNull();
	});

	it("reads a draft's entity as it is: points without a minute or a position are left out", () => {
		const legs = trackLegs({
			kind: 'vessel',
			track: [{ at: 0, position: [-62.0, 10.9] }, { at: 'soon', position: [-62.0, 11.0] }, { at: 30 }, null, { at: 60, position: [-62.0, 11.5] }]
		});
		expect(legs.map((l) => [l.from.index, l.to.index])).toEqual([[0, 4]]);
		expect(trackLegs({ kind: 'vessel' })).toEqual([]);
		expect(trackLegs({ kind: 'vessel', track: 'none' })).toEqual([]);
	});
});
