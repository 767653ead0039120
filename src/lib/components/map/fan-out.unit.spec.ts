import { describe, expect, it } from 'vitest';
import { FAN_GAP_PX, closeGroups, fanOut, ringOffsets, type ScreenPoint } from './fan-out';

const at = (id: string, x: number, y: number): ScreenPoint => ({ id, x, y });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('closeGroups', () => {
	it('groups points within the distance, by chains, and leaves lone points out', () => {
		const groups = closeGroups([at('a', 0, 0), at('far', 100, 100), at('b', 10, 0), at('c', 19, 0), at('d', 200, 0)], 12);
		expect(groups.map((g) => g.map((p) => p.id))).toEqual([['a', 'b', 'c']]);
	});

	it('keeps points exactly a distance apart separate (they touch, they do not hide each other)', () => {
		expect(closeGroups([at('a', 0, 0), at('b', 12, 0)], 12)).toEqual([]);
	});

	it('finds several groups, each in the order of its first member', () => {
		const groups = closeGroups([at('x1', 500, 500), at('a1', 0, 0), at('x2', 502, 501), at('a2', 1, 1), at('a3', 2, 0)], 10);
		expect(groups.map((g) => g.map((p) => p.id))).toEqual([
			['x1', 'x2'],
			['a1', 'a2', 'a3']
		]);
	});
});

describe('ringOffsets', () => {
	it('puts the first at north and spreads the rest evenly clockwise, one spacing out', () => {
		const [north, east, south, west] = ringOffsets(4, 20);
		expect(north!.dx).toBeCloseTo(0);
		expect(north!.dy).toBeCloseTo(-20);
		expect(east!.dx).toBeCloseTo(20);
		expect(south!.dy).toBeCloseTo(20);
		expect(west!.dx).toBeCloseTo(-20);
	});

	it('never puts two symbols closer than the spacing, however many there are', () => {
		for (const n of [2, 3, 6, 7, 13, 30]) {
			const offsets = ringOffsets(n, 20).map((o) => ({ x: o.dx, y: o.dy }));
			expect(offsets).toHaveLength(n);
			for (let i = 0; i < n; i++) {
				expect(distance(offsets[i]!, { x: 0, y: 0 })).toBeGreaterThanOrEqual(20 - 1e-9);
				for (let j = i + 1; j < n; j++) expect(distance(offsets[i]!, offsets[j]!), `${n}: ${i} and ${j}`).toBeGreaterThanOrEqual(20 - 1e-9);
			}
		}
	});

	it('fills an inner ring of six before opening a second one further out', () => {
		const radii = ringOffsets(8, 10).map((o) => Math.round(Math.hypot(o.dx, o.dy)));
		expect(radii).toEqual([10, 10, 10, 10, 10, 10, 20, 20]);
	});
});

describe('fanOut', () => {
	it('spreads boats alongside one quay around their shared point, each a symbol apart, and leaves a boat at sea alone', () => {
		const symbol = 18;
		const groups = fanOut([at('launch', 400, 300), at('cutter', 401, 302), at('tug', 399, 301), at('at-sea', 600, 300)], symbol);
		expect(groups).toHaveLength(1);
		const [g] = groups;
		expect(g!.x).toBeCloseTo(400);
		expect(g!.y).toBeCloseTo(301);
		expect(g!.members.map((m) => m.id)).toEqual(['cutter', 'launch', 'tug']);
		for (const m of g!.members) expect(distance(m, g!)).toBeCloseTo(symbol + FAN_GAP_PX);
		for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(distance(g!.members[i]!, g!.members[j]!)).toBeGreaterThan(symbol + FAN_GAP_PX);
		// Each keeps its true position for the leader line.
		expect(g!.members.find((m) => m.id === 'launch')).toMatchObject({ trueX: 400, trueY: 300 });
	});

	it('keeps a boat in its place on the ring when the group is given in another order', () => {
		const one = fanOut([at('b', 0, 0), at('a', 1, 0)], 18)[0]!.members;
		const two = fanOut([at('a', 1, 0), at('b', 0, 0)], 18)[0]!.members;
		expect(one).toEqual(two);
	});

	it('spreads nothing when the symbols are apart at this zoom', () => {
		expect(fanOut([at('a', 0, 0), at('b', 30, 0)], 18)).toEqual([]);
	});
});
