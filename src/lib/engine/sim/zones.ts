/**
 * Whose waters a point is in (pure; data derived offline by `npm run zones`
 * from the bundled Natural Earth land layer). A point is on a state's land, in
 * its 12-nm territorial sea, or outside every territorial sea ("high-seas"
 * here: in the Caribbean that is mostly some state's EEZ, where boarding a
 * foreign vessel still needs the flag state's consent, as on the high seas).
 * Where two states' 12-nm belts overlap, the nearer coast wins (the
 * equidistance rule of UNCLOS art. 15 when no agreement says otherwise).
 * Not an official boundary: 1:50m coastline, no baselines.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { lineString, point as turfPoint, polygon as turfPolygon } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import coastlines from './data/coastlines.json';
import type { LonLat } from '../scenario/schema';

export type Waters = { kind: 'land'; state: string } | { kind: 'territorial-sea'; state: string; coastNm: number } | { kind: 'high-seas' };

export const TERRITORIAL_SEA_NM = 12;

interface StateShape {
	name: string;
	/** [west, south, east, north] of its land. */
	bbox: number[];
	polygons: number[][][][];
}

const STATES = (coastlines as { states: StateShape[] }).states.map((s) => ({
	...s,
	shapes: s.polygons.map((rings) => turfPolygon(rings)),
	coasts: s.polygons.flatMap((rings) => rings.map((ring) => lineString(ring)))
}));
/** 12 nm in degrees of latitude, with room for the longitude shrink at Caribbean latitudes (cos 28° ≈ 0.88). */
const MARGIN_DEG = TERRITORIAL_SEA_NM / 60 / 0.85;

const near = (s: StateShape, p: LonLat, margin: number) =>
	p[0] >= s.bbox[0] - margin && p[0] <= s.bbox[2] + margin && p[1] >= s.bbox[1] - margin && p[1] <= s.bbox[3] + margin;

function coastDistanceNm(state: (typeof STATES)[number], p: LonLat): number {
	const pt = turfPoint(p);
	let best = Infinity;
	for (const coast of state.coasts) best = Math.min(best, pointToLineDistance(pt, coast, { units: 'nauticalmiles' }));
	return best;
}

function landOf(p: LonLat): (typeof STATES)[number] | null {
	for (const s of STATES) if (near(s, p, 0) && s.shapes.some((shape) => booleanPointInPolygon(p, shape))) return s;
	return null;
}

export function whoseWaters(p: LonLat): Waters {
	const onLand = landOf(p);
	if (onLand) return { kind: 'land', state: onLand.name };
	let best: { state: string; nm: number } | null = null;
	for (const s of STATES) {
		if (!near(s, p, MARGIN_DEG)) continue;
		const nm = coastDistanceNm(s, p);
		if (nm <= TERRITORIAL_SEA_NM && (best === null || nm < best.nm)) best = { state: s.name, nm };
	}
	return best ? { kind: 'territorial-sea', state: best.state, coastNm: Math.round(best.nm * 10) / 10 } : { kind: 'high-seas' };
}

/** How far inside land a point is (nm to the coast), or null at sea. */
export function landDepthNm(p: LonLat): { state: string; depthNm: number } | null {
	const s = landOf(p);
	return s ? { state: s.name, depthNm: coastDistanceNm(s, p) } : null;
}

export function watersLabel(w: Waters): string {
	if (w.kind === 'land') return `on land (${w.state})`;
	if (w.kind === 'territorial-sea') return `${w.state} territorial sea`;
	return 'outside any territorial sea (12 nm)';
}
