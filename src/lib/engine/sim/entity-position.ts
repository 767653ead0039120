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

export function distanceNm(a: LonLat, b: LonLat): number {
	return turfDistance(a, b, NM);
}

/** Position, heading and speed of `entity` at exercise time `atMs`. */
export function entityFixAt(entity: Pick<Entity, 'track'>, atMs: number): EntityFix {
	const track = entity.track;
	const minutes = atMs / MINUTE;
	if (track.length === 1 || minutes <= track[0].at) return { position: track[0].position, headingDeg: null, speedKnots: 0 };
	for (let i = 1; i < track.length; i++) {
		const a = track[i - 1];
		const b = track[i];
		if (minutes > b.at) continue;
		const legNm = distanceNm(a.position, b.position);
		const legHours = (b.at - a.at) / 60;
		const fraction = (minutes - a.at) / (b.at - a.at);
		const heading = legNm > 0 ? (turfBearing(a.position, b.position) + 360) % 360 : null;
		const position = heading === null ? a.position : (turfDestination(a.position, legNm * fraction, heading, NM).geometry.coordinates as LonLat);
		return { position, headingDeg: heading, speedKnots: legHours > 0 ? legNm / legHours : 0 };
	}
	return { position: track[track.length - 1].position, headingDeg: null, speedKnots: 0 };
}
