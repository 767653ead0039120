/**
 * A map as a static plot (pure): a lon/lat box around what matters at a moment (`snapshotBox`), a projection into an SVG box
 * (equirectangular, east–west shrunk by the cosine of the middle latitude, so islands keep their shape at
 * Caribbean latitudes), and land outlines as SVG path data. Used for the AAR's maps at key moments: vector,
 * identical on screen, in print and in the Word export, with no WebGL.
 */
export type LonLat = readonly [number, number];
/** [west, south, east, north]. */
export type Box = [number, number, number, number];

/** The box around `points`, padded by `pad` of its size and at least `minSpan` degrees each way. */
export function boxAround(points: readonly LonLat[], pad = 0.15, minSpan = 0.8): Box {
	if (points.length === 0) return [-62, 10, -60, 12];
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lon, lat] of points) {
		w = Math.min(w, lon);
		e = Math.max(e, lon);
		s = Math.min(s, lat);
		n = Math.max(n, lat);
	}
	const grow = (lo: number, hi: number): [number, number] => {
		const span = Math.max(minSpan, (hi - lo) * (1 + 2 * pad));
		const mid = (lo + hi) / 2;
		return [mid - span / 2, mid + span / 2];
	};
	const [w2, e2] = grow(w, e);
	const [s2, n2] = grow(s, n);
	return [w2, s2, e2, n2];
}

/** What a snapshot frames: the map picture's entities (storm, boats, vessels, aircraft, ports, shelters). */
export interface FramedEntity {
	id: string;
	kind: string;
	category: string;
	position: LonLat;
	speedKnots: number;
	occupancy?: number;
}

/** Around the moment's craft, what lies this far (degrees of latitude, about 60 nm) is in the picture. */
export const NEIGHBOURHOOD_DEG = 1;
/** The smallest span of a snapshot (degrees): an island and its approaches, so nothing is drawn at street scale. */
export const MIN_SPAN_DEG = 0.7;
/** A storm counts only when its centre is this close (degrees) to what matters; otherwise it is drawn cut at the frame. */
export const STORM_NEAR_DEG = 1.5;

const isFacility = (e: FramedEntity) => e.kind === 'port' || e.kind === 'shelter';
const isStorm = (e: FramedEntity) => e.kind === 'storm';
/** Degrees apart, east–west shrunk by the cosine of the latitude (good enough at these distances). */
export function degreesApart([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
	const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
	return Math.hypot((lon1 - lon2) * k, lat1 - lat2);
}

/**
 * The frame of a key moment's map, on what matters rather than on everything the exercise ever drew:
 * - about a craft (`focus`): that craft, the people-carrying boats, vessels and aircraft near it, the ports and
 *   shelters near it, and its own recent trail;
 * - the end of play (no focus): every boat, vessel and aircraft, and the ports and shelters holding people
 *   (all of them when nothing moves).
 * A storm widens the frame only when it is near those; elsewhere its rings are cut at the frame's edge. At least
 * `MIN_SPAN_DEG` each way, padded so markers do not sit on the edge.
 */
export function snapshotBox(
	picture: { entities: readonly FramedEntity[]; trails: readonly { id: string; coordinates: readonly LonLat[] }[] },
	focus: string | null = null
): Box {
	const things = picture.entities.filter((e) => !isStorm(e));
	const centre = things.find((e) => e.id === focus) ?? null;
	const trailOf = (id: string) => picture.trails.find((t) => t.id === id)?.coordinates ?? [];
	let core: LonLat[];
	if (centre) {
		const near = (p: LonLat) => degreesApart(p, centre.position) <= NEIGHBOURHOOD_DEG;
		core = [...things.filter((e) => near(e.position)).map((e) => e.position), ...trailOf(centre.id).slice(-12).filter(near)];
	} else {
		const craft = things.filter((e) => !isFacility(e));
		const holding = things.filter((e) => isFacility(e) && (e.occupancy ?? 0) > 0);
		core = craft.length ? [...craft, ...holding].map((e) => e.position) : things.map((e) => e.position);
		for (const c of craft) core.push(...trailOf(c.id).slice(-6));
	}
	const storms = picture.entities.filter(isStorm).map((e) => e.position);
	const nearStorms = storms.filter((s) => core.some((p) => degreesApart(p, s) <= STORM_NEAR_DEG));
	return boxAround([...core, ...nearStorms], 0.15, MIN_SPAN_DEG);
}

/** Whether `p` lies inside `box`, grown by `margin` degrees. */
export const inBox = ([lon, lat]: LonLat, [w, s, e, n]: Box, margin = 0) => lon >= w - margin && lon <= e + margin && lat >= s - margin && lat <= n + margin;

/** The storms whose track a snapshot draws: those whose centre is near the frame. A storm far off leaves no line across it. */
export function stormsNear(entities: readonly FramedEntity[], box: Box): Set<string> {
	return new Set(entities.filter((e) => isStorm(e) && inBox(e.position, box, STORM_NEAR_DEG)).map((e) => e.id));
}

export interface Plot {
	width: number;
	height: number;
	project: (p: LonLat) => [number, number];
}

/** Projects `box` into a plot `width` wide, as tall as the box's shape needs (held between 0.45 and 1.1 of the width). */
export function plotFor(box: Box, width: number): Plot {
	const [w, s, e, n] = box;
	const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
	const spanX = (e - w) * k;
	const spanY = n - s;
	const height = Math.round(Math.min(1.1, Math.max(0.45, spanY / spanX)) * width);
	// One scale for both axes; the box is centred in the plot along the axis it does not fill.
	const scale = Math.min(width / spanX, height / spanY);
	const ox = (width - spanX * scale) / 2;
	const oy = (height - spanY * scale) / 2;
	return {
		width,
		height,
		project: ([lon, lat]) => [Math.round((ox + (lon - w) * k * scale) * 10) / 10, Math.round((oy + (n - lat) * scale) * 10) / 10]
	};
}

type Ring = readonly LonLat[];

/** Rings overlapping `box`, as one SVG path (rings outside it are left out). */
export function ringsPath(rings: readonly Ring[], box: Box, project: Plot['project']): string {
	const [w, s, e, n] = box;
	return rings
		.filter((r) => r.some(([lon, lat]) => lon >= w - 1 && lon <= e + 1 && lat >= s - 1 && lat <= n + 1))
		.map((r) => `M${r.map((p) => project(p).join(',')).join('L')}Z`)
		.join('');
}

/** Every outer and inner ring of GeoJSON Polygon and MultiPolygon features. */
export function ringsOf(features: readonly { geometry: { type: string; coordinates: unknown } }[]): Ring[] {
	return features.flatMap((f) =>
		f.geometry.type === 'Polygon' ? (f.geometry.coordinates as Ring[]) : f.geometry.type === 'MultiPolygon' ? (f.geometry.coordinates as Ring[][]).flat() : []
	);
}
