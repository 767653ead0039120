/**
 * Kinematics of tasked assets (pure): an order becomes a course — points with
 * exercise times — starting where the asset is when the order is given.
 * Positions along a course come from `entityFixAt` (great circles, turf), so a
 * course and a scripted track move things the same way.
 */
import turfBearing from '@turf/bearing';
import turfDestination from '@turf/destination';
import { MINUTE } from '../exercise/clock';
import { formatHhmmFromMinutes } from '../exercise/time-format';
import { distanceNm, entityFixAt, legs } from './entity-position';
import type { LonLat } from '../scenario/schema';
import type { Waters } from './zones';

/** A point of a course: `at` in exercise minutes (may be fractional). */
export interface CoursePoint {
	at: number;
	position: LonLat;
}

export type Order =
	| { type: 'goto'; point: LonLat }
	/** Visits the points in order and loops back to the first. */
	| { type: 'patrol'; points: LonLat[] }
	| { type: 'intercept'; target: string }
	| { type: 'hold' };

const MAX_PATROL_POINTS = 2000;
/** Step of the intercept search, minutes; refined by bisection to about a second. */
const SEARCH_STEP_MIN = 0.25;

/** Straight great-circle run at `speedKn` from `from` (at minute `atMin`) to `to`. */
export function planGoto(from: LonLat, atMin: number, to: LonLat, speedKn: number): CoursePoint[] {
	const nm = distanceNm(from, to);
	if (nm < 1e-6 || speedKn <= 0) return [{ at: atMin, position: from }];
	return [
		{ at: atMin, position: from },
		{ at: atMin + (nm / speedKn) * 60, position: to }
	];
}

/** Goes to the first point, then loops through the points until `untilMin`, where the course ends exactly. */
export function planPatrol(from: LonLat, atMin: number, points: LonLat[], speedKn: number, untilMin: number): CoursePoint[] {
	const course: CoursePoint[] = [{ at: atMin, position: from }];
	if (points.length === 0 || speedKn <= 0) return course;
	let here = from;
	let t = atMin;
	for (let i = 0; course.length < MAX_PATROL_POINTS && t < untilMin; i++) {
		const next = points[i % points.length];
		if (next === undefined) break; // not reached: `points` is not empty
		const nm = distanceNm(here, next);
		if (nm < 1e-6) {
			if (points.length === 1) break;
			continue;
		}
		const arrive = t + (nm / speedKn) * 60;
		if (arrive >= untilMin) {
			// Stop where the patrol is when the time runs out.
			const fraction = (untilMin - t) / (arrive - t);
			const position = turfDestination(here, nm * fraction, turfBearing(here, next), { units: 'nauticalmiles' }).geometry.coordinates as LonLat;
			course.push({ at: untilMin, position });
			break;
		}
		course.push({ at: arrive, position: next });
		here = next;
		t = arrive;
	}
	return course;
}

/**
 * Why an intercept cannot be made, as data the browser words in the reader's language (`interceptWhyText` gives
 * the English for logs). Speeds in knots, distances in nautical miles, times in exercise minutes.
 */
export type InterceptWhy =
	/** The target is faster and drawing away. */
	| { kind: 'outrun'; targetKnots: number; knots: number; closestNm: number; closestAtMin: number }
	/** The target is out of reach (it lands, or the exercise ends) at `untilMin` before the asset can get there. */
	| { kind: 'out-of-reach'; untilMin: number; knots: number; closestNm: number; closestAtMin: number };

export type InterceptPlan =
	| { feasible: true; atMin: number; point: LonLat; course: CoursePoint[]; distanceNm: number }
	| { feasible: false; why: InterceptWhy; reason: string; closestNm: number; closestAtMin: number };

/**
 * The whole answer to an intercept order, as data: possible (when, how far, at what speed, in whose waters), beyond
 * the asset's endurance, or not at all (`InterceptWhy`). For an `intercept.assessed` event to carry beside its
 * English `reason`; the team's panel words it (`$lib/i18n/team-words`).
 */
export type InterceptAnswer =
	| { kind: 'possible'; atMin: number; distanceNm: number; knots: number; waters: Waters }
	| { kind: 'endurance'; neededMin: number; asset: string; leftMin: number }
	| InterceptWhy;

/** The English of an `InterceptWhy`, as stored in events' `reason` (server logs, older clients, the timeline). */
export function interceptWhyText(why: InterceptWhy): string {
	const closest = `${formatNm(why.closestNm)} at ${formatHhmmFromMinutes(why.closestAtMin)}`;
	return why.kind === 'outrun'
		? `cannot catch it: the target is making ${formatKnots(why.targetKnots)} and opening; your best is ${formatKnots(why.knots)}. Closest approach ${closest}.`
		: `cannot reach it before it is out of reach at ${formatHhmmFromMinutes(why.untilMin)}: at ${formatKnots(why.knots)} the closest you get is ${closest}.`;
}

/**
 * The earliest time T in [atMin, untilMin] at which an asset leaving `from` at
 * `atMin` at `speedKn` can be where the target is: the distance to the target's
 * position at T is no more than what the asset covers by then (+ `captureNm`).
 * `target(min)` is the target's position at an exercise minute, on any track.
 */
export function planIntercept(from: LonLat, atMin: number, speedKn: number, target: (min: number) => LonLat, untilMin: number, captureNm = 0.5): InterceptPlan {
	const gap = (t: number) => distanceNm(from, target(t)) - (speedKn * (t - atMin)) / 60 - captureNm;
	let previous = atMin;
	for (let t = atMin; ; t = Math.min(t + SEARCH_STEP_MIN, untilMin)) {
		if (gap(t) <= 0) {
			// Bisect between the last step that could not and this one that can.
			let lo = previous;
			let hi = t;
			while (hi - lo > 1 / 60) {
				const mid = (lo + hi) / 2;
				if (gap(mid) <= 0) hi = mid;
				else lo = mid;
			}
			// The asset runs at its speed towards where the target will be and ends within `captureNm` of it.
			const point = target(hi);
			const nm = distanceNm(from, point);
			const reach = Math.min(nm, (speedKn * (hi - atMin)) / 60);
			const end = nm < 1e-6 ? from : (turfDestination(from, reach, turfBearing(from, point), { units: 'nauticalmiles' }).geometry.coordinates as LonLat);
			return {
				feasible: true,
				atMin: hi,
				point,
				course: [
					{ at: atMin, position: from },
					{ at: hi, position: end }
				],
				distanceNm: nm
			};
		}
		previous = t;
		if (t >= untilMin) break;
	}
	// Why not: compare the target's speed (over the first minutes) with the asset's, and whether it draws away.
	const probe = Math.min(untilMin, atMin + 10);
	const targetKn = probe > atMin ? (distanceNm(target(atMin), target(probe)) / (probe - atMin)) * 60 : 0;
	const opening = probe > atMin && distanceNm(from, target(probe)) - distanceNm(from, target(atMin)) > (speedKn * (probe - atMin)) / 60;
	// Where the asset could have come closest: the least distance left after running at full speed.
	let best = { nm: Infinity, at: atMin };
	for (let t = atMin; t <= untilMin; t += SEARCH_STEP_MIN) {
		const left = Math.max(0, distanceNm(from, target(t)) - (speedKn * (t - atMin)) / 60);
		if (left < best.nm) best = { nm: left, at: t };
	}
	const why: InterceptWhy =
		targetKn > speedKn && opening
			? { kind: 'outrun', targetKnots: targetKn, knots: speedKn, closestNm: best.nm, closestAtMin: best.at }
			: { kind: 'out-of-reach', untilMin, knots: speedKn, closestNm: best.nm, closestAtMin: best.at };
	return { feasible: false, why, reason: interceptWhyText(why), closestNm: best.nm, closestAtMin: best.at };
}

/** Minutes under way (moving) on a course between two exercise minutes. */
export function underwayMinutes(course: CoursePoint[], fromMin: number, toMin: number): number {
	let total = 0;
	for (const [a, b] of legs(course)) {
		if (distanceNm(a.position, b.position) < 1e-6) continue;
		const start = Math.max(a.at, fromMin);
		const end = Math.min(b.at, toMin);
		if (end > start) total += end - start;
	}
	return total;
}

/** Cuts a course where the asset has been under way for `enduranceMin`: it stops at the point reached. */
export function truncateForEndurance(course: CoursePoint[], enduranceMin: number): { course: CoursePoint[]; exhaustedAtMin: number | null } {
	let left = enduranceMin;
	for (const [i, [a, b]] of legs(course).entries()) {
		const moving = distanceNm(a.position, b.position) >= 1e-6;
		const leg = b.at - a.at;
		if (!moving || leg <= left) {
			if (moving) left -= leg;
			continue;
		}
		const at = a.at + left;
		const position = entityFixAt({ track: course }, at * MINUTE).position;
		return { course: [...course.slice(0, i + 1), { at, position }], exhaustedAtMin: at };
	}
	return { course, exhaustedAtMin: null };
}

/** English speeds and distances for server logs and refusals' English text (the browser uses `$lib/i18n/format`). */
export const formatKnots = (kn: number) => `${Math.round(kn)} kn`;
export const formatNm = (nm: number) => `${nm < 10 ? nm.toFixed(1) : Math.round(nm)} nm`;
