import { describe, expect, it } from 'vitest';
import { SHAPES, iconImage, inside } from './icons';

const alphaAt = (img: ReturnType<typeof iconImage>, col: number, row: number) => img.data[(row * img.width + col) * 4 + 3]!;

describe('map icons', () => {
	it('fills the shape and leaves the corners empty', () => {
		const img = iconImage(SHAPES.vessel);
		expect(img.width).toBe(48);
		expect(img.data.length).toBe(48 * 48 * 4);
		expect(alphaAt(img, 24, 24)).toBe(255);
		expect(alphaAt(img, 0, 0)).toBe(0);
		expect(alphaAt(img, 47, 47)).toBe(0);
	});

	it('puts the edge at 191, the SDF cutoff MapLibre reads', () => {
		const img = iconImage(SHAPES.cluster, 48, 6);
		// The cluster disc has radius 0.95 of the 18 px half-size: its edge is 17.1 px right of the centre.
		const edge = alphaAt(img, 24 + 17, 24);
		expect(edge).toBeGreaterThan(170);
		expect(edge).toBeLessThan(215);
		// The halo room: still above zero 3 px outside, zero well beyond the buffer.
		expect(alphaAt(img, 24 + 20, 23)).toBeGreaterThan(0);
	});

	it('points the hull north: more ink below the middle than at the bow', () => {
		const img = iconImage(SHAPES.vessel);
		const inkInRow = (row: number) => Array.from({ length: 48 }, (_, c) => alphaAt(img, c, row)).filter((a) => a >= 191).length;
		expect(inkInRow(10)).toBeLessThan(inkInRow(34));
	});

	it('cuts holes with the even-odd rule (the storm is a ring)', () => {
		expect(inside(SHAPES.storm, 0, 0)).toBe(false);
		expect(inside(SHAPES.storm, 0.7, 0)).toBe(true);
		expect(inside(SHAPES.storm, 0.99, 0.99)).toBe(false);
	});
});
