/**
 * Vessels that would hide each other, fanned out (pure: screen pixels in, screen pixels out; no MapLibre).
 *
 * Vessel symbols are drawn even when they overlap (none may ever be dropped), so boats alongside one quay
 * would draw on top of each other and a reader would see one. Here the symbols that lie within about a
 * symbol's size of each other at the current zoom form a group (chains count: A near B near C is one group),
 * and the group is spread on a ring around its shared point, the first one at north and the rest clockwise.
 * The map draws a thin leader line from each spread symbol back to its true position and a small mark at
 * the shared point, so every boat is seen, can be clicked, and the reader knows where they really are.
 *
 * Why a ring that is always open rather than a count badge that opens on a click: an operations room reads
 * the picture at a glance — which boats are in, their colours, their headings, the suspect among them —
 * and a badge hides exactly that until someone thinks to click it. The ring stays small (one symbol's
 * width from the shared point) and closes by itself as soon as one zooms in far enough to see them apart.
 */

export interface ScreenPoint {
	id: string;
	x: number;
	y: number;
}

export interface Spread {
	id: string;
	/** Where the symbol is drawn, in screen pixels. */
	x: number;
	y: number;
	/** Its true position, in screen pixels. */
	trueX: number;
	trueY: number;
}

export interface FanGroup {
	/** The shared point the group is spread around (the middle of its true positions). */
	x: number;
	y: number;
	members: Spread[];
}

/** Space between two spread symbols, in pixels, on top of the symbol's own size. */
export const FAN_GAP_PX = 4;

/**
 * Groups of points that lie within `within` pixels of each other, by chains (single linkage). Points alone
 * are left out. Members keep the order they were given in; groups come in the order of their first member.
 */
export function closeGroups(points: readonly ScreenPoint[], within: number): ScreenPoint[][] {
	const parent = points.map((_, i) => i);
	const root = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
		return i;
	};
	const limit = within * within;
	for (let i = 0; i < points.length; i++)
		for (let j = i + 1; j < points.length; j++) {
			const dx = points[i]!.x - points[j]!.x;
			const dy = points[i]!.y - points[j]!.y;
			if (dx * dx + dy * dy < limit) parent[root(j)] = root(i);
		}
	const byRoot = new Map<number, ScreenPoint[]>();
	points.forEach((p, i) => {
		const r = root(i);
		const list = byRoot.get(r);
		if (list) list.push(p);
		else byRoot.set(r, [p]);
	});
	return [...byRoot.values()].filter((g) => g.length > 1);
}

/**
 * Offsets from a shared point for `count` symbols `spacing` pixels apart: rings one spacing apart, the first
 * one spacing out (six fit on it), each ring holding what its circumference allows and the last one sharing
 * its room evenly. The first symbol of each ring is at north (screen up), the rest clockwise.
 */
export function ringOffsets(count: number, spacing: number): { dx: number; dy: number }[] {
	const out: { dx: number; dy: number }[] = [];
	for (let ring = 1; out.length < count; ring++) {
		const radius = ring * spacing;
		const room = Math.max(1, Math.floor((2 * Math.PI * radius) / spacing));
		const here = Math.min(room, count - out.length);
		for (let k = 0; k < here; k++) {
			const angle = (2 * Math.PI * k) / here;
			out.push({ dx: radius * Math.sin(angle), dy: -radius * Math.cos(angle) });
		}
	}
	return out;
}

/**
 * The groups of symbols `symbolPx` wide that would overlap, each spread on rings around the middle of its
 * true positions. Members are ordered by id, so a boat keeps its place on the ring while the others move.
 * Symbols that overlap nothing are not in the answer: they stay where they are.
 */
export function fanOut(points: readonly ScreenPoint[], symbolPx: number): FanGroup[] {
	return closeGroups(points, symbolPx).map((group) => {
		const x = group.reduce((s, p) => s + p.x, 0) / group.length;
		const y = group.reduce((s, p) => s + p.y, 0) / group.length;
		const sorted = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		const offsets = ringOffsets(sorted.length, symbolPx + FAN_GAP_PX);
		return {
			x,
			y,
			members: sorted.map((p, i) => ({ id: p.id, x: x + offsets[i]!.dx, y: y + offsets[i]!.dy, trueX: p.x, trueY: p.y }))
		};
	});
}
