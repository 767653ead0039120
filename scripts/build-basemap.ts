/**
 * npm run basemap — builds the offline Caribbean land layers used by the exercise map.
 *
 *   npm run basemap        (= node --import tsx scripts/build-basemap.ts; no arguments)
 *
 * Input:  world-atlas/countries-50m.json and countries-10m.json (Natural Earth 1:50m and 1:10m admin-0
 *         countries, TopoJSON).
 * Output: static/basemap/caribbean-countries.geojson (1:50m, ~65 kB, ~22 kB gzipped: the land every map
 *         loads first and draws up to zoom 8) and static/basemap/caribbean-countries-10m.geojson (1:10m,
 *         the harbours' coastline, drawn from zoom 8 and fetched only when a map first zooms that far in:
 *         src/lib/components/ExerciseMap.svelte). Each is a GeoJSON FeatureCollection with one feature per
 *         country that has land inside the Caribbean box, property `name`.
 *
 * Steps (scripts/caribbean-land.ts): TopoJSON → GeoJSON, clip to the Caribbean box, round to
 * 4 decimals, tidy the rings; here the features are sorted and written one per line.
 *
 * It also writes two small layers the map draws (see static/basemap/README.md):
 * - static/basemap/places.geojson — state, capital, island and port names (PLACES below: Natural
 *   Earth's populated places are not packaged on npm, so the region's names and coordinates are
 *   listed here by hand from public facts), with `name_es`, `name_fr`, `name_nl`, `name_ht` where a
 *   language writes a name otherwise (src/lib/i18n/place-names.ts);
 * - static/basemap/territorial-sea-drawn.geojson — the 12-nm belt of `npm run zones`
 *   (territorial-sea.geojson, 1:10m) simplified for drawing (Douglas–Peucker, about 0.5 km).
 * Each file the map fetches is also written compressed beside it (`.gz`, `.br`): the production server (sirv in
 * adapter-node's handler) sends those to a browser that accepts them, which SvelteKit's own precompression does not
 * do for `.geojson`. The output is deterministic, so re-running the script on the same input gives the same bytes.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { CARIBBEAN_BBOX, caribbeanCountries, polygonsOf, type CountryProps, type Scale } from './caribbean-land';
import { PLACE_NAMES, type PlaceLocale } from '../src/lib/i18n/place-names';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'static', 'basemap');
/** Each Natural Earth scale drawn, and the file it is written to. */
const LAND_FILES: Record<Scale, string> = { '50m': 'caribbean-countries.geojson', '10m': 'caribbean-countries-10m.geojson' };

type PlaceKind = 'state' | 'capital' | 'island' | 'port';
/** Name, kind, [longitude, latitude]. States are placed on their main island (or mainland in the box). */
const PLACES: [string, PlaceKind, number, number][] = [
	// States and territories
	['Antigua and Barbuda', 'state', -61.8, 17.07],
	['Barbados', 'state', -59.55, 13.17],
	['Dominica', 'state', -61.36, 15.42],
	['Grenada', 'state', -61.68, 12.12],
	['Saint Lucia', 'state', -60.97, 13.9],
	['Saint Vincent and the Grenadines', 'state', -61.2, 13.25],
	['Saint Kitts and Nevis', 'state', -62.75, 17.3],
	['Trinidad and Tobago', 'state', -61.25, 10.45],
	['Guadeloupe (France)', 'state', -61.55, 16.2],
	['Martinique (France)', 'state', -61.02, 14.64],
	['Montserrat (UK)', 'state', -62.19, 16.74],
	['Anguilla (UK)', 'state', -63.05, 18.22],
	['Saint Martin / Sint Maarten', 'state', -63.06, 18.06],
	['Saint-Barthélemy (France)', 'state', -62.83, 17.9],
	['British Virgin Islands', 'state', -64.62, 18.43],
	['U.S. Virgin Islands', 'state', -64.9, 18.34],
	['Puerto Rico (US)', 'state', -66.45, 18.22],
	['Dominican Republic', 'state', -70.5, 18.9],
	['Haiti', 'state', -72.6, 19.0],
	['Jamaica', 'state', -77.3, 18.1],
	['Cuba', 'state', -79.0, 21.8],
	['The Bahamas', 'state', -77.4, 24.6],
	['Turks and Caicos Islands', 'state', -71.8, 21.75],
	['Cayman Islands', 'state', -81.25, 19.31],
	['Aruba', 'state', -69.97, 12.52],
	['Curaçao', 'state', -68.99, 12.2],
	['Bonaire', 'state', -68.26, 12.18],
	['Venezuela', 'state', -63.5, 9.6],
	['Colombia', 'state', -74.0, 9.5],
	['Panama', 'state', -80.0, 8.6],
	['Costa Rica', 'state', -84.0, 10.0],
	['Nicaragua', 'state', -85.0, 12.9],
	['Honduras', 'state', -86.6, 14.8],
	['Belize', 'state', -88.7, 17.2],
	['Guatemala', 'state', -89.6, 15.6],
	['Mexico', 'state', -89.0, 20.0],
	['United States', 'state', -81.6, 27.5],
	['Guyana', 'state', -58.9, 6.3],
	// Capitals (Montserrat: Brades, the seat of government since Plymouth was abandoned)
	["St John's", 'capital', -61.846, 17.121],
	['Bridgetown', 'capital', -59.617, 13.097],
	['Roseau', 'capital', -61.387, 15.301],
	["St George's", 'capital', -61.752, 12.056],
	['Castries', 'capital', -60.987, 14.01],
	['Kingstown', 'capital', -61.225, 13.155],
	['Basseterre', 'capital', -62.717, 17.302],
	['Port of Spain', 'capital', -61.509, 10.657],
	['Basse-Terre', 'capital', -61.726, 15.998],
	['Fort-de-France', 'capital', -61.073, 14.604],
	['Brades', 'capital', -62.21, 16.79],
	['The Valley', 'capital', -63.05, 18.217],
	['Philipsburg', 'capital', -63.048, 18.026],
	['Road Town', 'capital', -64.62, 18.427],
	['Charlotte Amalie', 'capital', -64.93, 18.342],
	['San Juan', 'capital', -66.106, 18.466],
	['Santo Domingo', 'capital', -69.93, 18.486],
	['Port-au-Prince', 'capital', -72.335, 18.594],
	['Kingston', 'capital', -76.793, 17.997],
	['Havana', 'capital', -82.366, 23.113],
	['Nassau', 'capital', -77.345, 25.06],
	['Cockburn Town', 'capital', -71.14, 21.46],
	['George Town', 'capital', -81.38, 19.29],
	['Oranjestad', 'capital', -70.027, 12.52],
	['Willemstad', 'capital', -68.93, 12.11],
	['Kralendijk', 'capital', -68.27, 12.15],
	['Caracas', 'capital', -66.903, 10.48],
	['Panama City', 'capital', -79.52, 8.98],
	['San José', 'capital', -84.09, 9.93],
	['Managua', 'capital', -86.25, 12.13],
	['Tegucigalpa', 'capital', -87.19, 14.07],
	['Belmopan', 'capital', -88.77, 17.25],
	['Georgetown', 'capital', -58.155, 6.8],
	// Main islands of states with more than one
	['Barbuda', 'island', -61.8, 17.62],
	['Tobago', 'island', -60.68, 11.23],
	['Nevis', 'island', -62.59, 17.15],
	['Carriacou', 'island', -61.45, 12.48],
	['Bequia', 'island', -61.24, 13.01],
	['Marie-Galante', 'island', -61.26, 15.93],
	['Isla de Margarita', 'island', -63.95, 11.0],
	['Vieques', 'island', -65.44, 18.12],
	['St Croix', 'island', -64.75, 17.73],
	['Isla de la Juventud', 'island', -82.8, 21.7],
	['Andros', 'island', -77.9, 24.4],
	['San Andrés', 'island', -81.7, 12.55],
	['Los Roques', 'island', -66.75, 11.85],
	// Main ports and towns that exercises name
	['Scarborough', 'port', -60.737, 11.182],
	['Chaguaramas', 'port', -61.64, 10.68],
	['San Fernando', 'port', -61.46, 10.28],
	['Point Lisas', 'port', -61.49, 10.41],
	['Vieux Fort', 'port', -60.954, 13.728],
	['Portsmouth', 'port', -61.46, 15.58],
	['Pointe-à-Pitre', 'port', -61.53, 16.24],
	['Speightstown', 'port', -59.64, 13.25],
	['Soufrière', 'port', -61.06, 13.86]
];

/** From which zoom a kind is named: 1 always, 2 from zoom 5, 3 from 6, 4 from 7 (src/lib/components/map/style.ts). */
const PLACE_RANK: Record<PlaceKind, number> = { state: 1, capital: 2, island: 3, port: 4 };
/** Placement order among place names: capitals first, so that a small island's name moves aside for its capital. */
const PLACE_ORDER: Record<PlaceKind, number> = { capital: 1, state: 2, island: 3, port: 4 };

type PlaceProps = { name: string; kind: PlaceKind; rank: number; order: number } & Partial<Record<`name_${PlaceLocale}`, string>>;

/** The other languages' forms of a name, only where they differ from it (the map falls back to `name`). */
function localNames(name: string): Partial<Record<`name_${PlaceLocale}`, string>> {
	const forms = PLACE_NAMES[name] ?? {};
	return Object.fromEntries((['es', 'fr', 'nl', 'ht'] as const).flatMap((l) => (forms[l] && forms[l] !== name ? [[`name_${l}`, forms[l]]] : []))) as Partial<
		Record<`name_${PlaceLocale}`, string>
	>;
}

function placesCollection(): FeatureCollection<Point, PlaceProps> {
	return {
		type: 'FeatureCollection',
		features: PLACES.map(([name, kind, lon, lat]) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [lon, lat] },
			properties: { name, kind, rank: PLACE_RANK[kind], order: PLACE_ORDER[kind], ...localNames(name) }
		}))
	};
}

/** Douglas–Peucker on a closed ring, in degrees (planar is fine at this tolerance). */
function simplifyRing(ring: Position[], tolerance: number): Position[] {
	const keep = new Uint8Array(ring.length);
	keep[0] = keep[ring.length - 1] = 1;
	const stack: [number, number][] = [[0, ring.length - 1]];
	while (stack.length > 0) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = ring[a];
		const [bx, by] = ring[b];
		const dx = bx - ax;
		const dy = by - ay;
		const len = Math.hypot(dx, dy);
		let worst = -1;
		let worstDist = tolerance;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = ring[i];
			const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
			if (d > worstDist) {
				worst = i;
				worstDist = d;
			}
		}
		if (worst >= 0) {
			keep[worst] = 1;
			stack.push([a, worst], [worst, b]);
		}
	}
	return ring.filter((_, i) => keep[i] === 1);
}

const SIMPLIFY_DEG = 0.005;
const DRAWN_PRECISION = 1e3;

function simplifiedBelt(belt: FeatureCollection<Polygon | MultiPolygon, { name: string }>): FeatureCollection<Polygon | MultiPolygon, { name: string }> {
	const simplifyPolygon = (rings: Position[][]): Position[][] =>
		rings
			.map((ring) => {
				// A closed ring starts and ends on the same point: simplify its two halves, each an open line.
				const mid = Math.floor(ring.length / 2);
				const first = simplifyRing(ring.slice(0, mid + 1), SIMPLIFY_DEG);
				const second = simplifyRing(ring.slice(mid), SIMPLIFY_DEG);
				return [...first, ...second.slice(1)].map(([x, y]) => [
					Math.round(x * DRAWN_PRECISION) / DRAWN_PRECISION,
					Math.round(y * DRAWN_PRECISION) / DRAWN_PRECISION
				]);
			})
			.filter((ring) => ring.length >= 4);
	const features: Feature<Polygon | MultiPolygon, { name: string }>[] = belt.features.flatMap((f) => {
		const polygons = polygonsOf(f.geometry)
			.map(simplifyPolygon)
			.filter((p) => p.length > 0);
		if (polygons.length === 0) return [];
		return [
			{
				type: 'Feature',
				properties: { name: f.properties.name },
				geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }
			}
		];
	});
	return { type: 'FeatureCollection', features };
}

/** Writes `file` and its gzip and brotli copies (both deterministic: gzip's header carries no time). */
async function writeServed(file: string, body: string): Promise<string> {
	const bytes = Buffer.from(body, 'utf8');
	const gz = gzipSync(bytes, { level: 9 });
	const br = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
	await writeFile(file, bytes);
	await writeFile(`${file}.gz`, gz);
	await writeFile(`${file}.br`, br);
	return `${(bytes.length / 1024).toFixed(1)} kB (${(gz.length / 1024).toFixed(1)} kB gzip, ${(br.length / 1024).toFixed(1)} kB brotli)`;
}

const onePerLine = (features: Feature[]): string =>
	'{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';

async function writeExtras(): Promise<void> {
	const places = onePerLine(placesCollection().features);
	const placesSize = await writeServed(path.join(outDir, 'places.geojson'), places);
	console.log(`wrote static/basemap/places.geojson: ${PLACES.length} names, ${placesSize}`);

	const belt = JSON.parse(await readFile(path.join(outDir, 'territorial-sea.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
	const drawn = onePerLine(simplifiedBelt(belt).features);
	const drawnSize = await writeServed(path.join(outDir, 'territorial-sea-drawn.geojson'), drawn);
	console.log(`wrote static/basemap/territorial-sea-drawn.geojson: ${drawnSize} (from territorial-sea.geojson)`);
}

async function writeLand(scale: Scale): Promise<void> {
	const outFile = path.join(outDir, LAND_FILES[scale]);
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
	const size = await writeServed(outFile, body);

	const vertices = features.reduce((n, f) => n + polygonsOf(f.geometry).reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0), 0);
	console.log(`wrote ${path.relative(root, outFile)} (Natural Earth 1:${scale}): ${features.length} countries, ${vertices} vertices, ${size}`);
}

await writeLand('50m');
await writeLand('10m');
await writeExtras();
