/**
 * The rows of the studio's MSEL table (pure): one per inject of the draft, with what its cells show, and the table's
 * sort (by time, number, team, channel or title, either way) and filters (team, channel, objective, a time range).
 * A triggered inject sorts and filters by the earliest minute it can go out (from the MSEL graph); one that can never
 * go out sorts last by time and is left out by a time range.
 */
import type { MselGraph } from './msel-graph';

export interface MselRow {
	index: number;
	id: string;
	number: number;
	/** Its release minute (a timed inject). */
	at: number | null;
	/** It waits on a trigger rather than a minute. */
	triggered: boolean;
	/** The earliest minute it can go out (its minute when timed); null when it never can. */
	earliest: number | null;
	channel: string;
	from: string;
	to: string[];
	title: string;
	objectives: string[];
	/** Options of its decision (null: it asks none). */
	options: number | null;
	reachable: boolean;
}

export const SORT_KEYS = ['number', 'time', 'team', 'channel', 'title'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortOrder {
	key: SortKey;
	descending: boolean;
}

export interface MselFilter {
	team: string | null;
	channel: string | null;
	objective: string | null;
	/** Earliest minute shown (inclusive). */
	from: number | null;
	/** Latest minute shown (inclusive). */
	to: number | null;
}
export const NO_FILTER: MselFilter = { team: null, channel: null, objective: null, from: null, to: null };

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const stringsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** One row per inject of the draft's raw `injects`, its minutes from `graph` (made from the same data). */
export function mselRows(injects: unknown, graph: MselGraph): MselRow[] {
	return (Array.isArray(injects) ? injects : []).map((raw, index) => {
		const r = isObject(raw) ? raw : {};
		const node = graph.injects[index];
		const at = typeof r.at === 'number' && Number.isFinite(r.at) ? r.at : null;
		return {
			index,
			id: typeof r.id === 'string' ? r.id : '',
			number: typeof r.number === 'number' ? r.number : index + 1,
			at,
			triggered: at === null && r.trigger !== undefined,
			earliest: node?.earliest ?? at,
			channel: textOf(r.channel),
			from: textOf(r.from),
			to: stringsOf(r.to),
			title: textOf(r.title),
			objectives: stringsOf(r.objectives),
			options: isObject(r.decision) ? (Array.isArray(r.decision.options) ? r.decision.options.length : 0) : null,
			reachable: node?.reachable ?? true
		};
	});
}

/** How rows are compared by words: team and channel names in the reader's language, and their collation. */
export interface SortWords {
	team: (id: string) => string;
	channel: (channel: string) => string;
	locale?: string;
}

/** The rows in `order`; ties keep MSEL order. Empty values (no minute, no team, no title) go last either way. */
export function sortRows(rows: readonly MselRow[], order: SortOrder, words: SortWords): MselRow[] {
	const collator = new Intl.Collator(words.locale, { sensitivity: 'base', numeric: true });
	const sign = order.descending ? -1 : 1;
	const value = (r: MselRow): number | string | null => {
		switch (order.key) {
			case 'number':
				return r.number;
			case 'time':
				return r.earliest;
			case 'team':
				return r.to.length > 0 ? words.team(r.to[0]!) : null;
			case 'channel':
				return r.channel ? words.channel(r.channel) : null;
			case 'title':
				return r.title || null;
		}
	};
	const keyed = rows.map((r) => ({ r, v: value(r) }));
	keyed.sort((a, b) => {
		if (a.v === null || b.v === null) return a.v === b.v ? a.r.index - b.r.index : a.v === null ? 1 : -1;
		const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
		if (c !== 0) return sign * c;
		// Same minute: by number, then MSEL order (the same way up whichever way the column is sorted).
		return order.key === 'time' && a.r.number !== b.r.number ? a.r.number - b.r.number : a.r.index - b.r.index;
	});
	return keyed.map((k) => k.r);
}

/** Whether any filter is set. */
export const filtering = (f: MselFilter): boolean => f.team !== null || f.channel !== null || f.objective !== null || f.from !== null || f.to !== null;

/** The rows that pass every filter set. */
export function filterRows(rows: readonly MselRow[], f: MselFilter): MselRow[] {
	return rows.filter(
		(r) =>
			(f.team === null || r.to.includes(f.team)) &&
			(f.channel === null || r.channel === f.channel) &&
			(f.objective === null || r.objectives.includes(f.objective)) &&
			(f.from === null || (r.earliest !== null && r.earliest >= f.from)) &&
			(f.to === null || (r.earliest !== null && r.earliest <= f.to))
	);
}
