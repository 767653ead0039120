/**
 * A map as a static plot (pure): a lon/lat box around what a moment shows, a projection into an SVG box
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
