/**
 * Where the studio's MSEL timeline draws each thing (pure geometry, in pixels): a lane per team holding the injects
 * whose chain starts from a timed inject, at their earliest minute; a lane per play event holding its marker and the
 * injects hanging from it, each after what it hangs from; a last lane for injects that are never released. An inject
 * to several teams is one block, in its lead team's lane (the team that decides, else its first addressee), and a
 * small tag with its number in every other addressee's lane. Things that would overlap in a lane go to a new row.
 */
import type { InjectNode, MselGraph } from './msel-graph';

export interface LayoutOptions {
	pxPerMinute: number;
	/** Room left of minute 0. */
	left: number;
	blockWidth: number;
	markerWidth: number;
	ghostWidth: number;
	rowHeight: number;
	/** Height of a row of tags (the numbers of injects a lane's team also receives), under the lane's blocks. */
	tagHeight: number;
	/** Room at the top of a lane for its name. */
	laneHead: number;
	/** The same for a play event's lane (only the first is named). */
	eventLaneHead: number;
	/** Room at the bottom of a lane. */
	lanePad: number;
	/** Least room between two things in a row. */
	gap: number;
	/** Room right of the last minute. */
	right: number;
}

export type LaneKind = 'team' | 'none' | 'event' | 'unreachable';
export interface Lane {
	key: string;
	kind: LaneKind;
	/** The team of a team lane. */
	team: string | null;
	/** The play event (its node key) of an event lane. */
	event: string | null;
	top: number;
	height: number;
	rows: number;
}

export type ItemKind = 'block' | 'ghost' | 'marker';
export interface Item {
	/** Unique: the node key for a block or marker, `ghost:<index>:<team>` for a tag. */
	key: string;
	/** The graph node it draws. */
	node: string;
	kind: ItemKind;
	lane: string;
	x: number;
	y: number;
	width: number;
	row: number;
}

export interface TimelineLayout {
	lanes: Lane[];
	/** In lane order, then left to right: the order the keyboard reaches them. */
	items: Item[];
	/** The block or marker of each node. */
	byNode: Map<string, Item>;
	width: number;
	height: number;
	/** The last minute the axis shows: the planned end, or a later earliest minute. */
	endMinute: number;
}

export const teamLane = (team: string | null) => `team:${team ?? ''}`;
export const eventLane = (event: string) => `lane:${event}`;
export const UNREACHABLE_LANE = 'unreachable';

/** The layout of `graph` for the teams `teams` (ids, in the order their lanes go). */
export function layoutTimeline(graph: MselGraph, teams: readonly string[], o: LayoutOptions): TimelineLayout {
	const x = (minute: number) => o.left + minute * o.pxPerMinute;
	const known = new Set(teams);
	const placed: Item[] = [];
	const byNode = new Map<string, Item>();
	const add = (item: Omit<Item, 'y' | 'row'>) => {
		const full = { ...item, y: 0, row: 0 };
		placed.push(full);
		if (item.kind !== 'ghost') byNode.set(item.node, full);
		return full;
	};

	const reachable = graph.injects.filter((n) => n.reachable && n.earliest !== null);
	const laneOf = (n: InjectNode) => (n.root?.startsWith('event:') ? eventLane(n.root) : teamLane(n.lane !== null && known.has(n.lane) ? n.lane : null));

	// Team lanes: each block at its earliest minute; a tag in every other addressee's lane.
	for (const n of reachable) {
		if (n.root?.startsWith('event:')) continue;
		add({ key: n.key, node: n.key, kind: 'block', lane: laneOf(n), x: x(n.earliest!), width: o.blockWidth });
		const others = [...new Set(n.to)].filter((t) => t !== n.lane && known.has(t));
		for (const t of others) add({ key: `ghost:${n.index}:${t}`, node: n.key, kind: 'ghost', lane: teamLane(t), x: x(n.earliest!), width: o.ghostWidth });
	}

	// Event lanes: the marker at the event's first minute, each inject after what it hangs from (sources first).
	const eventsUsed = graph.events.filter((e) => reachable.some((n) => n.root === e.key));
	for (const e of eventsUsed) add({ key: e.key, node: e.key, kind: 'marker', lane: eventLane(e.key), x: x(e.earliest), width: o.markerWidth });
	const hanging = reachable.filter((n) => n.root?.startsWith('event:')).sort((a, b) => a.depth - b.depth || a.earliest! - b.earliest! || a.index - b.index);
	for (const n of hanging) {
		const source = n.source ? byNode.get(n.source) : undefined;
		const after = source ? source.x + source.width + o.gap : 0;
		add({ key: n.key, node: n.key, kind: 'block', lane: laneOf(n), x: Math.max(x(n.earliest!), after), width: o.blockWidth });
	}

	const lastMinute = Math.max(graph.durationMinutes ?? 0, ...reachable.map((n) => n.earliest!), ...eventsUsed.map((e) => e.earliest), 1);
	const timeWidth = x(lastMinute) + o.blockWidth + o.right;
	const contentWidth = Math.max(timeWidth, ...placed.map((i) => i.x + i.width + o.right));

	// Never released: side by side in a lane of their own, wrapped to the width the rest takes.
	const unreachable = graph.injects.filter((n) => !n.reachable);
	const perRow = Math.max(1, Math.floor((contentWidth - o.left - o.right + o.gap) / (o.blockWidth + o.gap)));
	unreachable.forEach((n, k) => {
		const item = add({
			key: n.key,
			node: n.key,
			kind: 'block',
			lane: UNREACHABLE_LANE,
			x: o.left + (k % perRow) * (o.blockWidth + o.gap),
			width: o.blockWidth
		});
		item.row = Math.floor(k / perRow);
	});

	// Lanes in order, each as tall as its rows; things packed into the first row they fit.
	const laneKeys: { key: string; kind: LaneKind; team: string | null; event: string | null }[] = [
		...teams.map((t) => ({ key: teamLane(t), kind: 'team' as const, team: t, event: null })),
		...(placed.some((i) => i.lane === teamLane(null)) ? [{ key: teamLane(null), kind: 'none' as const, team: null, event: null }] : []),
		...eventsUsed.map((e) => ({ key: eventLane(e.key), kind: 'event' as const, team: null, event: e.key })),
		...(unreachable.length > 0 ? [{ key: UNREACHABLE_LANE, kind: 'unreachable' as const, team: null, event: null }] : [])
	];
	const lanes: Lane[] = [];
	const ordered: Item[] = [];
	let top = 0;
	for (const lane of laneKeys) {
		const items = placed.filter((i) => i.lane === lane.key);
		if (lane.kind !== 'unreachable') {
			// Blocks and markers in rows, left to right; the tags in rows of their own below them.
			for (const tags of [false, true]) {
				const ends: number[] = [];
				const these = items
					.filter((i) => (i.kind === 'ghost') === tags)
					.sort((a, b) => (a.kind === 'marker' ? 0 : 1) - (b.kind === 'marker' ? 0 : 1) || a.x - b.x);
				for (const item of these) {
					let row = ends.findIndex((end) => end + o.gap <= item.x);
					if (row < 0) row = ends.push(0) - 1;
					ends[row] = item.x + item.width;
					item.row = row;
				}
			}
		}
		const blockRows = Math.max(0, ...items.filter((i) => i.kind !== 'ghost').map((i) => i.row + 1));
		const tagRows = Math.max(0, ...items.filter((i) => i.kind === 'ghost').map((i) => i.row + 1));
		const rows = Math.max(1, blockRows) + tagRows;
		const head = lane.kind === 'event' && lane.key !== eventLane(eventsUsed[0]?.key ?? '') ? o.eventLaneHead : o.laneHead;
		const height = head + Math.max(1, blockRows) * o.rowHeight + tagRows * o.tagHeight + o.lanePad;
		for (const item of items) item.y = top + head + (item.kind === 'ghost' ? blockRows * o.rowHeight + item.row * o.tagHeight : item.row * o.rowHeight);
		items.sort((a, b) => a.x - b.x || a.row - b.row);
		ordered.push(...items);
		lanes.push({ ...lane, top, height, rows });
		top += height;
	}
	return { lanes, items: ordered, byNode, width: contentWidth, height: top, endMinute: lastMinute };
}

/** Minutes between axis ticks so that ticks stand at least `minPx` apart. */
export function tickStep(pxPerMinute: number, minPx = 64): number {
	const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360];
	return steps.find((s) => s * pxPerMinute >= minPx) ?? 720;
}
