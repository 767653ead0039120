/**
 * What an asset is doing, as data for its team's panel to word (pure; safe for the browser: no geography data).
 * An order a team gave reads as that order; a leg the simulation put the asset on after an intercept (escorting a
 * boat, or carrying its rescued people, to port; stopped alongside a vessel; shadowing it from overhead) says so,
 * naming the port. Names are the entities' own (scenario text); speeds in knots.
 */
import { MINUTE } from '../exercise/clock';
import { own, type ExerciseState, type InterceptRecord } from '../exercise/state';
import type { CoursePoint } from './kinematics';
import { lastPoint } from './entity-position';
import { courseAt } from './movement';
import type { LonLat } from '../scenario/schema';

type Picture = Pick<ExerciseState, 'courses' | 'intercepts' | 'entities' | 'alerts'>;

export type AssetOrder =
	/** No order of the team's: the asset follows its scripted track. */
	| { kind: 'planned' }
	/** Out of endurance: stopped where it was. */
	| { kind: 'exhausted' }
	| { kind: 'goto'; point: LonLat; knots: number }
	| { kind: 'patrol'; points: number; knots: number }
	| { kind: 'intercept'; target: string; knots: number }
	| { kind: 'hold' }
	| { kind: 'shadowing'; target: string }
	| { kind: 'alongside'; target: string }
	| { kind: 'standing-by'; target: string }
	| { kind: 'arrived'; target: string; port: string }
	| { kind: 'escorting'; target: string; port: string }
	/** Rescued people aboard (`people` null when the scenario does not count them). */
	| { kind: 'carrying'; people: number | null; target: string; port: string };

export function assetOrder(state: Picture, assetId: string, atMs: number): AssetOrder {
	const course = courseAt(state, assetId, atMs);
	if (!course) return { kind: 'planned' };
	const nameOf = (id: string) => own(state.entities, id)?.name ?? id;
	const o = course.order;
	if (o === null) {
		// The simulation's legs start where an intercept happened, when it happened (the course stores it in minutes: allow for rounding).
		const reached = state.intercepts.findLast((x) => x.entityId === assetId && Math.abs(x.at - course.startAt) < 1);
		return reached ? afterIntercept(state, reached, course.track, atMs) : { kind: 'planned' };
	}
	// An asset out of endurance stops wherever it was (see `truncateForEndurance`): the order no longer runs.
	if (course.exhaustedAt !== null && course.exhaustedAt <= atMs) return { kind: 'exhausted' };
	if (o.type === 'goto') return { kind: 'goto', point: o.point, knots: course.speedKnots };
	if (o.type === 'patrol') return { kind: 'patrol', points: o.points.length, knots: course.speedKnots };
	if (o.type === 'intercept') return { kind: 'intercept', target: nameOf(o.target), knots: course.speedKnots };
	return { kind: 'hold' };
}

/** The leg after an intercept: the simulation escorts a boat of displaced people on to its port (see `simulationEvents`). */
function afterIntercept(state: Picture, reached: InterceptRecord, track: CoursePoint[], atMs: number): AssetOrder {
	const target = own(state.entities, reached.target);
	const name = target?.name ?? reached.target;
	if (reached.shadowing) return { kind: 'shadowing', target: name };
	if (target?.kind !== 'boat') return { kind: 'alongside', target: name };
	const port = target.destination ? (own(state.entities, target.destination)?.name ?? target.destination) : null;
	if (port === null || track.length < 2) return { kind: 'standing-by', target: name };
	if (lastPoint(track).at * MINUTE <= atMs) return { kind: 'arrived', target: name, port };
	// A boat in distress when reached has its people taken aboard; otherwise it is escorted under its own power.
	const distressAt = own(state.alerts, `distress/${target.id}`);
	if (distressAt === undefined || distressAt > reached.at) return { kind: 'escorting', target: name, port };
	return { kind: 'carrying', people: target.people ? target.people.total : null, target: name, port };
}
