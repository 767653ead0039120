/**
 * npm run zones — derives the maritime zones the engine and the map use from Natural Earth's land.
 *
 * Input:  world-atlas/countries-10m.json (Natural Earth 1:10m), clipped to the Caribbean box by
 *         scripts/caribbean-land.ts. 1:10m, not the drawn basemap's 1:50m: at 1:50m small inhabited
 *         islands (Grand Turk, Salt Cay, South Caicos, San Andrés…) are missing and would count as high seas.
 * Output: src/lib/engine/sim/data/coastlines.json — per state: full name, bounding box and land polygons,
 *         read by src/lib/engine/sim/zones.ts ("whose waters is this point in"; server-side only);
 *         static/basemap/territorial-sea.geojson — per state, the 12-nm belt around its land
 *         (@turf/buffer), which the map shades.
 * Limits: the coastline is Natural Earth's 1:10m generalisation, measured from the low-water line it
 * approximates, with no straight or archipelagic baselines; where two states' belts overlap the engine
 * applies the equidistance (median line) rule. Not an official boundary of any state.
 * Deterministic: the same input gives the same bytes.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buffer } from '@turf/buffer';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { caribbeanCountries, polygonsOf } from './caribbean-land';

/** Territorial sea breadth (UNCLOS art. 3). */
const TERRITORIAL_SEA_NM = 12;
const PRECISION = 4;

/** Natural Earth's short names → the names people (and scenario teams' `state`) use. */
const FULL_NAMES: Record<string, string> = {
	'Antigua and Barb.': 'Antigua and Barbuda',
	'St. Vin. and Gren.': 'Saint Vincent and the Grenadines',
	'St. Kitts and Nevis': 'Saint Kitts and Nevis',
	'Dominican Rep.': 'Dominican Republic',
	'British Virgin Is.': 'British Virgin Islands',
	'Cayman Is.': 'Cayman Islands',
	'Turks and Caicos Is.': 'Turks and Caicos Islands',
	'U.S. Virgin Is.': 'United States Virgin Islands',
	'United States of America': 'United States',
	'St-Barthélemy': 'Saint Barthélemy',
	'St-Martin': 'Saint Martin',
	France: 'France (Guadeloupe and Martinique)',
	Netherlands: 'Netherlands (Caribbean)',
	// At 1:10m only. Navassa Island is administered by the United States (Haiti claims it too); the naval base is on
	// land Cuba leases out and keeps sovereignty over, so its waters are Cuba's. The disputed Bajo Nuevo and Serranilla
	// banks keep Natural Earth's names: no state is named for them here.
	'U.S. Minor Outlying Is.': 'United States',
	'USNB Guantanamo Bay': 'Cuba'
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const land = await caribbeanCountries('10m');

const round = (v: number) => Math.round(v * 10 ** PRECISION) / 10 ** PRECISION;
const roundDeep = (c: unknown): unknown => (typeof c === 'number' ? round(c) : (c as unknown[]).map(roundDeep));

/** One entry per state: Natural Earth features that share a full name (Cuba and the Guantánamo base) are merged. */
const byName = new Map<string, Position[][][]>();
for (const f of land) {
	const name = FULL_NAMES[f.properties.name] ?? f.properties.name;
	byName.set(name, [...(byName.get(name) ?? []), ...polygonsOf(f.geometry)]);
}
const states = [...byName]
	.map(([name, polygons]) => {
		const all = polygons.flat(2);
		const lons = all.map((p) => p[0]);
		const lats = all.map((p) => p[1]);
		return { name, bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], polygons };
	})
	.sort((a, b) => a.name.localeCompare(b.name));

await mkdir(path.join(root, 'src/lib/engine/sim/data'), { recursive: true });
await writeFile(
	path.join(root, 'src/lib/engine/sim/data/coastlines.json'),
	JSON.stringify({ source: 'Natural Earth 1:10m (world-atlas countries-10m.json), clipped to the Caribbean', states }) + '\n'
);

const belts: Feature<Polygon | MultiPolygon, { name: string }>[] = [];
for (const { name, polygons } of states) {
	const belt = buffer({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } }, TERRITORIAL_SEA_NM, {
		units: 'nauticalmiles'
	});
	if (!belt) continue;
	belts.push({
		type: 'Feature',
		properties: { name },
		geometry: { ...belt.geometry, coordinates: roundDeep(belt.geometry.coordinates) } as Polygon | MultiPolygon
	});
}
belts.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
const lines = belts.map((f) => JSON.stringify(f)).join(',\n');
await writeFile(path.join(root, 'static/basemap/territorial-sea.geojson'), `{"type":"FeatureCollection","features":[\n${lines}\n]}\n`);
console.log(
	`wrote ${states.length} states to src/lib/engine/sim/data/coastlines.json and ${belts.length} 12-nm belts to static/basemap/territorial-sea.geojson`
);
