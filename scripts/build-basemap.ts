/**
 * npm run basemap [-- --scale=10m] — builds the offline Caribbean land layer used by the exercise map.
 *
 * Input:  world-atlas/countries-50m.json (Natural Earth 1:50m admin-0 countries, TopoJSON);
 *         `--scale=10m` uses the 1:10m file instead (more islets, ~6x the vertices, ~380 kB).
 * Output: static/basemap/caribbean-countries.geojson (a GeoJSON FeatureCollection with one
 *         feature per country that has land inside the Caribbean box, property `name`).
 *
 * Steps (scripts/caribbean-land.ts): TopoJSON → GeoJSON, clip to the Caribbean box, round to
 * 4 decimals, tidy the rings; here the features are sorted and written one per line.
 * The output is deterministic, so re-running the script on the same input gives the same bytes.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BBox, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CARIBBEAN_BBOX, caribbeanCountries, polygonsOf, type CountryProps, type Scale } from './caribbean-land';

/** Natural Earth scale to read: 50m by default (every Lesser Antilles island, ~65 kB output). */
const scaleArg = process.argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length) ?? '50m';
if (scaleArg !== '50m' && scaleArg !== '10m') {
	console.error(`unknown --scale=${scaleArg} (expected 50m or 10m)`);
	process.exit(1);
}
const scale: Scale = scaleArg;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'static', 'basemap');
const outFile = path.join(outDir, 'caribbean-countries.geojson');

async function main(): Promise<void> {
	const features = await caribbeanCountries(scale);
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

	const vertices = features.reduce((n, f) => n + polygonsOf(f.geometry).reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0), 0);
	console.log(
		`wrote ${path.relative(root, outFile)} (Natural Earth 1:${scaleArg}): ${features.length} countries, ${vertices} vertices, ${(Buffer.byteLength(body) / 1024).toFixed(1)} kB`
	);
}

await main();
