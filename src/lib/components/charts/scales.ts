/**
 * Pure geometry for the review charts (ScoreChart, LatencyChart,
 * SharingGraph): scales, tick generation, stepped lines, team colours and the
 * curved arrows of the sharing graph. No DOM, no Svelte, so it is unit-tested
 * on its own (`scales.unit.spec.ts`).
 */
import { MINUTE } from '$lib/engine/exercise/clock';

export interface Point {
	x: number;
	y: number;
}

/* ------------------------------------------------------------------ scales */

/**
 * A linear map from `domain` to `range`. A zero-width domain maps everything
 * to the start of the range; with `clamp`, values outside the domain are held
 * at its ends.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number], clamp = false): (v: number) => number {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	const span = d1 - d0;
	return (v: number) => {
		if (span === 0 || !Number.isFinite(v)) return r0;
		let t = (v - d0) / span;
		if (clamp) t = Math.min(1, Math.max(0, t));
		return r0 + t * (r1 - r0);
	};
}

/** Removes floating-point noise (0.30000000000000004 → 0.3). */
const tidy = (n: number) => Number(n.toPrecision(12));

/**
 * "Nice" ticks for a linear axis from 0 to at least `max`: a step of 1, 2, 2.5
 * or 5 × 10ⁿ giving about `count` intervals. `max` is the rounded-up end.
 */
export function niceTicks(max: number, count = 5): { step: number; max: number; ticks: number[] } {
	const top = Number.isFinite(max) && max > 0 ? max : 1;
	const intervals = Math.max(1, Math.round(count));
	const rough = top / intervals;
	const magnitude = 10 ** Math.floor(Math.log10(rough));
	const norm = rough / magnitude;
	const factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
	const step = tidy(factor * magnitude);
	const end = tidy(Math.ceil(tidy(top / step)) * step);
	const ticks: number[] = [];
	for (let i = 0; tidy(i * step) <= end; i++) ticks.push(tidy(i * step));
	return { step, max: end, ticks };
}

/** Steps an exercise-time axis may use, in ms: round seconds, minutes and hours. */
export const TIME_STEPS: readonly number[] = [10_000, 15_000, 30_000, ...[1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440].map((m) => m * MINUTE)];

/**
 * Ticks (exercise ms) for a time axis from 0 to `endAt`: the smallest round
 * step giving at most `count` intervals, so about `count` ticks. Ticks never
 * pass `endAt`; the axis itself is not stretched.
 */
export function timeTicks(endAt: number, count = 5): number[] {
	const end = Number.isFinite(endAt) && endAt > 0 ? endAt : 0;
	if (end === 0) return [0];
	const intervals = Math.max(1, Math.round(count));
	let step = TIME_STEPS.find((s) => end / s <= intervals);
	if (step === undefined) {
		// Longer than the table covers: whole multiples of a day.
		const day = TIME_STEPS[TIME_STEPS.length - 1];
		step = Math.ceil(end / intervals / day) * day;
	}
	const ticks: number[] = [];
	for (let t = 0; t <= end; t += step) ticks.push(t);
	return ticks;
}

/* ----------------------------------------------------------- stepped lines */

/**
 * The vertices of a step line: each value holds until the next point, the
 * last one until `endX`. Points are taken in x order (ties keep their order).
 */
export function stepPoints(points: readonly Point[], endX: number): Point[] {
	const sorted = points
		.map((p, i) => ({ p, i }))
		.sort((a, b) => a.p.x - b.p.x || a.i - b.i)
		.map(({ p }) => p);
	const out: Point[] = [];
	sorted.forEach((p, i) => {
		out.push({ x: p.x, y: p.y });
		const next = sorted[i + 1];
		if (next) {
			if (next.x !== p.x) out.push({ x: next.x, y: p.y });
		} else if (endX > p.x) out.push({ x: endX, y: p.y });
	});
	return out;
}

/** SVG `points` attribute for a polyline, rounded to 0.1 units. */
export function pointsAttr(points: readonly Point[]): string {
	return points.map((p) => `${round1(p.x)},${round1(p.y)}`).join(' ');
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export interface StepRow {
	at: number;
	/** Each series' value at `at` (its latest point at or before it), by series order; null before its first. */
	values: (number | null)[];
}

/**
 * A step-series table: one row per distinct time, every series' held value
 * at that time. Several points at one time keep the last.
 */
export function stepTable(series: readonly (readonly { at: number; value: number | null }[])[]): StepRow[] {
	const times = [...new Set(series.flatMap((s) => s.map((p) => p.at)))].sort((a, b) => a - b);
	const sorted = series.map((s) => [...s].sort((a, b) => a.at - b.at));
	const cursor = sorted.map(() => 0);
	const held: (number | null)[] = sorted.map(() => null);
	return times.map((at) => {
		sorted.forEach((s, i) => {
			while (cursor[i] < s.length && s[cursor[i]].at <= at) held[i] = s[cursor[i]++].value;
		});
		return { at, values: [...held] };
	});
}

/* ------------------------------------------------------------------ teams */

/** Fallback colours (Okabe–Ito, darkened for contrast on white). */
export const PALETTE: readonly string[] = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#b58900', '#56b4e9', '#6a3d9a', '#8c564b', '#e69f00', '#444444'];

/** Dash patterns cycled alongside colours so lines differ without colour. */
export const DASHES: readonly (string | undefined)[] = [undefined, '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

const HEX = /^#[0-9a-fA-F]{6}$/;

export interface TeamInfo {
	id: string;
	name: string;
	color?: string;
}

export interface ChartTeam {
	id: string;
	name: string;
	color: string;
	/** Position in the scenario's team list (unknown teams after the known ones): drives fallback colour and dash. */
	index: number;
	dash: string | undefined;
}

/**
 * The teams a chart draws, in scenario order, then any ids found only in the
 * data (named by id). Colours: the team's own `#rrggbb`, else the palette by
 * position, so a team keeps its colour across charts.
 */
export function chartTeams(teams: readonly TeamInfo[], ids: Iterable<string>): ChartTeam[] {
	const out: ChartTeam[] = [];
	const seen = new Set<string>();
	const add = (id: string, name: string, color: string | undefined) => {
		if (seen.has(id)) return;
		seen.add(id);
		const index = out.length;
		out.push({ id, name, color: color && HEX.test(color) ? color : PALETTE[index % PALETTE.length], index, dash: DASHES[index % DASHES.length] });
	};
	for (const t of teams) add(t.id, t.name || t.id, t.color);
	for (const id of ids) add(id, id, undefined);
	return out;
}

/* ------------------------------------------------------------------ numbers */

export function mean(values: readonly number[]): number | null {
	return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Cuts `text` to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/* ---------------------------------------------------------- sharing graph */

/**
 * `n` points evenly on a circle, the first at the top, clockwise; one point
 * sits at the centre and two sit left and right (so their labels fit).
 */
export function circleLayout(n: number, center: Point, radius: number): Point[] {
	if (n <= 0) return [];
	if (n === 1) return [{ ...center }];
	const start = n === 2 ? Math.PI : -Math.PI / 2;
	return Array.from({ length: n }, (_, i) => {
		const a = start + (i * 2 * Math.PI) / n;
		return { x: tidy(center.x + radius * Math.cos(a)), y: tidy(center.y + radius * Math.sin(a)) };
	});
}

/** Stroke width 1–6 by message count, the busiest edge widest. */
export function edgeWidth(messages: number, maxMessages: number): number {
	if (maxMessages <= 1 || messages <= 1) return 1;
	return round1(1 + (5 * (Math.min(messages, maxMessages) - 1)) / (maxMessages - 1));
}

export interface CurvedEdge {
	/** SVG path data. */
	d: string;
	/** Where the edge's label goes (the curve's midpoint). */
	label: Point;
}

const unit = (dx: number, dy: number): Point => {
	const len = Math.hypot(dx, dy);
	return len === 0 ? { x: 0, y: -1 } : { x: dx / len, y: dy / len };
};

/**
 * A quadratic curve from the rim of the node at `from` to `gap` short of the
 * rim of the node at `to` (room for an arrowhead). It bends to the left of
 * its direction by `bend` × the distance between centres, so the edges A→B
 * and B→A curve to opposite sides and never overlap.
 */
export function curvedEdge(from: Point, to: Point, opts: { radius: number; gap?: number; bend?: number }): CurvedEdge {
	const { radius, gap = 0, bend = 0.15 } = opts;
	const dx = to.x - from.x;
	const dy = to.y - from.y;
	const len = Math.hypot(dx, dy);
	// Left-hand normal of the direction of travel (screen coordinates, y down).
	const control = { x: (from.x + to.x) / 2 + dy * bend, y: (from.y + to.y) / 2 - dx * bend };
	const out = unit(control.x - from.x, control.y - from.y);
	const back = unit(control.x - to.x, control.y - to.y);
	const trimEnd = Math.min(radius + gap, Math.max(0, len - radius));
	const start = { x: from.x + out.x * radius, y: from.y + out.y * radius };
	const end = { x: to.x + back.x * trimEnd, y: to.y + back.y * trimEnd };
	const label = {
		x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
		y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y
	};
	return {
		d: `M${round1(start.x)},${round1(start.y)} Q${round1(control.x)},${round1(control.y)} ${round1(end.x)},${round1(end.y)}`,
		label: { x: round1(label.x), y: round1(label.y) }
	};
}

/**
 * A loop for a team messaging itself: leaves and re-enters the node on the
 * side away from `center` (the middle of the layout).
 */
export function loopEdge(node: Point, center: Point, opts: { radius: number; gap?: number }): CurvedEdge {
	const { radius, gap = 0 } = opts;
	const u = unit(node.x - center.x, node.y - center.y);
	const rot = (a: number): Point => ({ x: u.x * Math.cos(a) - u.y * Math.sin(a), y: u.x * Math.sin(a) + u.y * Math.cos(a) });
	const a = rot(-0.45);
	const b = rot(0.45);
	const ca = rot(-0.6);
	const cb = rot(0.6);
	const reach = radius * 3.2;
	const start = { x: node.x + a.x * radius, y: node.y + a.y * radius };
	const end = { x: node.x + b.x * (radius + gap), y: node.y + b.y * (radius + gap) };
	const c1 = { x: node.x + ca.x * reach, y: node.y + ca.y * reach };
	const c2 = { x: node.x + cb.x * reach, y: node.y + cb.y * reach };
	const p = (n: number) => round1(n);
	return {
		d: `M${p(start.x)},${p(start.y)} C${p(c1.x)},${p(c1.y)} ${p(c2.x)},${p(c2.y)} ${p(end.x)},${p(end.y)}`,
		label: { x: p(node.x + u.x * radius * 2.7), y: p(node.y + u.y * radius * 2.7) }
	};
}

export type TextAnchor = 'start' | 'middle' | 'end';
export type Baseline = 'auto' | 'middle' | 'hanging';

/**
 * Where a node's name goes: just outside the node, away from the layout's
 * centre, anchored so the text runs outward rather than over the node.
 */
export function nodeLabel(node: Point, center: Point, distance: number): { x: number; y: number; anchor: TextAnchor; baseline: Baseline } {
	const u = node.x === center.x && node.y === center.y ? { x: 0, y: 1 } : unit(node.x - center.x, node.y - center.y);
	return {
		x: round1(node.x + u.x * distance),
		y: round1(node.y + u.y * distance),
		anchor: u.x > 0.35 ? 'start' : u.x < -0.35 ? 'end' : 'middle',
		baseline: u.y > 0.35 ? 'hanging' : u.y < -0.35 ? 'auto' : 'middle'
	};
}

/* ----------------------------------------------------------------- markers */

/** Marker shapes cycled with colours and dashes, so each series reads without colour even where lines overlap. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down'] as const;
export type Marker = (typeof MARKERS)[number];

/** The marker of the series at `index`. */
export const markerOf = (index: number): Marker => MARKERS[index % MARKERS.length]!;

/** SVG path data for a marker of half-size `r` centred on (x, y). */
export function markerPath(shape: Marker, x: number, y: number, r: number): string {
	const p = (dx: number, dy: number) => `${round1(x + dx)},${round1(y + dy)}`;
	switch (shape) {
		case 'circle':
			return `M${p(-r, 0)} A${r},${r} 0 1 0 ${p(r, 0)} A${r},${r} 0 1 0 ${p(-r, 0)} Z`;
		case 'square':
			return `M${p(-r, -r)} L${p(r, -r)} L${p(r, r)} L${p(-r, r)} Z`;
		case 'triangle':
			return `M${p(0, -r * 1.2)} L${p(r * 1.1, r * 0.8)} L${p(-r * 1.1, r * 0.8)} Z`;
		case 'triangle-down':
			return `M${p(0, r * 1.2)} L${p(r * 1.1, -r * 0.8)} L${p(-r * 1.1, -r * 0.8)} Z`;
		case 'diamond':
			return `M${p(0, -r * 1.3)} L${p(r * 1.3, 0)} L${p(0, r * 1.3)} L${p(-r * 1.3, 0)} Z`;
		case 'cross':
			return `M${p(-r, -r)} L${p(r, r)} M${p(r, -r)} L${p(-r, r)}`;
	}
}
