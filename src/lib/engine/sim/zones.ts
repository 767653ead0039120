/**
 * Whose waters a point is in (pure; data derived offline by `npm run zones`
 * from Natural Earth's 1:10m countries, detailed enough that every inhabited
 * island of the region is land). A point is on a state's land, in
 * its 12-nm territorial sea, or outside every territorial sea ("high-seas"
 * here: in the Caribbean that is mostly some state's EEZ, where boarding a
 * foreign vessel still needs the flag state's consent, as on the high seas).
 * Where two states' 12-nm belts overlap, the nearer coast wins (the
 * equidistance rule of UNCLOS art. 15 when no agreement says otherwise).
 * Not an official boundary: 1:10m coastline, no baselines.
 * The data is some 400 kB: only server code (the simulation, the scenario
 * check) imports this module; the browser gets its answers in events.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { degreesToRadians, polygon as turfPolygon, radiansToLength } from '@turf/helpers';
import coastlines from './data/coastlines.json';
import type { LonLat } from '../scenario/schema';

export type Waters = { kind: 'land'; state: string } | { kind: 'territorial-sea'; state: string; coastNm: number } | { kind: 'high-seas' };

export const TERRITORIAL_SEA_NM = 12;

/** [west, south, east, north]. */
type Box = [west: number, south: number, east: number, north: number];
type Ring = LonLat[];
/** GeoJSON polygon rings: the outer ring, then any holes. */
type Polygon = [outer: Ring, ...holes: Ring[]];

interface StateShape {
	name: string;
	/** [west, south, east, north] of its land. */
	bbox: Box;
	polygons: Polygon[];
}

const bboxOf = (ring: Ring): Box => [
	Math.min(...ring.map((q) => q[0])),
	Math.min(...ring.map((q) => q[1])),
	Math.max(...ring.map((q) => q[0])),
	Math.max(...ring.map((q) => q[1]))
];

/** Each state's land polygons and coast rings, with their boxes: a point is tested only against shapes whose box is near it. */
// A JSON import types its arrays as number[][], not as points and rings: the file is written in this shape by `npm run zones`.
const STATES = (coastlines as unknown as { states: StateShape[] }).states.map((s) => ({
	name: s.name,
	bbox: s.bbox,
	lands: s.polygons.map((rings) => ({ bbox: bboxOf(rings[0]), shape: turfPolygon(rings) })),
	coasts: s.polygons.flatMap((rings) => rings.map((ring) => ({ bbox: bboxOf(ring), ring })))
}));
type State = (typeof STATES)[number];
type Coast = State['coasts'][number];

/** 12 nm in degrees of latitude, with room for the longitude shrink at Caribbean latitudes (cos 28° ≈ 0.88). */
const MARGIN_DEG = TERRITORIAL_SEA_NM / 60 / 0.85;
const NM_PER_DEG = radiansToLength(degreesToRadians(1), 'nauticalmiles');

const near = (bbox: Box, p: LonLat, margin: number) =>
	p[0] >= bbox[0] - margin && p[0] <= bbox[2] + margin && p[1] >= bbox[1] - margin && p[1] <= bbox[3] + margin;

/**
 * Distances are measured in the plane tangent at the point (nm east and north of it): at the few dozen
 * nautical miles that matter here this is within a fraction of a percent of the geodesic distance, and
 * it lets a box bound the distance to everything inside it, so far rings are skipped without a look.
 */
function planeAt(p: LonLat) {
	const east = NM_PER_DEG * Math.cos(degreesToRadians(p[1]));
	return {
		/** Nm from the point to the nearest edge of a [west, south, east, north] box (0 inside it): no coast inside is nearer. */
		boxGapNm: (b: Box) => Math.hypot(Math.max(0, b[0] - p[0], p[0] - b[2]) * east, Math.max(0, b[1] - p[1], p[1] - b[3]) * NM_PER_DEG),
		/** Nm from the point to the nearest segment of a ring. */
		ringNm(ring: Ring): number {
			let best = Infinity;
			// The previous point, in nm from `p` (none yet before the first): plain numbers, as this loop is hot.
			let ax = NaN;
			let ay = NaN;
			for (const q of ring) {
				const bx = (q[0] - p[0]) * east;
				const by = (q[1] - p[1]) * NM_PER_DEG;
				if (!Number.isNaN(ax)) {
					const dx = bx - ax;
					const dy = by - ay;
					const len2 = dx * dx + dy * dy;
					const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
					best = Math.min(best, (ax + t * dx) ** 2 + (ay + t * dy) ** 2);
				}
				ax = bx;
				ay = by;
			}
			return Math.sqrt(best);
		}
	};
}

/** The nearest of these coasts to `p`, if one is within `limitNm`; nearest boxes first, so most rings are never measured. */
function nearestCoast(p: LonLat, coasts: { state: string; coast: Coast }[], limitNm: number): { state: string; nm: number } | null {
	const plane = planeAt(p);
	const candidates = coasts.map((c) => ({ ...c, gap: plane.boxGapNm(c.coast.bbox) })).filter((c) => c.gap <= limitNm);
	candidates.sort((a, b) => a.gap - b.gap);
	let best: { state: string; nm: number } | null = null;
	for (const c of candidates) {
		if (best !== null && c.gap >= best.nm) break;
		const nm = plane.ringNm(c.coast.ring);
		if (nm <= limitNm && (best === null || nm < best.nm)) best = { state: c.state, nm };
	}
	return best;
}

function landOf(p: LonLat): State | null {
	for (const s of STATES) if (near(s.bbox, p, 0) && s.lands.some((l) => near(l.bbox, p, 0) && booleanPointInPolygon(p, l.shape))) return s;
	return null;
}

export function whoseWaters(p: LonLat): Waters {
	const onLand = landOf(p);
	if (onLand) return { kind: 'land', state: onLand.name };
	const coasts = STATES.filter((s) => near(s.bbox, p, MARGIN_DEG)).flatMap((s) => s.coasts.map((coast) => ({ state: s.name, coast })));
	const best = nearestCoast(p, coasts, TERRITORIAL_SEA_NM);
	return best ? { kind: 'territorial-sea', state: best.state, coastNm: Math.round(best.nm * 10) / 10 } : { kind: 'high-seas' };
}

/** How far inside land a point is (nm to the coast), or null at sea. */
export function landDepthNm(p: LonLat): { state: string; depthNm: number } | null {
	const s = landOf(p);
	if (!s) return null;
	const coast = nearestCoast(
		p,
		s.coasts.map((c) => ({ state: s.name, coast: c })),
		Infinity
	);
	return { state: s.name, depthNm: coast!.nm };
}

export function watersLabel(w: Waters): string {
	if (w.kind === 'land') return `on land (${w.state})`;
	if (w.kind === 'territorial-sea') return `${w.state} territorial sea`;
	return 'outside any territorial sea (12 nm)';
}
