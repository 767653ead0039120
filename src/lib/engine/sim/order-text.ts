/**
 * What an asset is doing, in words for its team (pure; safe for the browser: no geography data). An order a team
 * gave reads as that order; a leg the simulation put the asset on after an intercept (escorting a boat, or carrying
 * its rescued people, to port; stopped alongside a vessel; shadowing it from overhead) says so, naming the port.
 */
import { MINUTE } from '../exercise/clock';
import { own, type ExerciseState, type InterceptRecord } from '../exercise/state';
import { formatKnots, type CoursePoint } from './kinematics';
import { lastPoint } from './entity-position';
import { courseAt } from './movement';

type Picture = Pick<ExerciseState, 'courses' | 'intercepts' | 'entities' | 'alerts'>;

export function orderText(state: Picture, assetId: string, atMs: number): string {
	const course = courseAt(state, assetId, atMs);
	if (!course) return 'on its planned movements';
	const nameOf = (id: string) => own(state.entities, id)?.name ?? id;
	const o = course.order;
	if (o === null) {
		// The simulation's legs start where an intercept happened, when it happened (the course stores it in minutes: allow for rounding).
		const reached = state.intercepts.findLast((x) => x.entityId === assetId && Math.abs(x.at - course.startAt) < 1);
		return reached ? afterIntercept(state, reached, course.track, atMs) : 'on its planned movements';
	}
	// An asset out of endurance stops wherever it was (see `truncateForEndurance`): the order no longer runs.
	if (course.exhaustedAt !== null && course.exhaustedAt <= atMs) return 'stopped: out of endurance';
	if (o.type === 'goto') return `proceeding to ${o.point[1].toFixed(2)}°N ${Math.abs(o.point[0]).toFixed(2)}°W at ${formatKnots(course.speedKnots)}`;
	if (o.type === 'patrol') return `patrolling ${o.points.length} points at ${formatKnots(course.speedKnots)}`;
	if (o.type === 'intercept') return `intercepting ${nameOf(o.target)} at ${formatKnots(course.speedKnots)}`;
	return 'holding position';
}

/** The leg after an intercept: the simulation escorts a boat of displaced people on to its port (see `simulationEvents`). */
function afterIntercept(state: Picture, reached: InterceptRecord, track: CoursePoint[], atMs: number): string {
	const target = own(state.entities, reached.target);
	const name = target?.name ?? reached.target;
	if (reached.shadowing) return `shadowing ${name} from overhead`;
	if (target?.kind !== 'boat') return `stopped alongside ${name}`;
	const port = target.destination ? (own(state.entities, target.destination)?.name ?? target.destination) : null;
	if (port === null || track.length < 2) return `standing by ${name}`;
	if (lastPoint(track).at * MINUTE <= atMs) return `arrived at ${port} with ${name}`;
	// A boat in distress when reached has its people taken aboard; otherwise it is escorted under its own power.
	const distressAt = own(state.alerts, `distress/${target.id}`);
	if (distressAt === undefined || distressAt > reached.at) return `escorting ${name} to ${port}`;
	const people = target.people ? `${target.people.total} rescued people` : 'rescued people';
	return `carrying ${people} from ${name} to ${port}`;
}
