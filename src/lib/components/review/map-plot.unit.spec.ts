import { describe, expect, it } from 'vitest';
import { boxAround, plotFor, ringsOf, ringsPath } from './map-plot';

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
