/**
 * npm run basemap [-- --scale=10m] — builds the offline Caribbean land layer used by the exercise map.
 *
 * Input:  world-atlas/countries-50m.json (Natural Earth 1:50m admin-0 countries, TopoJSON);
 *         `--scale=10m` uses the 1:10m file instead (more islets, ~6x the vertices, ~380 kB).
 * Output: static/basemap/caribbean-countries.geojson (a GeoJSON FeatureCollection with one
 *         feature per country that has land inside the Caribbean box, property `name`).
 *
 * Steps: TopoJSON → GeoJSON (topojson-client), clip every polygon to the bounding box
 * (@turf/bbox-clip), round coordinates to 4 decimals (≈ 11 m, far below the 1:50m
 * generalisation), tidy the rings that rounding and clipping leave behind, drop what is empty.
 * The output is deterministic, so re-running the script on the same input gives the same bytes.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bboxClip } from '@turf/bbox-clip';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** [west, south, east, north]: Gulf of Mexico's eastern half to the Lesser Antilles, Guianas and the Bahamas. */
const CARIBBEAN_BBOX: BBox = [-90, 5, -55, 28];
/** Decimal places kept in the output coordinates. */
const PRECISION = 4;
/** Natural Earth scale to read: 50m by default (every Lesser Antilles island, ~65 kB output). */
const scaleArg = process.argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length) ?? '50m';
if (scaleArg !== '50m' && scaleArg !== '10m') {
	console.error(`unknown --scale=${scaleArg} (expected 50m or 10m)`);
	process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'static', 'basemap');
const outFile = path.join(outDir, 'caribbean-countries.geojson');

type CountryProps = { name: string };
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
function polygonsOf(geometry: Polygon | MultiPolygon): PolygonCoords[] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

async function main(): Promise<void> {
	const require = createRequire(import.meta.url);
	const source = require.resolve(`world-atlas/countries-${scaleArg}.json`);
	const topology = JSON.parse(await readFile(source, 'utf8')) as Topology<{
		countries: GeometryCollection<CountryProps>;
	}>;

	const countries = feature(topology, topology.objects.countries) as FeatureCollection<
		Polygon | MultiPolygon | null,
		CountryProps
	>;

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

	// Stable order so the committed file only changes when the data does.
	features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'en'));

	const collection: FeatureCollection<Polygon | MultiPolygon, CountryProps> & { bbox: BBox } = {
		type: 'FeatureCollection',
		bbox: CARIBBEAN_BBOX,
		features
	};

	// One feature per line: compact, yet diffs stay readable.
	const body =
		'{"type":"FeatureCollection","bbox":' +
		JSON.stringify(collection.bbox) +
		',"features":[\n' +
		collection.features.map((f) => JSON.stringify(f)).join(',\n') +
		'\n]}\n';

	await mkdir(outDir, { recursive: true });
	await writeFile(outFile, body, 'utf8');

	const vertices = features.reduce(
		(n, f) => n + polygonsOf(f.geometry).reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0),
		0
	);
	console.log(
		`wrote ${path.relative(root, outFile)} (Natural Earth 1:${scaleArg}): ${features.length} countries, ${vertices} vertices, ${(Buffer.byteLength(body) / 1024).toFixed(1)} kB`
	);
}

await main();
