/**
 * The Caribbean countries of Natural Earth, clipped to the region: shared by `npm run basemap` (the drawn land
 * layer, 1:50m by default) and `npm run zones` (the engine's whose-waters data, 1:10m so that every inhabited
 * island is land). Build-time only (reads world-atlas from node_modules).
 *
 * Steps: TopoJSON → GeoJSON (topojson-client), clip every polygon to the bounding box (@turf/bbox-clip), round
 * coordinates to 4 decimals (≈ 11 m, far below either generalisation), tidy the rings that rounding and clipping
 * leave behind, drop what is empty. Deterministic: the same input gives the same output.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { bboxClip } from '@turf/bbox-clip';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** [west, south, east, north]: Gulf of Mexico's eastern half to the Lesser Antilles, Guianas and the Bahamas. */
export const CARIBBEAN_BBOX: BBox = [-90, 5, -55, 28];
/** Decimal places kept in the output coordinates. */
const PRECISION = 4;

export type Scale = '50m' | '10m';
export type CountryProps = { name: string };
type Ring = Position[];
type PolygonCoords = Ring[];

const factor = 10 ** PRECISION;
const round = (v: number): number => Math.round(v * factor) / factor;

/**
 * Rounds a ring's coordinates, removes consecutive duplicates created by rounding or by the
 * clipper (it can emit the same corner twice), and makes sure the ring is closed.
 * Returns null when fewer than 3 distinct corners remain (not an area any more).
 */
function tidyRing(ring: Ring): Ring | null {
	const out: Ring = [];
	for (const [x, y] of ring) {
		const p = [round(x), round(y)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	// Close the ring (and avoid a doubled closing point).
	const first = out[0];
	const last = out[out.length - 1];
	if (out.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
	return out.length >= 4 ? out : null;
}

/**
 * Clips one polygon (outer ring + holes) to the box.
 * The outer ring is clipped on its own first: bbox-clip drops rings that fall outside
 * independently, so a polygon whose outer ring vanished could otherwise promote a hole to
 * the outer ring. Holes are kept only if their outer ring survived.
 */
function clipPolygon(rings: PolygonCoords, bbox: BBox): PolygonCoords | null {
	const outer = bboxClip({ type: 'Polygon', coordinates: [rings[0]] }, bbox).geometry as Polygon;
	const tidyOuter = outer.coordinates[0] ? tidyRing(outer.coordinates[0]) : null;
	if (!tidyOuter) return null;
	const holes: Ring[] = [];
	for (const hole of rings.slice(1)) {
		const clipped = bboxClip({ type: 'Polygon', coordinates: [hole] }, bbox).geometry as Polygon;
		const tidy = clipped.coordinates[0] ? tidyRing(clipped.coordinates[0]) : null;
		if (tidy) holes.push(tidy);
	}
	return [tidyOuter, ...holes];
}

/** The polygons of a Polygon or MultiPolygon, as a list of ring lists. */
export function polygonsOf(geometry: Polygon | MultiPolygon): PolygonCoords[] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Every country with land in the box, clipped to it, in Natural Earth's order. */
export async function caribbeanCountries(scale: Scale): Promise<Feature<Polygon | MultiPolygon, CountryProps>[]> {
	const require = createRequire(import.meta.url);
	const source = require.resolve(`world-atlas/countries-${scale}.json`);
	const topology = JSON.parse(await readFile(source, 'utf8')) as Topology<{
		countries: GeometryCollection<CountryProps>;
	}>;

	const countries = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon | null, CountryProps>;

	const features: Feature<Polygon | MultiPolygon, CountryProps>[] = [];
	for (const country of countries.features) {
		// A few Natural Earth entries have no geometry at this scale.
		if (!country.geometry) continue;
		const kept: PolygonCoords[] = [];
		for (const poly of polygonsOf(country.geometry)) {
			const clipped = clipPolygon(poly, CARIBBEAN_BBOX);
			if (clipped) kept.push(clipped);
		}
		if (kept.length === 0) continue;
		const name = country.properties?.name ?? 'Unknown';
		features.push({
			type: 'Feature',
			properties: { name },
			geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept }
		});
	}

	return features;
}
