/**
 * What the studio's trigger editor may offer (pure): for one inject of a draft, every thing its trigger may name,
 * read from the draft's raw data (any field may be missing or of the wrong type while the planner works). Only
 * choices the scenario check accepts are offered, so the editor never writes an id that does not exist, a decision
 * that is not there, an option of another decision, or a watch that would make the inject wait on itself (an inject
 * downstream of it). Things are given with their ids and the names people know them by; the view words the rest.
 */
import { EXERCISE_CONTROL, SIM_ALERTS, type SimAlert } from '../scenario/vocabulary';

/** The kinds of trigger, in the order the editor lists them (the key that names each in the YAML). */
export const TRIGGER_KIND_LIST = ['decision', 'missed', 'message', 'area', 'intercept', 'detected', 'alert'] as const;
export type TriggerKind = (typeof TRIGGER_KIND_LIST)[number];

/** Where an intercept happens, as a trigger may require. */
export const TRIGGER_WATERS = ['own', 'foreign', 'high-seas'] as const;
export type Waters = (typeof TRIGGER_WATERS)[number];

export interface Named {
	id: string;
	name: string;
}
export interface EntityChoice extends Named {
	kind: string;
	category: string;
}
/** An inject another may wait on: its number (its own or its place in the list) and title, and the teams that act on it. */
export interface WatchedInject {
	id: string;
	index: number;
	number: number;
	title: string;
	/** For a decision, the teams that decide; for a missed decision or hand-off, the inject's addressees. */
	teams: Named[];
}
export interface DecisionChoice extends WatchedInject {
	options: { id: string; label: string }[];
}

export interface TriggerChoices {
	/** Injects with a decision this inject may follow. */
	decisions: DecisionChoice[];
	/** Injects with a decision or a hand-off that may be missed. */
	missed: WatchedInject[];
	teams: Named[];
	areas: Named[];
	/** Entities that move (and may enter or leave an area). */
	movers: EntityChoice[];
	/** Entities a team's asset may intercept, the likeliest (suspect, fast, unknown craft) first. */
	interceptTargets: EntityChoice[];
	/** Entities a team's sensor may detect, the likeliest first. */
	contacts: EntityChoice[];
	/** For each kind of alert, the entities it can be raised on. */
	alertEntities: Record<SimAlert, EntityChoice[]>;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The items of a raw list with a valid id, the first of each id only (the check resolves a duplicate to the first). */
function withIds(list: unknown): { item: Record<string, unknown>; id: string; index: number }[] {
	const seen = new Set<string>();
	const out: { item: Record<string, unknown>; id: string; index: number }[] = [];
	listOf(list).forEach((item, index) => {
		if (!isObject(item) || typeof item.id !== 'string' || !ID.test(item.id) || seen.has(item.id)) return;
		seen.add(item.id);
		out.push({ item, id: item.id, index });
	});
	return out;
}

const named = (list: unknown, nameKey = 'name'): Named[] => withIds(list).map(({ item, id }) => ({ id, name: text(item[nameKey]) || id }));

/** The id an inject's trigger waits on (a decision taken or missed), if any. */
function watchedBy(inject: unknown): string | null {
	const t = isObject(inject) && isObject(inject.trigger) ? inject.trigger : null;
	if (!t) return null;
	const id = typeof t.decision === 'string' ? t.decision : typeof t.missed === 'string' ? t.missed : null;
	return id;
}

/** The ids of `index`'s inject and of every inject waiting on it, directly or through others. */
function downstreamOf(injects: unknown[], index: number): Set<string> {
	const self = injects[index];
	const ids = new Set<string>(isObject(self) && typeof self.id === 'string' ? [self.id] : []);
	for (let grew = ids.size > 0; grew;) {
		grew = false;
		for (const inject of injects) {
			const watched = watchedBy(inject);
			if (watched !== null && ids.has(watched) && isObject(inject) && typeof inject.id === 'string' && !ids.has(inject.id)) {
				ids.add(inject.id);
				grew = true;
			}
		}
	}
	return ids;
}

const LIKELY_TARGET = ['suspect', 'high-speed', 'unknown'];
const MOVING = new Set(['vessel', 'aircraft', 'boat']);
/** Suspect, then fast, then unknown craft, then the others (teams' own assets last), each in scenario order. */
const likelyFirst = (entities: EntityChoice[], owned: Set<string>) => {
	const rank = (e: EntityChoice) =>
		owned.has(e.id) ? LIKELY_TARGET.length + 1 : LIKELY_TARGET.includes(e.category) ? LIKELY_TARGET.indexOf(e.category) : LIKELY_TARGET.length;
	return entities
		.map((e, i) => ({ e, i }))
		.sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
		.map(({ e }) => e);
};

const ALERT_KINDS: Record<SimAlert, readonly string[]> = {
	distress: ['boat'],
	'minors-found': ['boat'],
	'out-of-endurance': ['vessel', 'aircraft'],
	'capacity-exceeded': ['port', 'shelter']
};

/** The choices for the trigger of the inject at `index` in the draft's raw data. */
export function triggerChoices(data: unknown, index: number): TriggerChoices {
	const d = isObject(data) ? data : {};
	const teams = named(d.teams);
	const teamIds = new Set(teams.map((t) => t.id));
	const teamsOf = (ids: unknown): Named[] => {
		const wanted = listOf(ids).filter((id): id is string => typeof id === 'string' && teamIds.has(id));
		return teams.filter((t) => wanted.includes(t.id));
	};
	const injects = listOf(d.injects);
	const excluded = downstreamOf(injects, index);
	const watchable = withIds(injects).filter((x) => x.index !== index && !excluded.has(x.id));
	const base = ({ item, id, index }: (typeof watchable)[number]) => ({
		id,
		index,
		number: typeof item.number === 'number' && Number.isInteger(item.number) && item.number > 0 ? item.number : index + 1,
		title: text(item.title)
	});
	const decisions: DecisionChoice[] = watchable.flatMap((x) => {
		const decision = x.item.decision;
		if (!isObject(decision)) return [];
		const deciders = Array.isArray(decision.teams) ? decision.teams : x.item.to;
		return [{ ...base(x), teams: teamsOf(deciders), options: named(decision.options, 'label').map((o) => ({ id: o.id, label: o.name })) }];
	});
	const missed: WatchedInject[] = watchable
		.filter((x) => isObject(x.item.decision) || listOf(x.item.shareWith).length > 0)
		.map((x) => ({ ...base(x), teams: teamsOf(x.item.to) }));

	const entities: EntityChoice[] = withIds(d.entities).map(({ item, id }) => ({
		id,
		name: text(item.name) || id,
		kind: text(item.kind),
		category: text(item.category)
	}));
	const owned = new Set(withIds(d.entities).flatMap(({ item, id }) => (typeof item.team === 'string' && item.team ? [id] : [])));
	const moving = entities.filter((e) => MOVING.has(e.kind));
	const alertEntities = Object.fromEntries(SIM_ALERTS.map((a) => [a, entities.filter((e) => ALERT_KINDS[a].includes(e.kind))])) as Record<
		SimAlert,
		EntityChoice[]
	>;
	return {
		decisions,
		missed,
		teams,
		areas: named(d.areas),
		movers: entities.filter((e) => MOVING.has(e.kind) || e.kind === 'storm'),
		interceptTargets: likelyFirst(moving, owned),
		contacts: likelyFirst(moving, owned),
		alertEntities
	};
}

/** The kind of a raw trigger (by the key that names it), or null when it names none or more than one. */
export function triggerKindOf(trigger: unknown): TriggerKind | null {
	if (!isObject(trigger)) return null;
	const kinds = TRIGGER_KIND_LIST.filter((k) => k in trigger);
	return kinds.length === 1 ? kinds[0]! : null;
}

/** Whether the draft has what a trigger of `kind` must name (a decision to follow, an entity and an area, …). */
export function kindAvailable(kind: TriggerKind, c: TriggerChoices): boolean {
	switch (kind) {
		case 'decision':
			return c.decisions.length > 0;
		case 'missed':
			return c.missed.length > 0;
		case 'message':
			return c.teams.length > 0;
		case 'area':
			return c.movers.length > 0 && c.areas.length > 0;
		case 'intercept':
			return c.interceptTargets.length > 0;
		case 'detected':
			return c.contacts.length > 0;
		case 'alert':
			return true;
	}
}

/** Who a message from `from` may be to: the other teams, then exercise control. */
export function messageRecipients(c: TriggerChoices, from: unknown): string[] {
	return [...c.teams.filter((t) => t.id !== from).map((t) => t.id), EXERCISE_CONTROL];
}

/**
 * A new trigger of `kind` naming the first of each choice (the planner then picks), keeping the delay; null when
 * the draft lacks what that kind must name. Changing the kind replaces the trigger with this.
 */
export function newTrigger(kind: TriggerKind, c: TriggerChoices, delayMinutes = 0): Record<string, unknown> | null {
	if (!kindAvailable(kind, c)) return null;
	const delay = { delayMinutes };
	switch (kind) {
		case 'decision':
			return { decision: c.decisions[0]!.id, ...delay };
		case 'missed':
			return { missed: c.missed[0]!.id, ...delay };
		case 'message':
			return { message: { from: c.teams[0]!.id }, ...delay };
		case 'area':
			return { area: { entity: c.movers[0]!.id, area: c.areas[0]!.id, on: 'enter' }, ...delay };
		case 'intercept':
			return { intercept: { target: c.interceptTargets[0]!.id }, ...delay };
		case 'detected':
			return { detected: { contact: c.contacts[0]!.id }, ...delay };
		case 'alert': {
			const type = SIM_ALERTS.find((a) => c.alertEntities[a].length > 0) ?? SIM_ALERTS[0];
			return { alert: { type }, ...delay };
		}
	}
}
