/**
 * Personal data in an exercise log. The names people sign in with are personal data: they are kept in each event's
 * `actor` ("team:tt-coast-guard:Maria Lopez", "evaluator:Ana"), in the `by` of what they did, and may turn up in the
 * free texts they wrote (messages, notes, ratings, the improvement plan). After the review a controller may
 * anonymise an exercise — every name replaced by a pseudonym, in those places, with scores and timeline kept — or
 * export everything the log holds about one person. Pure: the server stores and serves what these compute.
 */
import type { DomainEvent } from '../exercise/events';

export type PersonRole = 'controller' | 'evaluator' | 'participant' | 'observer';

/** One person as the log knows them: the name they gave, their role, and their team for a participant. */
export interface Person {
	name: string;
	role: PersonRole;
	team: string | null;
}

const ROLES: readonly string[] = ['controller', 'evaluator', 'participant', 'observer'];

/** Who an event's actor is; null for the server itself ("system") or an actor this format does not know. */
export function personOfActor(actor: string): Person | null {
	const team = /^team:([a-z0-9][a-z0-9-]*):(.+)$/s.exec(actor);
	if (team) return { name: team[2]!, role: 'participant', team: team[1]! };
	const colon = actor.indexOf(':');
	if (colon < 0) return null;
	const role = actor.slice(0, colon);
	const name = actor.slice(colon + 1);
	return ROLES.includes(role) && name ? { name, role: role as PersonRole, team: null } : null;
}

/** The actor string of a person (the inverse of `personOfActor`). */
export function actorOfPerson(p: Person): string {
	return p.role === 'participant' ? `team:${p.team}:${p.name}` : `${p.role}:${p.name}`;
}

/** Fields of an event body that hold a person's name. */
const NAME_FIELDS = ['by', 'pointOfContact'] as const;
/** Fields of an event body that hold text people wrote, where names may appear. */
const TEXT_FIELDS = ['text', 'explanation', 'reason', 'issue', 'correctiveAction'] as const;

type Fields = Record<string, unknown>;
const stringField = (e: DomainEvent, key: string): string | null => {
	const v = (e as unknown as Fields)[key];
	return typeof v === 'string' ? v : null;
};

/** The person a controller removed from the exercise, if the event is such a removal (they may never have acted). */
function removedPerson(e: DomainEvent): Person | null {
	return e.type === 'member.removed' ? { name: e.name, role: e.role, team: e.team } : null;
}

/** Everyone the log records: who acted, and who was removed, in order of first appearance. */
export function peopleIn(events: readonly DomainEvent[]): Person[] {
	const seen = new Map<string, Person>();
	for (const e of events) {
		for (const p of [personOfActor(e.actor), removedPerson(e)]) if (p && !seen.has(actorOfPerson(p))) seen.set(actorOfPerson(p), p);
	}
	return [...seen.values()];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A pattern for `names` as whole words in free text. Names shorter than three letters are left out: "Al" would
 * match too much ordinary text to be worth the damage.
 */
function namesPattern(names: Iterable<string>, flags = 'gu'): RegExp | null {
	const usable = [...new Set(names)].filter((n) => n.trim().length >= 3).sort((a, b) => b.length - a.length);
	return usable.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** The pseudonym prefix of each role: language-neutral, so an anonymised log reads the same in every language. */
const PREFIX: Record<PersonRole, string> = { participant: 'P', evaluator: 'E', controller: 'C', observer: 'O' };

export interface Anonymised {
	events: DomainEvent[];
	/** How many people's names were replaced. */
	people: number;
}

/**
 * The log with every person's name replaced by a pseudonym ("P-3", "E-1"): in actors, in `by`, as whole words in
 * the free texts, and in the improvement plan's points of contact. The same name in the same role gets the same
 * pseudonym throughout; seqs, times, types, teams, choices and scores are untouched, so the review reads the same.
 */
export function anonymiseEvents(events: readonly DomainEvent[]): Anonymised {
	const people = peopleIn(events);
	const counters: Record<string, number> = {};
	const byActor = new Map<string, string>();
	const byName = new Map<string, string>();
	for (const p of people) {
		const prefix = PREFIX[p.role];
		counters[prefix] = (counters[prefix] ?? 0) + 1;
		const pseudonym = `${prefix}-${counters[prefix]}`;
		byActor.set(actorOfPerson(p), pseudonym);
		// A name given in two roles keeps the pseudonym of its first one wherever the role is not known (`by`, texts).
		if (!byName.has(p.name)) byName.set(p.name, pseudonym);
	}
	let contacts = 0;
	const pseudonymOf = (name: string) => {
		let found = byName.get(name);
		if (!found) byName.set(name, (found = `K-${++contacts}`));
		return found;
	};
	const pattern = namesPattern(people.map((p) => p.name));
	const scrub = (text: string) => (pattern ? text.replace(pattern, (n) => byName.get(n) ?? n) : text);
	const out = events.map((e) => {
		const copy = { ...e } as unknown as Fields;
		const actor = personOfActor(e.actor);
		if (actor) copy.actor = actorOfPerson({ ...actor, name: byActor.get(e.actor)! });
		const removed = removedPerson(e);
		if (removed) copy.name = byActor.get(actorOfPerson(removed))!;
		for (const key of NAME_FIELDS) {
			const v = stringField(e, key);
			if (v) copy[key] = pseudonymOf(v.trim());
		}
		for (const key of TEXT_FIELDS) {
			const v = stringField(e, key);
			if (v) copy[key] = scrub(v);
		}
		return copy as unknown as DomainEvent;
	});
	return { events: out, people: people.length };
}

/** Whether a name is one of the pseudonyms `anonymiseEvents` gives ("P-3"). */
export const isPseudonym = (name: string) => /^[PECOK]-\d+$/.test(name);

/** Whether a log has names left to anonymise (false once `anonymiseEvents` has run, or when nobody acted). */
export function hasPersonalNames(events: readonly DomainEvent[]): boolean {
	return peopleIn(events).some((p) => !isPseudonym(p.name));
}

export interface PersonRecord {
	/** The roles and teams the name was used in. */
	as: Person[];
	/** Everything the person did. */
	acted: DomainEvent[];
	/** Events by others that name the person (in `by`, a point of contact or a free text). */
	named: DomainEvent[];
}

/** Everything a log records about the person who signed in as `name` (matched exactly, after trimming). */
export function recordsAbout(events: readonly DomainEvent[], name: string): PersonRecord {
	const wanted = name.trim();
	const pattern = namesPattern([wanted], 'u');
	const acted: DomainEvent[] = [];
	const named: DomainEvent[] = [];
	const as = new Map<string, Person>();
	for (const e of events) {
		const p = personOfActor(e.actor);
		if (p?.name === wanted) {
			as.set(e.actor, p);
			acted.push(e);
			continue;
		}
		const removed = removedPerson(e);
		if (removed?.name === wanted) as.set(actorOfPerson(removed), removed);
		const inName = removed?.name === wanted || NAME_FIELDS.some((k) => stringField(e, k)?.trim() === wanted);
		const inText = pattern !== null && TEXT_FIELDS.some((k) => pattern.test(stringField(e, k) ?? ''));
		if (inName || inText) named.push(e);
	}
	return { as: [...as.values()], acted, named };
}
