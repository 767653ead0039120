/**
 * New injects for the studio's MSEL (pure): one added where the planner is looking (the team, channel, objective
 * and time range the table is filtered to), with the fewest fields that pass the check, and a copy of an existing
 * one. Ids are made from the title and never clash; numbers follow the highest in the MSEL.
 */
import { CHANNELS } from '../scenario/vocabulary';
import type { MselFilter } from './msel-rows';
import { idsOf, newId } from './new-id';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const minuteOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** The number after the highest the MSEL has (an inject without one counts as its place in the list). */
export function nextNumber(injects: unknown): number {
	const list = listOf(injects);
	return list.reduce<number>((most, r, i) => Math.max(most, isObject(r) && typeof r.number === 'number' ? r.number : i + 1), 0) + 1;
}

/** The words a new inject starts with, in the planner's language: who it is from, its title and its text. */
export interface NewInjectWords {
	from: string;
	title: string;
	body: string;
}

export interface NewInjectData {
	injects?: unknown;
	teams?: unknown;
	durationMinutes?: unknown;
}

/**
 * A new timed inject: to the filtered team (else the first team), through the filtered channel (else radio), for the
 * filtered objective, at the start of the filtered time range (else the latest minute the MSEL uses), within the
 * scenario's length.
 */
export function newInject(data: NewInjectData, filter: MselFilter, words: NewInjectWords): Raw {
	const teams = idsOf(data.teams);
	const team = filter.team !== null && teams.includes(filter.team) ? filter.team : teams[0];
	const latest = listOf(data.injects).reduce<number>((most, r) => Math.max(most, (isObject(r) ? minuteOf(r.at) : null) ?? 0), 0);
	const duration = minuteOf(data.durationMinutes);
	const wanted = filter.from ?? latest;
	const at = duration === null ? wanted : Math.min(wanted, duration);
	const channel = filter.channel !== null && (CHANNELS as readonly string[]).includes(filter.channel) ? filter.channel : 'radio';
	return {
		id: newId(words.title, idsOf(data.injects), 'inject'),
		number: nextNumber(data.injects),
		at,
		from: words.from,
		to: team ? [team] : [],
		channel,
		title: words.title,
		body: words.body,
		...(filter.objective !== null ? { objectives: [filter.objective] } : {})
	};
}

/** A copy of the inject at `index` with a new id and number and its title marked as a copy; null when there is none. */
export function duplicateInject(data: NewInjectData, index: number, copyTitle: (title: string) => string): Raw | null {
	const original = listOf(data.injects)[index];
	if (!isObject(original)) return null;
	const copy = structuredClone(original);
	const title = copyTitle(typeof original.title === 'string' ? original.title : '');
	return { ...copy, id: newId(title, idsOf(data.injects), 'inject'), number: nextNumber(data.injects), title };
}
