import { describe, expect, it } from 'vitest';
import type { MapEntity } from '../map-entity';
import { facilityFeatures, fadingTrails, labelOf, moverFeatures, speedVectors } from './features';
import { describeEntity, headingWords, legendColors, listOrder } from './describe';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, clusterLabel, messageExpression, placeNameField } from './style';

const vessel = (over: Partial<MapEntity> = {}): MapEntity => ({
	id: 'cutter',
	name: 'Cutter 1',
	kind: 'vessel',
	category: 'law-enforcement',
	position: [-61.5, 11],
	headingDeg: 90,
	speedKnots: 20,
	...over
});
const port: MapEntity = {
	id: 'port',
	name: 'Port Castries',
	kind: 'port',
	category: 'facility',
	position: [-61, 14],
	headingDeg: null,
	speedKnots: 0,
	status: { kind: 'facility', facility: 'port', open: true, occupancy: 3, capacity: 50 },
	capacity: 50,
	occupancy: 3
};

describe('map features', () => {
	it('splits movers from facilities, which carry the numbers a cluster sums', () => {
		const list = [vessel(), port];
		expect(moverFeatures(list).features.map((f) => f.properties.id)).toEqual(['cutter']);
		const [f] = facilityFeatures(list).features;
		expect(f!.properties).toMatchObject({ id: 'port', icon: 'port', capacity: 50, occupancy: 3, label: 'Port Castries\n3/50 waiting' });
	});

	it('points a moving vessel along its heading and gives stopped ones a round symbol', () => {
		expect(moverFeatures([vessel()]).features[0]!.properties).toMatchObject({ icon: 'vessel', rotate: 90 });
		expect(moverFeatures([vessel({ headingDeg: null, speedKnots: 0 })]).features[0]!.properties).toMatchObject({ icon: 'vessel-still', rotate: 0 });
		expect(moverFeatures([vessel({ kind: 'storm', category: 'weather' })]).features[0]!.properties).toMatchObject({ icon: 'storm', rotate: 0 });
	});

	it('ranks own assets, then suspects, then other contacts, then storms', () => {
		const ranks = moverFeatures([
			vessel({ own: true }),
			vessel({ category: 'suspect' }),
			vessel({ category: 'cargo' }),
			vessel({ kind: 'storm' })
		]).features.map((f) => f.properties.rank);
		expect(ranks).toEqual([0, 1, 2, 3]);
	});

	it('draws suspects red and lost contacts grey, marked in their label', () => {
		expect(moverFeatures([vessel({ category: 'suspect' })]).features[0]!.properties).toMatchObject({ suspect: true, color: '#d32f2f' });
		const lost = moverFeatures([vessel({ lost: true })]).features[0]!.properties;
		expect(lost).toMatchObject({ lost: true, color: '#7a7a7a', label: 'Cutter 1 (lost)' });
		expect(speedVectors([vessel({ lost: true })]).features).toEqual([]);
	});

	it('makes the speed vector 15 minutes long: twice the speed, twice the length', () => {
		const length = (kn: number) => {
			const [a, b] = speedVectors([vessel({ speedKnots: kn })]).features[0]!.geometry.coordinates;
			return Math.hypot(b![0]! - a![0]!, b![1]! - a![1]!);
		};
		// 20 kn for 15 min = 5 nm east ≈ 0.0848° of longitude at 11° N.
		expect(length(20)).toBeCloseTo(5 / 60 / Math.cos((11 * Math.PI) / 180), 3);
		expect(length(40) / length(20)).toBeCloseTo(2, 3);
		expect(speedVectors([vessel({ speedKnots: 0 })]).features).toEqual([]);
	});

	it('cuts a trail into pieces that fade towards the oldest, joined end to end', () => {
		const coordinates = Array.from({ length: 13 }, (_, i): [number, number] => [-62 + i * 0.01, 11]);
		const pieces = fadingTrails([{ id: 'cutter', coordinates }], [vessel()]).features;
		expect(pieces).toHaveLength(6);
		const fades = pieces.map((p) => p.properties.fade);
		expect(fades).toEqual([...fades].sort((a, b) => a - b));
		expect(fades[0]).toBeLessThan(0.4);
		expect(fades.at(-1)).toBeGreaterThan(0.8);
		for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.geometry.coordinates[0]).toEqual(pieces[i - 1]!.geometry.coordinates.at(-1));
		expect(pieces[0]!.properties.color).toBe('#1f5fbf');
		expect(fadingTrails([{ id: 'x', coordinates: [[-62, 11]] }], []).features).toEqual([]);
	});

	it('puts the status under the name', () => {
		expect(labelOf(vessel({ status: { kind: 'order', order: 'patrol' } }))).toBe('Cutter 1\non patrol');
		expect(labelOf(vessel({ lost: true, status: { kind: 'lost', at: 91 * 60_000 } }))).toBe('Cutter 1 (lost)\nlast held 01:31');
		expect(labelOf({ ...port, status: { kind: 'facility', facility: 'shelter', open: false, occupancy: 1200, capacity: 1500 } })).toBe(
			'Port Castries\nclosed · 1,200/1,500'
		);
	});
});

describe('the map in words', () => {
	it('names heading points and degrees', () => {
		expect(headingWords(0)).toEqual({ direction: 'north', degrees: '000' });
		expect(headingWords(46)).toEqual({ direction: 'north-east', degrees: '046' });
		expect(headingWords(359.6)).toEqual({ direction: 'north', degrees: '000' });
		expect(headingWords(-90)).toEqual({ direction: 'west', degrees: '270' });
	});

	it('describes an entity in plain words, never by its id', () => {
		expect(describeEntity(vessel({ own: true }))).toBe("Cutter 1 — law enforcement vessel, your team's, heading east (090°) at 20 kn");
		expect(describeEntity(vessel({ category: 'suspect', headingDeg: null, speedKnots: 0 }))).toBe('Cutter 1 — suspect or dark contact vessel, stopped');
		expect(describeEntity(port)).toBe('Port Castries — port, 3/50 waiting');
		expect(describeEntity(port)).not.toContain('port-');
	});

	it('lists own assets first and facilities last', () => {
		const list = listOrder([
			port,
			vessel({ id: 'b', name: 'B cargo', category: 'cargo' }),
			vessel({ id: 'a', name: 'Z own', own: true }),
			vessel({ id: 's', name: 'S', category: 'suspect' })
		]);
		expect(list.map((e) => e.id)).toEqual(['a', 's', 'b', 'port']);
	});

	it('explains only the colours on the map', () => {
		expect(legendColors([vessel(), port]).map((c) => c.label)).toEqual(['Law enforcement', 'Port or shelter']);
	});
});

describe("the map style in the reader's language", () => {
	it('writes a place name in the language the basemap has it in, its own name otherwise', () => {
		expect(placeNameField('fr')).toEqual(['coalesce', ['get', 'name_fr'], ['get', 'name']]);
	});

	it('puts the numbers of a cluster where its message has them, in every language', () => {
		expect(
			messageExpression('A 1 b 2', [
				['1', ['get', 'x']],
				['2', ['get', 'y']]
			])
		).toEqual(['concat', 'A ', ['get', 'x'], ' b ', ['get', 'y']]);
		const fr = JSON.stringify(clusterLabel('fr'));
		expect(fr).toContain('installations');
		expect(fr).toContain('{"locale":"fr"}');
		expect(JSON.stringify(clusterLabel('ht'))).toContain('{"locale":"fr"}');
		expect(JSON.stringify(clusterLabel('en'))).not.toContain('99');
	});

	it('is a valid MapLibre style in every language', () => {
		for (const locale of ['en', 'es', 'fr', 'nl', 'ht'] as const)
			expect(validateStyleMin(buildStyle({ land: 'http://x/l', territorialSea: 'http://x/t', places: 'http://x/p' }, locale)).map((e) => e.message)).toEqual(
				[]
			);
	});
});
