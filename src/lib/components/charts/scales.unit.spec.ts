import { describe, expect, it } from 'vitest';
import { MINUTE } from '$lib/engine/exercise/clock';
import {
	chartTeams,
	circleLayout,
	curvedEdge,
	edgeWidth,
	linearScale,
	MARKERS,
	markerOf,
	markerPath,
	loopEdge,
	mean,
	niceTicks,
	nodeLabel,
	PALETTE,
	pointsAttr,
	stepPoints,
	stepTable,
	timeTicks,
	truncate
} from './scales';

describe('linearScale', () => {
	it('maps the domain onto the range, inverted ranges included', () => {
		const y = linearScale([0, 100], [200, 0]);
		expect(y(0)).toBe(200);
		expect(y(100)).toBe(0);
		expect(y(25)).toBe(150);
	});
	it('extrapolates unless clamped', () => {
		expect(linearScale([0, 10], [0, 100])(20)).toBe(200);
		expect(linearScale([0, 10], [0, 100], true)(20)).toBe(100);
		expect(linearScale([0, 10], [0, 100], true)(-5)).toBe(0);
	});
	it('sends a zero-width domain and non-finite values to the range start', () => {
		expect(linearScale([5, 5], [10, 90])(5)).toBe(10);
		expect(linearScale([0, 1], [10, 90])(Number.NaN)).toBe(10);
	});
});

describe('niceTicks', () => {
	it('rounds the end up to a nice step', () => {
		expect(niceTicks(17, 5)).toEqual({ step: 5, max: 20, ticks: [0, 5, 10, 15, 20] });
		expect(niceTicks(100, 4)).toEqual({ step: 25, max: 100, ticks: [0, 25, 50, 75, 100] });
	});
	it('handles small and fractional ranges without float noise', () => {
		const t = niceTicks(0.7, 5);
		expect(t.step).toBe(0.2);
		expect(t.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
	});
	it('falls back to 0..1 for empty or invalid maxima', () => {
		expect(niceTicks(0).max).toBe(1);
		expect(niceTicks(-3).max).toBe(1);
		expect(niceTicks(Number.NaN).max).toBe(1);
	});
	it('always covers max', () => {
		for (const max of [1, 3, 9.9, 42, 123, 999, 1001]) {
			const t = niceTicks(max, 5);
			expect(t.max).toBeGreaterThanOrEqual(max);
			expect(t.ticks.at(-1)).toBe(t.max);
			expect(t.ticks.length).toBeLessThanOrEqual(12);
		}
	});
});

describe('timeTicks', () => {
	it('uses round minute steps, about five ticks', () => {
		expect(timeTicks(60 * MINUTE)).toEqual([0, 15, 30, 45, 60].map((m) => m * MINUTE));
		expect(timeTicks(90 * MINUTE)).toEqual([0, 20, 40, 60, 80].map((m) => m * MINUTE));
		expect(timeTicks(150 * MINUTE)).toEqual([0, 30, 60, 90, 120, 150].map((m) => m * MINUTE));
		expect(timeTicks(62 * MINUTE)).toEqual([0, 15, 30, 45, 60].map((m) => m * MINUTE));
	});
	it('never goes past the end', () => {
		for (const end of [7, 33, 59, 61, 250, 1000].map((m) => m * MINUTE)) {
			const ticks = timeTicks(end);
			expect(ticks[0]).toBe(0);
			expect(ticks.at(-1)!).toBeLessThanOrEqual(end);
			expect(ticks.length).toBeGreaterThanOrEqual(2);
			expect(ticks.length).toBeLessThanOrEqual(6);
		}
	});
	it('uses seconds for very short spans and whole days for very long ones', () => {
		expect(timeTicks(40_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
		const long = timeTicks(20 * 1440 * MINUTE);
		expect(long.length).toBeLessThanOrEqual(6);
		expect(long[1] % (1440 * MINUTE)).toBe(0);
	});
	it('gives a single tick at 0 for an empty span', () => {
		expect(timeTicks(0)).toEqual([0]);
		expect(timeTicks(-5)).toEqual([0]);
	});
});

describe('stepPoints', () => {
	it('holds each value until the next point and the last until the end', () => {
		expect(
			stepPoints(
				[
					{ x: 0, y: 10 },
					{ x: 5, y: 20 },
					{ x: 8, y: 15 }
				],
				12
			)
		).toEqual([
			{ x: 0, y: 10 },
			{ x: 5, y: 10 },
			{ x: 5, y: 20 },
			{ x: 8, y: 20 },
			{ x: 8, y: 15 },
			{ x: 12, y: 15 }
		]);
	});
	it('sorts by x, keeps order of ties, and does not extend past the last point when the end is before it', () => {
		expect(
			stepPoints(
				[
					{ x: 4, y: 1 },
					{ x: 2, y: 2 },
					{ x: 4, y: 3 }
				],
				4
			)
		).toEqual([
			{ x: 2, y: 2 },
			{ x: 4, y: 2 },
			{ x: 4, y: 1 },
			{ x: 4, y: 3 }
		]);
	});
	it('is empty for no points', () => {
		expect(stepPoints([], 10)).toEqual([]);
	});
	it('formats as a points attribute', () => {
		expect(
			pointsAttr([
				{ x: 1.234, y: 5 },
				{ x: 2, y: 6.06 }
			])
		).toBe('1.2,5 2,6.1');
	});
});

describe('stepTable', () => {
	it('aligns series on the union of their times, holding values', () => {
		const rows = stepTable([
			[
				{ at: 0, value: null },
				{ at: 10, value: 50 },
				{ at: 10, value: 60 }
			],
			[
				{ at: 5, value: 20 },
				{ at: 20, value: 40 }
			]
		]);
		expect(rows).toEqual([
			{ at: 0, values: [null, null] },
			{ at: 5, values: [null, 20] },
			{ at: 10, values: [60, 20] },
			{ at: 20, values: [60, 40] }
		]);
	});
});

describe('chartTeams', () => {
	it('keeps scenario order and valid colours, falls back to the palette by position', () => {
		const teams = chartTeams(
			[
				{ id: 'a', name: 'Alpha', color: '#112233' },
				{ id: 'b', name: 'Bravo' },
				{ id: 'c', name: 'Charlie', color: 'red' }
			],
			['x', 'b']
		);
		expect(teams.map((t) => [t.id, t.name, t.color, t.index])).toEqual([
			['a', 'Alpha', '#112233', 0],
			['b', 'Bravo', PALETTE[1], 1],
			['c', 'Charlie', PALETTE[2], 2],
			['x', 'x', PALETTE[3], 3]
		]);
	});
	it('varies dashes so lines differ without colour', () => {
		const teams = chartTeams(
			[
				{ id: 'a', name: 'A' },
				{ id: 'b', name: 'B' }
			],
			[]
		);
		expect(teams[0].dash).not.toEqual(teams[1].dash);
	});
});

describe('numbers', () => {
	it('mean', () => {
		expect(mean([])).toBeNull();
		expect(mean([1, 2, 6])).toBe(3);
	});
	it('truncate', () => {
		expect(truncate('short', 10)).toBe('short');
		expect(truncate('a rather long title', 8)).toBe('a rathe…');
	});
});

describe('circleLayout', () => {
	const c = { x: 100, y: 100 };
	it('puts one node in the centre and two side by side', () => {
		expect(circleLayout(0, c, 50)).toEqual([]);
		expect(circleLayout(1, c, 50)).toEqual([c]);
		expect(circleLayout(2, c, 50)).toEqual([
			{ x: 50, y: 100 },
			{ x: 150, y: 100 }
		]);
	});
	it('starts at the top and goes clockwise, all on the circle', () => {
		const p = circleLayout(4, c, 50);
		expect(p).toEqual([
			{ x: 100, y: 50 },
			{ x: 150, y: 100 },
			{ x: 100, y: 150 },
			{ x: 50, y: 100 }
		]);
		for (const q of circleLayout(7, c, 50)) expect(Math.hypot(q.x - c.x, q.y - c.y)).toBeCloseTo(50);
	});
});

describe('edgeWidth', () => {
	it('runs from 1 to 6 with the busiest edge widest', () => {
		expect(edgeWidth(1, 10)).toBe(1);
		expect(edgeWidth(10, 10)).toBe(6);
		expect(edgeWidth(20, 10)).toBe(6);
		expect(edgeWidth(3, 1)).toBe(1);
		const mid = edgeWidth(5, 10);
		expect(mid).toBeGreaterThan(1);
		expect(mid).toBeLessThan(6);
	});
});

describe('curvedEdge', () => {
	const a = { x: 0, y: 0 };
	const b = { x: 200, y: 0 };
	const parse = (d: string) => d.match(/-?\d+(\.\d+)?/g)!.map(Number);

	it('starts on the source rim and stops gap short of the target rim', () => {
		const [sx, sy, , , ex, ey] = parse(curvedEdge(a, b, { radius: 20, gap: 8 }).d);
		expect(Math.hypot(sx - a.x, sy - a.y)).toBeCloseTo(20, 0);
		expect(Math.hypot(ex - b.x, ey - b.y)).toBeCloseTo(28, 0);
	});
	it('bends opposite edges to opposite sides so they do not overlap', () => {
		const ab = curvedEdge(a, b, { radius: 20 });
		const ba = curvedEdge(b, a, { radius: 20 });
		expect(Math.sign(ab.label.y)).toBe(-Math.sign(ba.label.y));
		expect(Math.abs(ab.label.y - ba.label.y)).toBeGreaterThan(20);
		const [, , , cy1] = parse(ab.d);
		const [, , , cy2] = parse(ba.d);
		expect(cy1).toBeCloseTo(-cy2);
	});
	it('puts the label on the curve midpoint, between the nodes', () => {
		const { label } = curvedEdge(a, b, { radius: 20, bend: 0.2 });
		expect(label.x).toBeCloseTo(100, 0);
		// Halfway to the control point (40 off the line), a little further as the ends sit on the rims.
		expect(Math.abs(label.y)).toBeGreaterThanOrEqual(20);
		expect(Math.abs(label.y)).toBeLessThan(40);
	});
	it('copes with coincident nodes', () => {
		expect(() => curvedEdge(a, a, { radius: 10, gap: 5 })).not.toThrow();
		expect(curvedEdge(a, a, { radius: 10 }).d).not.toMatch(/NaN/);
	});
});

describe('loopEdge', () => {
	it('loops on the side away from the centre', () => {
		const loop = loopEdge({ x: 100, y: 0 }, { x: 0, y: 0 }, { radius: 10, gap: 4 });
		expect(loop.d).not.toMatch(/NaN/);
		expect(loop.label.x).toBeGreaterThan(100);
		expect(loop.label.y).toBeCloseTo(0);
	});
});

describe('nodeLabel', () => {
	const c = { x: 0, y: 0 };
	it('anchors labels outward', () => {
		expect(nodeLabel({ x: 50, y: 0 }, c, 10)).toMatchObject({ x: 60, y: 0, anchor: 'start', baseline: 'middle' });
		expect(nodeLabel({ x: -50, y: 0 }, c, 10)).toMatchObject({ anchor: 'end' });
		expect(nodeLabel({ x: 0, y: -50 }, c, 10)).toMatchObject({ anchor: 'middle', baseline: 'auto', y: -60 });
		expect(nodeLabel({ x: 0, y: 50 }, c, 10)).toMatchObject({ anchor: 'middle', baseline: 'hanging' });
	});
	it('puts a lone centred node label below it', () => {
		expect(nodeLabel(c, c, 10)).toMatchObject({ x: 0, y: 10, baseline: 'hanging' });
	});
});

describe('markers', () => {
	it('cycle through distinct shapes by series position', () => {
		expect(new Set([0, 1, 2, 3, 4, 5].map(markerOf)).size).toBe(6);
		expect(markerOf(6)).toBe(markerOf(0));
	});
	it('are paths centred on the point', () => {
		expect(markerPath('square', 10, 20, 2)).toBe('M8,18 L12,18 L12,22 L8,22 Z');
		expect(markerPath('cross', 0, 0, 1)).toBe('M-1,-1 L1,1 M1,-1 L-1,1');
		for (const shape of MARKERS) expect(markerPath(shape, 5, 5, 3)).toMatch(/^M/);
	});
});
