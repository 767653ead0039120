/**
 * The MSEL as a graph (pure), for the studio's timeline and table: every inject a node, every play event that
 * releases injects (an entity entering an area, an intercept, a detection, an alert, a message) a node of its own,
 * and an edge from what triggers an inject to the inject — labelled with the option chosen, "any answer", "missed"
 * or the event. Each inject gets the earliest exercise minute it can go out (its own minute, or its source's plus
 * the wait and the delay), and every inject that can never go out is marked with why: no minute and no trigger, a
 * trigger on an inject or option that is not there, on a decision an inject does not ask, a chain that loops, or a
 * source that is itself never released. Read from the draft's raw data: any field may be missing or wrong.
 */

/** Why an inject can never be released. */
export type UnreachableReason =
	/** Neither a minute nor a trigger. */
	| 'no-timing'
	/** A trigger of no known kind. */
	| 'unknown-trigger'
	/** Waits on an inject the MSEL does not have. */
	| 'missing-source'
	/** Waits on an answer to an inject that asks no decision. */
	| 'no-decision'
	/** Waits on an option the watched decision does not have. */
	| 'unknown-option'
	/** Waits on a missed deadline or hand-off of an inject that has neither. */
	| 'nothing-to-miss'
	/** Waits on a team's answer (or miss) where that team does not decide (or receive) the watched inject. */
	| 'team-not-involved'
	/** A play event naming an entity, area or team the scenario does not have. */
	| 'unknown-thing'
	/** Waits, through a chain, on itself. */
	| 'cycle'
	/** Waits on an inject that is itself never released. */
	| 'source-unreachable';

/** The kinds of play event a trigger may wait on. */
export const PLAY_EVENT_KINDS = ['message', 'area', 'intercept', 'detected', 'alert'] as const;
export type PlayEventKind = (typeof PLAY_EVENT_KINDS)[number];

export interface InjectNode {
	kind: 'inject';
	/** `inject:<index>`: unique even while two injects share an id. */
	key: string;
	index: number;
	id: string;
	/** Its own number, else its place in the list. */
	number: number;
	title: string;
	/** Its addressees (team ids, as written). */
	to: string[];
	/** The team whose lane shows it: the first deciding team, else the first addressee (null: none known). */
	lane: string | null;
	/** Its release minute, for a timed inject. */
	at: number | null;
	/** The earliest minute it can go out; null when it never can. */
	earliest: number | null;
	/** `earliest` is its scheduled minute (timed), not a lower bound that depends on play. */
	exact: boolean;
	/** The earliest minute is after the scenario's planned end. */
	late: boolean;
	reachable: boolean;
	reason: UnreachableReason | null;
	/** Key of the node it hangs from (an inject or a play event); null for a timed inject or a broken trigger. */
	source: string | null;
	/** Key of the node its chain starts from: a timed inject, a play event, or null when it never starts. */
	root: string | null;
	/** How many edges from its root. */
	depth: number;
	/** It asks a decision, with this many options (null: no decision). */
	options: number | null;
}

export interface EventNode {
	kind: 'event';
	/** `event:<the trigger without its delay, as sorted JSON>`: one node for every inject waiting on the same event. */
	key: string;
	event: PlayEventKind;
	/** The trigger as written, with its delay set to 0 (to be worded). */
	trigger: Record<string, unknown>;
	/** The first minute it can happen: when its entity first appears, a boat's distress minute, else 0. */
	earliest: number;
}

export type MselNode = InjectNode | EventNode;

export type EdgeKind = 'option' | 'answer' | 'missed' | 'event';

export interface MselEdge {
	from: string;
	to: string;
	/** `option`: a chosen option; `answer`: any answer; `missed`: a missed deadline or hand-off; `event`: a play event. */
	kind: EdgeKind;
	/** The option chosen (`option` edges). */
	option: string | null;
	/** The option's label as the scenario writes it. */
	label: string | null;
	/** Only this team's answer or miss counts. */
	team: string | null;
	delayMinutes: number;
}

export interface MselGraph {
	/** Injects in MSEL order (`injects[i]` is the inject at index i), then play events in order of first use. */
	nodes: MselNode[];
	injects: InjectNode[];
	events: EventNode[];
	edges: MselEdge[];
	/** Injects that can never go out, in MSEL order. */
	unreachable: InjectNode[];
	/** The scenario's planned length, minutes (null when not set). */
	durationMinutes: number | null;
}

/** The raw scenario fields the graph reads (a draft's data, or a parsed scenario). */
export interface GraphInput {
	durationMinutes?: unknown;
	teams?: unknown;
	entities?: unknown;
	areas?: unknown;
	injects?: unknown;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const minuteOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
const idsOf = (list: unknown): Set<string> => new Set(listOf(list).flatMap((x) => (isObject(x) && typeof x.id === 'string' ? [x.id] : [])));
const stringsOf = (v: unknown): string[] => listOf(v).filter((x): x is string => typeof x === 'string');

/** The kind of a raw trigger, by the key that names it (null: none known). */
export function triggerKind(trigger: unknown): 'decision' | 'missed' | PlayEventKind | null {
	if (!isObject(trigger)) return null;
	if (typeof trigger.decision === 'string') return 'decision';
	if (typeof trigger.missed === 'string') return 'missed';
	return PLAY_EVENT_KINDS.find((k) => isObject(trigger[k])) ?? null;
}

/** JSON with sorted keys, so the same event written in another key order is one node. */
function stableJson(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
	if (isObject(v))
		return `{${Object.keys(v)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
			.join(',')}}`;
	return JSON.stringify(v) ?? 'null';
}

/** The teams that decide an inject's decision (its own list, else its addressees). */
function decidersOf(inject: Raw): string[] {
	const d = isObject(inject.decision) ? inject.decision : null;
	if (!d) return [];
	const teams = stringsOf(d.teams);
	return teams.length > 0 ? teams : stringsOf(inject.to);
}

/**
 * How long after its release a missed trigger on `watched` can fire at the earliest (for `team`, or any team): its
 * decision's deadline, or the shortest hand-off window; null when nothing can be missed.
 */
function missWait(watched: Raw, team: string | null): number | null {
	const waits: number[] = [];
	const d = isObject(watched.decision) ? watched.decision : null;
	const deadline = d ? minuteOf(d.deadlineMinutes) : null;
	if (d && (team === null || decidersOf(watched).includes(team))) waits.push(deadline ?? 0);
	for (const share of listOf(watched.shareWith)) {
		if (!isObject(share)) continue;
		if (team !== null && !stringsOf(watched.to).includes(team)) continue;
		waits.push(minuteOf(share.withinMinutes) ?? 0);
	}
	return waits.length > 0 ? Math.min(...waits) : null;
}

/** What a play event names that the scenario must have: false when one of them is not there. */
function eventRefsKnown(kind: PlayEventKind, e: Raw, known: { teams: Set<string>; entities: Set<string>; areas: Set<string> }): boolean {
	const team = (v: unknown, optional = true) => (v === undefined && optional) || (typeof v === 'string' && known.teams.has(v));
	const entity = (v: unknown, optional = false) => (v === undefined && optional) || (typeof v === 'string' && known.entities.has(v));
	switch (kind) {
		case 'message':
			return team(e.from, false) && (e.to === undefined || e.to === 'exercise-control' || team(e.to));
		case 'area':
			return entity(e.entity) && typeof e.area === 'string' && known.areas.has(e.area);
		case 'intercept':
			return entity(e.target) && team(e.team);
		case 'detected':
			return entity(e.contact) && team(e.team);
		case 'alert':
			return typeof e.type === 'string' && entity(e.entity, true);
	}
}

/** The entity a play event is about, if any. */
function eventEntity(kind: PlayEventKind, e: Raw): string | null {
	const v = kind === 'area' ? e.entity : kind === 'intercept' ? e.target : kind === 'detected' ? e.contact : kind === 'alert' ? e.entity : undefined;
	return typeof v === 'string' ? v : null;
}

/** The first minute a play event can happen: its entity's first track point, or a boat's distress minute for a distress alert. */
function eventEarliest(kind: PlayEventKind, e: Raw, entities: Map<string, Raw>): number {
	const id = eventEntity(kind, e);
	const entity = id ? entities.get(id) : undefined;
	if (!entity) return 0;
	const first = listOf(entity.track).find(isObject);
	const appears = first ? (minuteOf(first.at) ?? 0) : 0;
	if (kind === 'alert' && e.type === 'distress') {
		const distress = minuteOf(entity.distressAt);
		if (distress !== null) return Math.max(appears, distress);
	}
	return appears;
}

/** The MSEL's graph: nodes, edges, earliest minutes and the injects that can never go out. */
export function mselGraph(data: GraphInput): MselGraph {
	const raws = listOf(data.injects).map((x) => (isObject(x) ? x : {}));
	const teams = idsOf(data.teams);
	const entityList = listOf(data.entities).filter(isObject);
	const entities = new Map(entityList.flatMap((e) => (typeof e.id === 'string' ? [[e.id, e] as const] : [])));
	const known = { teams, entities: new Set(entities.keys()), areas: idsOf(data.areas) };
	const duration = minuteOf(data.durationMinutes);
	/** The first inject with each id (the check resolves a duplicate to the first). */
	const byId = new Map<string, number>();
	raws.forEach((r, i) => {
		if (typeof r.id === 'string' && !byId.has(r.id)) byId.set(r.id, i);
	});

	const events = new Map<string, EventNode>();
	const edges: MselEdge[] = [];
	/** For each inject: the inject it waits on (index), its own defect, and its wait after the source. */
	const plan = raws.map((r, i) => {
		const at = minuteOf(r.at);
		const t = r.trigger;
		const out = { sourceIndex: null as number | null, event: null as EventNode | null, defect: null as UnreachableReason | null, wait: 0 };
		if (at !== null) return out;
		if (t === undefined || t === null) return { ...out, defect: 'no-timing' as const };
		const kind = triggerKind(t);
		if (!kind || !isObject(t)) return { ...out, defect: 'unknown-trigger' as const };
		const delay = minuteOf(t.delayMinutes) ?? 0;
		const team = typeof t.team === 'string' ? t.team : null;
		const key = `inject:${i}`;
		if (kind === 'decision' || kind === 'missed') {
			const watchedId = kind === 'decision' ? (t.decision as string) : (t.missed as string);
			const s = byId.get(watchedId);
			if (s === undefined) return { ...out, defect: 'missing-source' as const };
			const watched = raws[s]!;
			const from = `inject:${s}`;
			if (kind === 'decision') {
				const d = isObject(watched.decision) ? watched.decision : null;
				const option = typeof t.option === 'string' ? t.option : null;
				const chosen = option === null ? null : listOf(d?.options).find((o) => isObject(o) && o.id === option);
				const label = isObject(chosen) ? textOf(chosen.label) || null : null;
				edges.push({ from, to: key, kind: option === null ? 'answer' : 'option', option, label, team, delayMinutes: delay });
				if (!d) return { ...out, sourceIndex: s, defect: 'no-decision' as const };
				if (option !== null && !chosen) return { ...out, sourceIndex: s, defect: 'unknown-option' as const };
				if (team !== null && !decidersOf(watched).includes(team)) return { ...out, sourceIndex: s, defect: 'team-not-involved' as const };
				return { ...out, sourceIndex: s, wait: delay };
			}
			edges.push({ from, to: key, kind: 'missed', option: null, label: null, team, delayMinutes: delay });
			const anyMiss = missWait(watched, null);
			if (anyMiss === null) return { ...out, sourceIndex: s, defect: 'nothing-to-miss' as const };
			const miss = missWait(watched, team);
			if (miss === null) return { ...out, sourceIndex: s, defect: 'team-not-involved' as const };
			return { ...out, sourceIndex: s, wait: miss + delay };
		}
		const inner = t[kind] as Raw;
		const trigger = { ...t, delayMinutes: 0 };
		const eventKey = `event:${stableJson({ [kind]: inner })}`;
		let event = events.get(eventKey);
		if (!event) {
			event = { kind: 'event', key: eventKey, event: kind, trigger, earliest: eventEarliest(kind, inner, entities) };
			events.set(eventKey, event);
		}
		edges.push({ from: eventKey, to: key, kind: 'event', option: null, label: null, team: null, delayMinutes: delay });
		if (!eventRefsKnown(kind, inner, known)) return { ...out, event, defect: 'unknown-thing' as const };
		return { ...out, event, wait: delay };
	});

	/** Whether following sources from `i` comes back to `i`. */
	const inCycle = (i: number): boolean => {
		const seen = new Set<number>();
		for (let here = plan[i]!.sourceIndex; here !== null && !seen.has(here); here = plan[here]!.sourceIndex) {
			if (here === i) return true;
			seen.add(here);
		}
		return false;
	};

	// Earliest minute and root, following each inject's source; a loop or a defect anywhere up the chain stops it.
	type Reached = { earliest: number; root: string; depth: number } | { earliest: null; reason: UnreachableReason };
	const reached = new Map<number, Reached>();
	const reach = (i: number, path: Set<number>): Reached => {
		const done = reached.get(i);
		if (done) return done;
		const p = plan[i]!;
		let result: Reached;
		const at = minuteOf(raws[i]!.at);
		if (at !== null) result = { earliest: at, root: `inject:${i}`, depth: 0 };
		else if (p.defect) result = { earliest: null, reason: p.defect };
		else if (p.event) result = { earliest: p.event.earliest + p.wait, root: p.event.key, depth: 1 };
		else if (p.sourceIndex === null) result = { earliest: null, reason: 'unknown-trigger' };
		else if (path.has(p.sourceIndex) || p.sourceIndex === i) result = { earliest: null, reason: 'cycle' };
		else {
			path.add(i);
			const up = reach(p.sourceIndex, path);
			path.delete(i);
			result = up.earliest === null ? { earliest: null, reason: 'source-unreachable' } : { earliest: up.earliest + p.wait, root: up.root, depth: up.depth + 1 };
		}
		// An inject on a loop is unreachable because of the loop, whichever member the walk started from.
		if (result.earliest === null && result.reason === 'source-unreachable' && inCycle(i)) result = { earliest: null, reason: 'cycle' };
		reached.set(i, result);
		return result;
	};

	const injects: InjectNode[] = raws.map((r, i) => {
		const got = reach(i, new Set());
		const p = plan[i]!;
		const at = minuteOf(r.at);
		const to = stringsOf(r.to);
		const lead = [...decidersOf(r), ...to].find((t) => teams.has(t)) ?? null;
		const d = isObject(r.decision) ? r.decision : null;
		return {
			kind: 'inject',
			key: `inject:${i}`,
			index: i,
			id: typeof r.id === 'string' ? r.id : '',
			number: typeof r.number === 'number' ? r.number : i + 1,
			title: textOf(r.title),
			to,
			lane: lead,
			at,
			earliest: got.earliest,
			exact: at !== null,
			late: got.earliest !== null && duration !== null && got.earliest > duration,
			reachable: got.earliest !== null,
			reason: got.earliest === null ? got.reason : null,
			source: at !== null ? null : p.event ? p.event.key : p.sourceIndex !== null ? `inject:${p.sourceIndex}` : null,
			root: got.earliest === null ? null : got.root,
			depth: got.earliest === null ? 0 : got.depth,
			options: d ? listOf(d.options).length : null
		};
	});
	const eventList = [...events.values()];
	return {
		nodes: [...injects, ...eventList],
		injects,
		events: eventList,
		edges,
		unreachable: injects.filter((n) => !n.reachable),
		durationMinutes: duration
	};
}

/** The injects whose trigger waits on the inject `id` (its answer or its miss), by index: what deleting it strands. */
export function injectsWaitingOn(data: GraphInput, id: string): number[] {
	return listOf(data.injects).flatMap((r, i) => {
		const t = isObject(r) ? r.trigger : null;
		return isObject(t) && (t.decision === id || t.missed === id) ? [i] : [];
	});
}
