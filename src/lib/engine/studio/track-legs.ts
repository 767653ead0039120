/**
 * The legs of an entity's track as the studio's map editor draws them (pure): each leg's length, the minutes it
 * takes, the speed that implies, whether that is faster than the entity can go (a warning: a planner may mean a
 * sprint), and the land it crosses for a vessel or a boat (the same test as the scenario check's, so what the map
 * warns of is what the checker reports). Takes a draft's entity as it is: points without a usable minute or position
 * are left out, and a leg whose time does not increase has no speed (the checker says the times must increase).
 */
import turfDistance from '@turf/distance';
import { legOverLand, pointOnLand, sailsAtSea } from '../scenario/geography';
import type { LonLat } from '../scenario/schema';

export interface LegPoint {
	/** The point's index in the entity's track. */
	index: number;
	at: number;
	position: LonLat;
}

export interface TrackLeg {
	from: LegPoint;
	to: LegPoint;
	minutes: number;
	distanceNm: number;
	/** The speed the leg implies; null when its minutes do not increase. */
	knots: number | null;
	/** Faster than the entity's `speedKnots`, when it has one. */
	tooFast: boolean;
	/** The land the leg crosses (or one of its ends stands on, beyond the harbour tolerance), for a vessel or a boat. */
	crossesLand: { state: string } | null;
}

/** An entity as a draft holds it: any field may be missing or wrong. */
export interface DraftEntity {
	kind?: unknown;
	speedKnots?: unknown;
	track?: unknown;
}

const isLonLat = (p: unknown): p is LonLat =>
	Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x)) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

function usablePoints(track: unknown): LegPoint[] {
	if (!Array.isArray(track)) return [];
	const points: LegPoint[] = [];
	track.forEach((p: unknown, index) => {
		if (p === null || typeof p !== 'object') return;
		const { at, position } = p as { at?: unknown; position?: unknown };
		if (typeof at === 'number' && Number.isFinite(at) && isLonLat(position)) points.push({ index, at, position: [position[0], position[1]] });
	});
	return points;
}

export function trackLegs(entity: DraftEntity): TrackLeg[] {
	const points = usablePoints(entity.track);
	const atSea = typeof entity.kind === 'string' && sailsAtSea({ kind: entity.kind });
	const speed = typeof entity.speedKnots === 'number' && entity.speedKnots > 0 ? entity.speedKnots : null;
	const legs: TrackLeg[] = [];
	for (let k = 1; k < points.length; k++) {
		const from = points[k - 1]!;
		const to = points[k]!;
		const minutes = to.at - from.at;
		const distanceNm = turfDistance(from.position, to.position, { units: 'nauticalmiles' });
		const knots = minutes > 0 ? distanceNm / (minutes / 60) : null;
		const land = atSea ? (pointOnLand(from.position) ?? pointOnLand(to.position) ?? legOverLand(from.position, to.position)) : null;
		legs.push({
			from,
			to,
			minutes,
			distanceNm,
			knots,
			tooFast: speed !== null && knots !== null && knots > speed,
			crossesLand: land ? { state: land.state } : null
		});
	}
	return legs;
}
