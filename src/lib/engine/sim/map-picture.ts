/**
 * The map picture at an exercise time (pure): every visible entity's position,
 * heading, speed and trail; the viewer's own assets' planned courses; storm
 * wind fields and trigger areas as rings; ports and shelters with their load.
 */
import turfDestination from '@turf/destination';
import { MINUTE } from '../exercise/clock';
import type { DisplacementPicture } from './displacement';
import { own, type ExerciseState } from '../exercise/state';
import { courseAt, fixAt, trailOf } from './movement';
import type { LonLat } from '../scenario/schema';
import { isTaskable } from '../scenario/kinds';

/** One entity as the map draws it. */
export interface MapEntity {
	id: string;
	name: string;
	kind: string;
	category: string;
	position: [number, number];
	headingDeg: number | null;
	speedKnots: number;
	team?: string;
	own?: boolean;
	/** The viewer's team can task it. */
	taskable?: boolean;
	/** A short status under the name: a facility's load, an asset's order, when a lost contact was last held (worded in the browser). */
	status?: EntityStatus;
	/** A port's or shelter's places and the people in it now (the map sums them over a cluster). */
	capacity?: number;
	occupancy?: number;
	/** A contact whose track the viewer no longer holds: drawn faded at its last known position. */
	lost?: boolean;
}

/** What the map says under an entity's name, as data: the browser words it in the reader's language. */
export type EntityStatus =
	| { kind: 'facility'; facility: 'port' | 'shelter'; open: boolean; occupancy: number; capacity: number }
	| { kind: 'order'; order: 'goto' | 'patrol' | 'intercept' | 'hold' }
	/** `at`: the exercise time (ms) the contact was last held. */
	| { kind: 'lost'; at: number };

export interface MapRing {
	id: string;
	kind: 'hurricane' | 'tropical-storm' | 'area';
	ring: [number, number][];
}

export interface MapPicture {
	entities: MapEntity[];
	trails: { id: string; coordinates: [number, number][] }[];
	/** Where the viewer's own assets are heading from now. */
	plans: { id: string; coordinates: [number, number][] }[];
	rings: MapRing[];
}

/** A circle of `radiusNm` around `center` as a closed ring (geodesic, 48 sides). */
export function circleRing(center: LonLat, radiusNm: number, sides = 48): [number, number][] {
	const ring: [number, number][] = [];
	for (let i = 0; i <= sides; i++)
		ring.push(turfDestination(center, radiusNm, (360 * i) / sides, { units: 'nauticalmiles' }).geometry.coordinates as [number, number]);
	return ring;
}

/**
 * `everything`: draw every entity of the scenario, hidden ones included (exercise control and evaluators);
 * otherwise only those the viewer's state holds (public, revealed to it, or detected by its sensors).
 */
export function mapPictureAt(state: ExerciseState, atMs: number, ownTeam?: string, displacement?: DisplacementPicture | null, everything = false): MapPicture {
	const entities: MapEntity[] = [];
	const trails: MapPicture['trails'] = [];
	const plans: MapPicture['plans'] = [];
	const rings: MapRing[] = [];
	const load = new Map(displacement?.facilities.map((f) => [f.id, f]));
	for (const entity of everything && state.scenario ? state.scenario.entities : Object.values(state.entities)) {
		// A contact the viewer's sensors lost stays where and as it was last held.
		const lost = ownTeam !== undefined ? own(state.lostContacts, `${ownTeam}/${entity.id}`) : undefined;
		const heldAt = lost ? lost.at : atMs;
		const fix = fixAt(state, entity, heldAt);
		const mine = ownTeam !== undefined && entity.team === ownTeam;
		const course = courseAt(state, entity.id, atMs);
		const f = load.get(entity.id);
		const status: EntityStatus | undefined = f
			? { kind: 'facility', facility: f.kind === 'port' ? 'port' : 'shelter', open: f.open, occupancy: f.occupancy, capacity: f.capacity }
			: course?.order && mine
				? { kind: 'order', order: course.order.type }
				: lost
					? { kind: 'lost', at: lost.at }
					: undefined;
		entities.push({
			id: entity.id,
			name: entity.name,
			kind: entity.kind,
			category: entity.category,
			position: lost ? lost.position : fix.position,
			headingDeg: lost ? null : fix.headingDeg,
			speedKnots: lost ? 0 : fix.speedKnots,
			team: entity.team,
			own: mine,
			taskable: mine && isTaskable(entity),
			status,
			...(f ? { capacity: f.capacity, occupancy: f.occupancy } : {}),
			...(lost ? { lost: true } : {})
		});
		const trail = trailOf(state, entity, heldAt);
		if (trail.length > 1) trails.push({ id: entity.id, coordinates: trail });
		if (mine && course && course.track.length > 1) {
			const ahead = course.track.filter((p) => p.at * MINUTE > atMs).map((p) => p.position);
			if (ahead.length > 0) plans.push({ id: entity.id, coordinates: [fix.position, ...ahead] });
		}
		if (entity.kind === 'storm' && entity.windRadiiNm) {
			if (entity.windRadiiNm.tropicalStorm > 0)
				rings.push({ id: `${entity.id}-ts`, kind: 'tropical-storm', ring: circleRing(fix.position, entity.windRadiiNm.tropicalStorm) });
			if (entity.windRadiiNm.hurricane > 0)
				rings.push({ id: `${entity.id}-h`, kind: 'hurricane', ring: circleRing(fix.position, entity.windRadiiNm.hurricane) });
		}
	}
	return { entities, trails, plans, rings };
}
