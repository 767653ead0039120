/**
 * Track points and area corners as the map editor adds and moves them (pure). A new track point gets a minute that
 * keeps the entity within its speed (or half an hour on, when it has none), so the times keep increasing; a point
 * inserted after another goes halfway to the next one, in space and in time. Positions are rounded to 1/10 000 of a
 * degree (about 11 m), which is what a click on the map can mean.
 */
import turfDestination from '@turf/destination';
import turfDistance from '@turf/distance';
import turfBearing from '@turf/bearing';

export type LonLat = [number, number];
export interface TrackPoint {
	at: number;
	position: LonLat;
}

const NM = { units: 'nauticalmiles' } as const;
/** Minutes after the last point when the entity has no speed to keep. */
export const DEFAULT_STEP_MINUTES = 30;
/** How far a point added after the last one goes when there is no leg to follow (nm). */
const DEFAULT_STEP_NM = 10;

export const roundCoordinate = (v: number): number => Math.round(v * 1e4) / 1e4;
export const roundPosition = ([lon, lat]: readonly [number, number]): LonLat => [roundCoordinate(lon), roundCoordinate(lat)];
/** Minutes are kept to a tenth, as the bundled scenarios write them. */
const roundMinute = (v: number): number => Math.round(v * 10) / 10;

const isLonLat = (p: unknown): p is LonLat => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The usable points of a draft's track (a point with a missing minute or position is left out). */
export function usableTrack(track: unknown): (TrackPoint & { index: number })[] {
	if (!Array.isArray(track)) return [];
	return track.flatMap((p: unknown, index) => {
		if (p === null || typeof p !== 'object') return [];
		const { at, position } = p as { at?: unknown; position?: unknown };
		return typeof at === 'number' && Number.isFinite(at) && isLonLat(position) ? [{ at, position, index }] : [];
	});
}

/** The minute of a point that follows `last` to `position`: at `speedKnots` (whole minutes, never sooner), else 30 minutes on. */
export function minuteAfter(last: TrackPoint | undefined, position: LonLat, speedKnots: unknown): number {
	if (!last) return 0;
	const speed = typeof speedKnots === 'number' && speedKnots > 0 ? speedKnots : null;
	if (speed === null) return roundMinute(last.at + DEFAULT_STEP_MINUTES);
	const minutes = (turfDistance(last.position, position, NM) / speed) * 60;
	return roundMinute(last.at + Math.max(1, Math.ceil(minutes)));
}

/** The point a click at `position` appends to `track` (the last usable point's minute carried on at the entity's speed). */
export function appendedPoint(track: unknown, position: LonLat, speedKnots: unknown): TrackPoint {
	const points = usableTrack(track);
	const at = roundPosition(position);
	return { at: minuteAfter(points[points.length - 1], at, speedKnots), position: at };
}

/**
 * The point "insert after" puts after point `index`: halfway to the next point (in space and time), or, after the
 * last, one more leg as long and in the same direction as the one before (10 nm east when there is none).
 */
export function pointAfter(track: unknown, index: number, speedKnots: unknown): TrackPoint | null {
	const list = Array.isArray(track) ? track : [];
	const points = usableTrack(list);
	const here = points.find((p) => p.index === index);
	if (!here) return null;
	const next = points.find((p) => p.index > index);
	if (next) {
		const bearing = turfBearing(here.position, next.position);
		const half = turfDistance(here.position, next.position, NM) / 2;
		const middle = roundPosition(turfDestination(here.position, half, bearing, NM).geometry.coordinates as LonLat);
		return { at: roundMinute((here.at + next.at) / 2), position: middle };
	}
	const before = [...points].reverse().find((p) => p.index < index);
	const distance = before ? turfDistance(before.position, here.position, NM) : 0;
	const step = distance > 0 ? distance : DEFAULT_STEP_NM;
	const bearing = before && distance > 0 ? turfBearing(before.position, here.position) : 90;
	const position = roundPosition(turfDestination(here.position, step, bearing, NM).geometry.coordinates as LonLat);
	return { at: minuteAfter(here, position, speedKnots), position };
}

/** Arrow-key steps: a small step moves about 0.6 nm, a large one (with Shift) about 6 nm. */
export const NUDGE_DEGREES = { small: 0.01, large: 0.1 } as const;

/** `position` moved by whole steps east (`east` > 0) and north (`north` > 0). */
export function nudged(position: LonLat, east: number, north: number, step: number = NUDGE_DEGREES.small): LonLat {
	return roundPosition([Math.max(-180, Math.min(180, position[0] + east * step)), Math.max(-90, Math.min(90, position[1] + north * step))]);
}

/** The radius (nm, to a tenth, at least 0.1) of a circle from `center` out to `edge`. */
export function radiusTo(center: LonLat, edge: LonLat): number {
	return Math.max(0.1, Math.round(turfDistance(center, edge, NM) * 10) / 10);
}

/** The point on a circle's edge due east of its centre (where the editor draws its radius handle). */
export function radiusHandle(center: LonLat, radiusNm: number): LonLat {
	return turfDestination(center, radiusNm, 90, NM).geometry.coordinates as LonLat;
}

/** A small triangle of sea around `center` (an area added from the keyboard, to be shaped by its corner fields). */
export function starterPolygon(center: LonLat, sizeNm = 10): LonLat[] {
	return [0, 120, 240].map((bearing) => roundPosition(turfDestination(center, sizeNm, bearing, NM).geometry.coordinates as LonLat));
}

/** The corner "insert after" puts after corner `index` of a polygon: halfway to the next one (the first after the last). */
export function cornerAfter(polygon: unknown, index: number): LonLat | null {
	const corners = Array.isArray(polygon) ? polygon : [];
	const here = corners[index];
	const next = corners[(index + 1) % corners.length];
	if (!isLonLat(here) || !isLonLat(next)) return null;
	return roundPosition([(here[0] + next[0]) / 2, (here[1] + next[1]) / 2]);
}
