import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { keyMoments } from '$lib/engine/review/aar-content';
import { stateAt } from '$lib/engine/review/review';
import { mapPictureAt, type MapPicture } from '$lib/engine/sim/map-picture';
import { displacementPictureAt } from '$lib/engine/sim/displacement-state';
import {
	boxAround,
	inBox,
	MIN_SPAN_DEG,
	NEIGHBOURHOOD_DEG,
	plotFor,
	ringsOf,
	ringsPath,
	snapshotBox,
	stormsNear,
	type Box,
	type FramedEntity,
	type LonLat
} from './map-plot';

/** A whole exercise of a bundled scenario played out with no team acting, and the AAR's pictures at its key moments. */
function playedOut(file: string) {
	const scenario = loadScenario(file);
	const x = given(scenario, { type: 'exercise.started' });
	x.tickThrough(0.5, scenario.durationMinutes, 0.5);
	return keyMoments(x.log).map((moment) => {
		const past = stateAt(x.log, moment.at);
		return { moment, picture: mapPictureAt(past, moment.at, undefined, displacementPictureAt(past, moment.at), true) };
	});
}
const span = ([w, s, e, n]: Box) => ({ ew: e - w, ns: n - s });
const where = (picture: MapPicture, id: string) => picture.entities.find((e) => e.id === id)!.position;

describe('map plot', () => {
	it('boxes the points with padding and a smallest span', () => {
		expect(boxAround([[-61, 12]])).toEqual([-61.4, 11.6, -60.6, 12.4]);
		const [w, s, e, n] = boxAround(
			[
				[-62, 11],
				[-60, 13]
			],
			0.25
		);
		expect([w, s, e, n]).toEqual([-62.5, 10.5, -59.5, 13.5]);
	});
	it('projects north up and east right, the box centred, keeping shapes at the middle latitude', () => {
		const plot = plotFor([-62, 11, -60, 13], 400);
		const [x1, y1] = plot.project([-62, 13]);
		const [x2, y2] = plot.project([-60, 11]);
		expect(y1).toBeLessThan(y2);
		expect(x1).toBeLessThan(x2);
		// One degree of latitude is longer on the plot than one of longitude (cos 12° ≈ 0.978).
		expect((y2 - y1) / (x2 - x1)).toBeCloseTo(1 / Math.cos((12 * Math.PI) / 180), 2);
		expect(x1 + x2).toBeCloseTo(plot.width, 0);
		expect(y1 + y2).toBeCloseTo(plot.height, 0);
	});
	it('draws only the rings near the box, from polygons and multipolygons', () => {
		const rings = ringsOf([
			{
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[-61, 12],
							[-60.9, 12],
							[-61, 12.1],
							[-61, 12]
						]
					]
				}
			},
			{
				geometry: {
					type: 'MultiPolygon',
					coordinates: [
						[
							[
								[-80, 25],
								[-79, 25],
								[-80, 26],
								[-80, 25]
							]
						]
					]
				}
			},
			{ geometry: { type: 'Point', coordinates: [0, 0] } }
		]);
		expect(rings).toHaveLength(2);
		const plot = plotFor([-62, 11, -60, 13], 200);
		const d = ringsPath(rings, [-62, 11, -60, 13], plot.project);
		expect(d.match(/M/g)).toHaveLength(1);
		expect(d.endsWith('Z')).toBe(true);
	});
});

describe('the frame of a key moment', () => {
	const hurricane = playedOut('scenarios/displacement-hurricane-dominica.yaml');
	const trafficking = playedOut('scenarios/maritime-trafficking-southern-caribbean.yaml');

	it('has moments about craft and an end of play in both scenarios', () => {
		for (const moments of [hurricane, trafficking]) {
			expect(moments.some((m) => m.moment.entityId !== null)).toBe(true);
			expect(moments.at(-1)!.moment.kind).toBe('end');
		}
	});
	it('frames a displaced boat on its island, its port and shelter, never the storm gone west', () => {
		for (const { moment, picture } of hurricane.filter((m) => m.moment.entityId)) {
			const box = snapshotBox(picture, moment.entityId);
			expect(inBox(where(picture, moment.entityId!), box), moment.entityId!).toBe(true);
			// The storm is south of Puerto Rico (about 67° W) from minute 25: far out of every frame.
			expect(inBox(where(picture, 'hurricane-keturah'), box)).toBe(false);
			expect(box[0]).toBeGreaterThan(-63);
			// Close enough that an island is a shape: at most the neighbourhood each way, padded; at least the smallest span.
			const { ew, ns } = span(box);
			expect(Math.max(ew, ns)).toBeLessThanOrEqual(2 * NEIGHBOURHOOD_DEG * 1.3 + 0.01);
			expect(Math.min(ew, ns)).toBeGreaterThanOrEqual(MIN_SPAN_DEG - 1e-9);
		}
		const goodHope = hurricane.find((m) => m.moment.entityId === 'boat-good-hope')!;
		const box = snapshotBox(goodHope.picture, 'boat-good-hope');
		for (const id of ['port-st-johns', 'shelter-ag-1', 'ag-cg-patrol', 'boat-carib-queen']) expect(inBox(where(goodHope.picture, id), box), id).toBe(true);
		// Saint Lucia, 3° south, is another moment's map.
		expect(inBox(where(goodHope.picture, 'port-castries'), box)).toBe(false);
	});
	it('frames the end of play on every boat and the ports and shelters holding people, not on the storm track', () => {
		const { moment, picture } = hurricane.at(-1)!;
		const box = snapshotBox(picture, moment.entityId);
		for (const e of picture.entities.filter((x) => x.kind === 'boat' || x.kind === 'vessel')) expect(inBox(e.position, box), e.id).toBe(true);
		for (const e of picture.entities.filter((x) => (x.occupancy ?? 0) > 0)) expect(inBox(e.position, box), e.id).toBe(true);
		expect(inBox(where(picture, 'hurricane-keturah'), box)).toBe(false);
		// Its track (over Dominica, then the jump west) is not drawn across the frame.
		expect(stormsNear(picture.entities, box).size).toBe(0);
		// Antigua to Barbados, not Dominica to Puerto Rico.
		expect(span(box).ew).toBeLessThan(4);
		expect(box[0]).toBeGreaterThan(-63);
	});
	it('frames a trafficking contact on the contact and the craft near it, and the end on every craft', () => {
		for (const { moment, picture } of trafficking) {
			const box = snapshotBox(picture, moment.entityId);
			if (moment.entityId) {
				const at = where(picture, moment.entityId);
				expect(inBox(at, box)).toBe(true);
				expect(Math.max(span(box).ew, span(box).ns)).toBeLessThanOrEqual(2 * NEIGHBOURHOOD_DEG * 1.3 + 0.01);
			} else
				for (const e of picture.entities.filter((x) => x.kind === 'vessel' || x.kind === 'boat' || x.kind === 'aircraft'))
					expect(inBox(e.position, box), e.id).toBe(true);
		}
	});
	it('takes a storm in only when it is near what matters, and holds a smallest span', () => {
		const boat: FramedEntity = { id: 'b', kind: 'boat', category: 'displaced', position: [-61.4, 15.5], speedKnots: 6 };
		const storm = (position: LonLat): FramedEntity => ({ id: 's', kind: 'storm', category: 'weather', position, speedKnots: 12 });
		const near = snapshotBox({ entities: [boat, storm([-61.0, 15.2])], trails: [] }, 'b');
		expect(inBox([-61.0, 15.2], near)).toBe(true);
		expect([...stormsNear([boat, storm([-61.0, 15.2])], near)]).toEqual(['s']);
		const far = snapshotBox(
			{
				entities: [boat, storm([-66.9, 17.25])],
				trails: [
					{
						id: 's',
						coordinates: [
							[-60.85, 15.28],
							[-66.9, 17.25]
						]
					}
				]
			},
			'b'
		);
		expect(inBox([-66.9, 17.25], far)).toBe(false);
		expect(stormsNear([boat, storm([-66.9, 17.25])], far).size).toBe(0);
		expect(span(far).ew).toBeCloseTo(MIN_SPAN_DEG, 6);
		expect(span(far).ns).toBeCloseTo(MIN_SPAN_DEG, 6);
		expect(inBox(boat.position, far)).toBe(true);
	});
});
