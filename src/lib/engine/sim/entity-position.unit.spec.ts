import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { MINUTE } from '../exercise/clock';
import { distanceNm, entityFixAt } from './entity-position';
import { trailOf } from './movement';

const goFast = miniScenario.entities[0]; // 0.6° of latitude (36 nm) north in 60 min
const cutter = miniScenario.entities[1];
/** A scripted track's trail: no course has been ordered. */
const trailAt = (entity: typeof goFast, atMs: number) => trailOf({ courses: {} }, entity, atMs);

describe('entityFixAt', () => {
	it('interpolates along the track with heading and speed in knots', () => {
		const fix = entityFixAt(goFast, 30 * MINUTE);
		expect(fix.position[0]).toBeCloseTo(-62.0, 4);
		expect(fix.position[1]).toBeCloseTo(11.2, 2);
		expect(fix.headingDeg).toBeCloseTo(0, 1);
		expect(fix.speedKnots).toBeCloseTo(36, 0);
	});
	it('holds the first and last points outside the track times', () => {
		expect(entityFixAt(goFast, -5).position).toEqual([-62.0, 10.9]);
		expect(entityFixAt(goFast, 90 * MINUTE)).toEqual({ position: [-62.0, 11.5], headingDeg: null, speedKnots: 0 });
	});
	it('keeps a single-point entity stationary', () => {
		expect(entityFixAt(cutter, 10 * MINUTE)).toEqual({ position: [-61.6, 10.7], headingDeg: null, speedKnots: 0 });
	});
	it('returns the travelled trail ending at the current position', () => {
		expect(trailAt(goFast, 0)).toEqual([]);
		const trail = trailAt(goFast, 30 * MINUTE);
		expect(trail).toHaveLength(2);
		expect(distanceNm(trail[0], trail[1])).toBeCloseTo(18, 0);
	});
});
