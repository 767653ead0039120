import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACE_NAMES, placeName } from './place-names';

const places = JSON.parse(readFileSync(join(import.meta.dirname, '../../../static/basemap/places.geojson'), 'utf8')) as {
	features: { properties: Record<string, string> }[];
};

describe('place names in the reader’s language', () => {
	it('writes a name as each language does, and any other name as it is', () => {
		expect(placeName('Trinidad and Tobago', 'fr')).toBe('Trinité-et-Tobago');
		expect(placeName('Saint Lucia', 'es')).toBe('Santa Lucía');
		expect(placeName('Haiti', 'ht')).toBe('Ayiti');
		expect(placeName('Dominica', 'nl')).toBe('Dominica');
		expect(placeName('Castries', 'fr')).toBe('Castries');
		expect(placeName('Grenada', 'en')).toBe('Grenada');
	});

	it('is what the basemap carries (npm run basemap writes it there)', () => {
		for (const { properties: p } of places.features)
			for (const l of ['es', 'fr', 'nl', 'ht'] as const) expect(p[`name_${l}`] ?? p.name, `${p.name} in ${l}`).toBe(placeName(p.name!, l));
		const named = new Set(places.features.map((f) => f.properties.name));
		expect([...named].filter((n) => PLACE_NAMES[n!]).length).toBeGreaterThan(40);
	});
});
