import { describe, expect, it } from 'vitest';
import { MINUTE } from '../exercise/clock';
import { distanceNm, entityFixAt } from './entity-position';
import { planGoto, planIntercept, planPatrol, truncateForEndurance, underwayMinutes, type CoursePoint } from './kinematics';
import type { LonLat } from '../scenario/schema';

const CHAGUARAMAS: LonLat = [-61.64, 10.68];
const POINT_SALINES: LonLat = [-61.79, 12.0];
const at = (course: CoursePoint[], min: number) => entityFixAt({ track: course }, min * MINUTE);

/** A target running due north at `kn` from `start` (minute 0) for `minutes`. */
function northbound(start: LonLat, kn: number, minutes: number): CoursePoint[] {
	return [
		{ at: 0, position: start },
		{ at: minutes, position: [start[0], start[1] + (kn * minutes) / 60 / 60] }
	];
}

describe('goto', () => {
	it('arrives after distance / speed and is half-way at half time', () => {
		const course = planGoto(CHAGUARAMAS, 10, POINT_SALINES, 25);
		const nm = distanceNm(CHAGUARAMAS, POINT_SALINES);
		expect(course.at(-1)!.at).toBeCloseTo(10 + (nm / 25) * 60, 6);
		const mid = at(course, (10 + course.at(-1)!.at) / 2);
		expect(distanceNm(CHAGUARAMAS, mid.position)).toBeCloseTo(nm / 2, 1);
		expect(mid.speedKnots).toBeCloseTo(25, 3);
		expect(planGoto(CHAGUARAMAS, 3, CHAGUARAMAS, 25)).toEqual([{ at: 3, position: CHAGUARAMAS }]);
	});
});

describe('patrol', () => {
	it('loops through its points and ends exactly at the time given', () => {
		const box: LonLat[] = [
			[-61.7, 11.2],
			[-61.5, 11.2],
			[-61.5, 11.4]
		];
		const course = planPatrol([-61.6, 11.0], 0, box, 20, 240);
		expect(course.at(-1)!.at).toBe(240);
		// Visits the first point, then keeps cycling through all three.
		const visited = course.slice(1, 7).map((p) => p.position);
		expect(visited).toEqual([box[0], box[1], box[2], box[0], box[1], box[2]]);
		for (let i = 2; i < course.length; i++) {
			const leg = distanceNm(course[i - 1].position, course[i].position);
			expect(leg / ((course[i].at - course[i - 1].at) / 60)).toBeCloseTo(20, 3);
		}
	});
});

describe('intercept feasibility', () => {
	const goFast = northbound([-61.9, 11.0], 40, 120);
	const target = (min: number) => at(goFast, min).position;

	it('a 25-kn cutter 5 nm astern of a 40-kn go-fast cannot catch it, and says why', () => {
		const plan = planIntercept([-61.9, 11.0 - 5 / 60], 0, 25, target, 120);
		expect(plan.feasible).toBe(false);
		if (plan.feasible) return;
		expect(plan.reason).toContain('40 kn');
		expect(plan.reason).toContain('25 kn');
		expect(plan.reason).toContain('opening');
		expect(plan.closestNm).toBeCloseTo(5, 0);
		// The same, as data for the browser to word.
		expect(plan.why).toMatchObject({ kind: 'outrun', knots: 25, closestAtMin: plan.closestAtMin });
		if (plan.why.kind === 'outrun') expect(plan.why.targetKnots).toBeCloseTo(40, 0);
		expect(plan.why.closestNm).toBe(plan.closestNm);
	});

	it('the same cutter ahead of the go-fast, off its track, meets it', () => {
		const from: LonLat = [-61.75, 11.6];
		const plan = planIntercept(from, 0, 25, target, 120);
		expect(plan.feasible).toBe(true);
		if (!plan.feasible) return;
		const cutterThen = at(plan.course, plan.atMin).position;
		expect(distanceNm(cutterThen, target(plan.atMin))).toBeLessThanOrEqual(0.5);
		// It could not have done it a minute earlier.
		expect(distanceNm(from, target(plan.atMin - 1)) - (25 * (plan.atMin - 1)) / 60).toBeGreaterThan(0.5);
		expect(at(plan.course, plan.atMin / 2).speedKnots).toBeLessThanOrEqual(25.01);
	});

	it('a 40-kn interceptor astern of a 25-kn target catches it', () => {
		const slow = northbound([-61.9, 11.0], 25, 120);
		const plan = planIntercept([-61.9, 11.0 - 5 / 60], 0, 40, (m) => at(slow, m).position, 120);
		expect(plan.feasible).toBe(true);
		if (plan.feasible) expect(plan.atMin).toBeCloseTo(((5 - 0.5) / (40 - 25)) * 60, 0);
	});

	it('a stationary target is reached at distance / speed; one that gets away before the window closes is not', () => {
		const still = planIntercept(CHAGUARAMAS, 0, 30, () => POINT_SALINES, 600);
		expect(still.feasible && still.atMin).toBeCloseTo(((distanceNm(CHAGUARAMAS, POINT_SALINES) - 0.5) / 30) * 60, 1);
		const late = planIntercept(CHAGUARAMAS, 0, 30, () => POINT_SALINES, 60);
		expect(late.feasible).toBe(false);
		if (!late.feasible) {
			expect(late.reason).toMatch(/cannot reach it before/);
			expect(late.why).toMatchObject({ kind: 'out-of-reach', untilMin: 60, knots: 30 });
		}
	});
});

describe('endurance', () => {
	it('stops the asset where its endurance runs out; holding costs nothing', () => {
		const course: CoursePoint[] = [
			{ at: 0, position: [-61.6, 11.0] },
			{ at: 30, position: [-61.6, 11.25] },
			{ at: 60, position: [-61.6, 11.25] },
			{ at: 120, position: [-61.6, 11.75] }
		];
		expect(underwayMinutes(course, 0, 120)).toBe(90);
		expect(underwayMinutes(course, 20, 70)).toBe(20);
		const cut = truncateForEndurance(course, 45);
		expect(cut.exhaustedAtMin).toBe(75);
		expect(cut.course.at(-1)!.at).toBe(75);
		expect(cut.course.at(-1)!.position[1]).toBeCloseTo(11.25 + 0.5 * (15 / 60), 3);
		expect(truncateForEndurance(course, 90)).toEqual({ course, exhaustedAtMin: null });
	});
});
