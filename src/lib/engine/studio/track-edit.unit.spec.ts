import { describe, expect, it } from 'vitest';
import turfDistance from '@turf/distance';
import { appendedPoint, cornerAfter, minuteAfter, nudged, pointAfter, radiusHandle, radiusTo, starterPolygon, usableTrack } from './track-edit';

const NM = { units: 'nauticalmiles' } as const;

describe('minuteAfter and appendedPoint', () => {
	it('starts a track at minute 0', () => {
		expect(appendedPoint([], [-61.12345678, 12.5], 20)).toEqual({ at: 0, position: [-61.1235, 12.5] });
	});

	it('keeps the entity within its speed: 30 nm at 20 kn is 90 minutes on, rounded up', () => {
		// 0.5° of latitude is a little over 30 nm (30.02): 90.06 minutes, so 91.
		const next = appendedPoint([{ at: 10, position: [-61, 12] }], [-61, 12.5], 20);
		expect(next.at).toBe(101);
		const knots = turfDistance([-61, 12], next.position, NM) / ((next.at - 10) / 60);
		expect(knots).toBeLessThanOrEqual(20);
	});

	it('rounds up to whole minutes, and never adds less than one', () => {
		expect(minuteAfter({ at: 5, position: [-61, 12] }, [-61, 12.0001], 30)).toBe(6);
		expect(minuteAfter({ at: 5, position: [-61, 12] }, [-61, 12.1], 7)).toBe(5 + Math.ceil((turfDistance([-61, 12], [-61, 12.1], NM) / 7) * 60));
	});

	it('goes half an hour on without a usable speed', () => {
		expect(minuteAfter({ at: 12.5, position: [-61, 12] }, [-60, 12], undefined)).toBe(42.5);
		expect(minuteAfter({ at: 0, position: [-61, 12] }, [-60, 12], 'fast')).toBe(30);
		expect(minuteAfter({ at: 0, position: [-61, 12] }, [-60, 12], 0)).toBe(30);
	});

	it('follows the last usable point, skipping broken ones', () => {
		const track = [{ at: 0, position: [-61, 12] }, { at: 'later', position: [-60, 12] }, null];
		expect(usableTrack(track).map((p) => p.index)).toEqual([0]);
		expect(appendedPoint(track, [-61, 12.5], undefined).at).toBe(30);
	});
});

describe('pointAfter', () => {
	const track = [
		{ at: 0, position: [-61, 12] },
		{ at: 60, position: [-61, 13] }
	];
	it('goes halfway to the next point, in space and time', () => {
		const p = pointAfter(track, 0, 20)!;
		expect(p.at).toBe(30);
		expect(p.position[0]).toBeCloseTo(-61, 4);
		expect(p.position[1]).toBeCloseTo(12.5, 2);
	});
	it('after the last, repeats the leg before it, at the entity speed', () => {
		const p = pointAfter(track, 1, 60)!;
		expect(p.position[1]).toBeCloseTo(14, 1);
		expect(p.at).toBeGreaterThanOrEqual(60 + 60);
	});
	it('after a lone point, goes 10 nm east half an hour later without a speed', () => {
		const p = pointAfter([{ at: 5, position: [-61, 12] }], 0, undefined)!;
		expect(p.at).toBe(35);
		expect(turfDistance([-61, 12], p.position, NM)).toBeCloseTo(10, 1);
		expect(p.position[0]).toBeGreaterThan(-61);
	});
	it('gives nothing for a point that is not there or not usable', () => {
		expect(pointAfter(track, 5, 20)).toBeNull();
		expect(pointAfter([{ at: 'x', position: [0, 0] }], 0, 20)).toBeNull();
		expect(pointAfter('not a track', 0, 20)).toBeNull();
	});
});

describe('nudged', () => {
	it('moves by steps east and north, rounded, and stays on the globe', () => {
		expect(nudged([-61, 12], 1, 0)).toEqual([-60.99, 12]);
		expect(nudged([-61, 12], 0, -1, 0.1)).toEqual([-61, 11.9]);
		expect(nudged([179.995, 89.999], 1, 1)).toEqual([180, 90]);
	});
});

describe('circles and polygons', () => {
	it('measures a radius to a tenth of a mile, never zero, and draws its handle that far east', () => {
		expect(radiusTo([-61, 12], [-61, 12.1])).toBeCloseTo(6, 0);
		expect(radiusTo([-61, 12], [-61, 12])).toBe(0.1);
		const handle = radiusHandle([-61, 12], 6);
		expect(handle[0]).toBeGreaterThan(-61);
		expect(turfDistance([-61, 12], handle, NM)).toBeCloseTo(6, 3);
	});
	it('starts a polygon as a triangle around the centre', () => {
		const corners = starterPolygon([-61, 12], 10);
		expect(corners).toHaveLength(3);
		for (const c of corners) expect(turfDistance([-61, 12], c, NM)).toBeCloseTo(10, 0);
	});
	it('puts a new corner halfway to the next, the first after the last', () => {
		const square = [
			[0, 0],
			[2, 0],
			[2, 2]
		];
		expect(cornerAfter(square, 0)).toEqual([1, 0]);
		expect(cornerAfter(square, 2)).toEqual([1, 1]);
		expect(cornerAfter(square, 3)).toBeNull();
	});
});
