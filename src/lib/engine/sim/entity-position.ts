/**
 * Where an entity is at a given exercise time: interpolated along its scripted
 * track on the great circle between waypoints (turf), with heading and speed.
 * Positions are computed, never stored per tick.
 */
import turfBearing from '@turf/bearing';
import turfDestination from '@turf/destination';
import turfDistance from '@turf/distance';
import { MINUTE } from '../exercise/clock';
import type { Entity, LonLat } from '../scenario/schema';

export interface EntityFix {
	position: LonLat;
	/** Degrees true, null when stationary. */
	headingDeg: number | null;
	speedKnots: number;
}

const NM = { units: 'nauticalmiles' } as const;

/** A track's first point: the schema requires at least one (`.min(1)`), and the planners never make an empty track. */
export function firstPoint<P>(track: readonly P[]): P {
	const first = track.at(0);
	if (first === undefined) throw new Error('internal error: empty track');
	return first;
}

/** A track's last point (see `firstPoint`: a track is never empty). */
export function lastPoint<P>(track: readonly P[]): P {
	const last = track.at(-1);
	if (last === undefined) throw new Error('internal error: empty track');
	return last;
}

/** Each pair of consecutive points: the legs of a track. */
export function legs<P extends object>(track: readonly P[]): [from: P, to: P][] {
	const out: [from: P, to: P][] = [];
	let from: P | undefined;
	for (const to of track) {
		if (from) out.push([from, to]);
		from = to;
	}
	return out;
}

export function distanceNm(a: LonLat, b: LonLat): number {
	return turfDistance(a, b, NM);
}

/** Position, heading and speed of `entity` at exercise time `atMs`. */
export function entityFixAt(entity: Pick<Entity, 'track'>, atMs: number): EntityFix {
	const track = entity.track;
	const minutes = atMs / MINUTE;
	const first = firstPoint(track);
	if (track.length === 1 || minutes <= first.at) return { position: first.position, headingDeg: null, speedKnots: 0 };
	let a = first;
	for (const b of track.slice(1)) {
		if (minutes > b.at) {
			a = b;
			continue;
		}
		const legNm = distanceNm(a.position, b.position);
		const legHours = (b.at - a.at) / 60;
		const fraction = (minutes - a.at) / (b.at - a.at);
		const heading = legNm > 0 ? (turfBearing(a.position, b.position) + 360) % 360 : null;
		const position = heading === null ? a.position : (turfDestination(a.position, legNm * fraction, heading, NM).geometry.coordinates as LonLat);
		return { position, headingDeg: heading, speedKnots: legHours > 0 ? legNm / legHours : 0 };
	}
	return { position: lastPoint(track).position, headingDeg: null, speedKnots: 0 };
}
