/**
 * The observer's public picture in figures and news (pure): counts and a news line per public event, built
 * only from what observers receive (src/lib/engine/exercise/audience.ts decides that; nothing here widens it).
 * Entities are named from the observer's own state; one it was never shown is "a vessel", never an id. Worded in the
 * reader's language (the catalogues' `map_count_…` and `map_news_…` messages).
 */
import type { DomainEvent } from '$lib/engine/exercise/events';
import type { ExerciseState } from '$lib/engine/exercise/state';
import type { Entity } from '$lib/engine/scenario/schema';
import type { DisplacementPicture } from '$lib/engine/sim/displacement';
import { alertText } from '$lib/i18n/alert-words';
import { placeWord } from '$lib/i18n/map-words';
import { m } from '$lib/paraglide/messages';

export interface PublicCount {
	key: string;
	label: string;
	value: number;
}

export interface NewsItem {
	seq: number;
	at: number;
	text: string;
}

/** How many news lines the page keeps. */
export const NEWS_LENGTH = 8;

const isFacility = (kind: string) => kind === 'port' || kind === 'shelter';
const hasPeopleAboard = (e: Entity) => e.kind === 'boat' && e.people !== undefined;
/** The entities observers know of: the scenario's public ones and those that came with public events (a landed boat). */
const knownEntities = (state: ExerciseState): Entity[] => [...(state.scenario?.entities ?? []), ...Object.values(state.entities)];

/** The boats of people observers can tell of: known ones, and any that landed people or called a mayday (even unseen). */
function boatsOfPeople(state: ExerciseState, events: readonly DomainEvent[]): Set<string> {
	return new Set([
		...knownEntities(state)
			.filter(hasPeopleAboard)
			.map((e) => e.id),
		...events.flatMap((e) => (e.type === 'boat.landed' || (e.type === 'simulation.alert' && e.alert === 'distress') ? [e.entityId] : []))
	]);
}

/**
 * What the observer can tell the scenario has, from what observers receive (the public entities, landed boats and the
 * public events; never an inject or a hidden craft): boats of people (or the displacement model), and suspect craft
 * or something an asset was sent to intercept that is not a boat of people. The same constructs the AAR's outcome
 * figures follow (src/lib/engine/review/aar-content.ts), whatever the scenario's `kind`.
 */
export function publicConstructs(state: ExerciseState, events: readonly DomainEvent[]): { displacement: boolean; interdiction: boolean } {
	const known = knownEntities(state);
	const people = boatsOfPeople(state, events);
	const interceptTargets = events.flatMap((e) =>
		e.type === 'intercept.achieved' ? [e.target] : e.type === 'asset.tasked' && e.order.type === 'intercept' ? [e.order.target] : []
	);
	return {
		displacement: state.scenario?.displacement !== undefined || people.size > 0,
		interdiction: known.some((e) => e.category === 'suspect' && !people.has(e.id)) || interceptTargets.some((id) => !people.has(id))
	};
}

/**
 * The observer's counts: people at sea, in distress, landed, sheltered and waiting when the scenario has boats of
 * people; craft tracked, assets tasked and interdictions when it has suspect craft or intercepts (rescues of boats of
 * people are not counted there); both for an exercise that mixes them. A scenario with neither gets the craft counts.
 */
export function publicCounts(state: ExerciseState, events: readonly DomainEvent[], displacement: DisplacementPicture | null): PublicCount[] {
	const has = publicConstructs(state, events);
	const counts: PublicCount[] = [];
	if (has.displacement) counts.push(...displacementCounts(events, displacement));
	if (has.interdiction || !has.displacement) counts.push(...interdictionCounts(state, events));
	return counts;
}

function displacementCounts(events: readonly DomainEvent[], displacement: DisplacementPicture | null): PublicCount[] {
	const t = displacement?.totals;
	// A mayday is heard by all, even from a boat observers are not shown: count its people until it lands or is reached.
	const landed = new Set(events.flatMap((e) => (e.type === 'boat.landed' ? [e.entityId] : e.type === 'intercept.achieved' ? [e.target] : [])));
	const maydays = new Map(
		events.flatMap((e) => (e.type === 'simulation.alert' && e.alert === 'distress' && !landed.has(e.entityId) ? [[e.entityId, e.count ?? 0]] : []))
	);
	const inDistress = Math.max(
		t?.inDistress ?? 0,
		[...maydays.values()].reduce((a, b) => a + b, 0)
	);
	return [
		{ key: 'at-sea', label: m.map_count_at_sea(), value: Math.max(t?.atSea ?? 0, inDistress) },
		{ key: 'in-distress', label: m.map_count_in_distress(), value: inDistress },
		{ key: 'landed', label: m.map_count_landed(), value: t?.received ?? 0 },
		{ key: 'sheltered', label: m.map_count_sheltered(), value: t?.sheltered ?? 0 },
		{ key: 'unsheltered', label: m.map_count_unsheltered(), value: t?.unsheltered ?? 0 }
	];
}

function interdictionCounts(state: ExerciseState, events: readonly DomainEvent[]): PublicCount[] {
	// A rescue or escort of a boat of people is not an interdiction.
	const people = boatsOfPeople(state, events);
	const tracked = Object.values(state.entities).filter((e) => !isFacility(e.kind) && e.kind !== 'storm').length;
	const tasked = new Set(events.flatMap((e) => (e.type === 'asset.tasked' ? [e.entityId] : []))).size;
	const intercepts = events.filter((e) => e.type === 'intercept.achieved' && !e.shadowing && !people.has(e.target)).length;
	return [
		{ key: 'tracked', label: m.map_count_tracked(), value: tracked },
		{ key: 'tasked', label: m.map_count_tasked(), value: tasked },
		{ key: 'intercepts', label: m.map_count_intercepts(), value: intercepts }
	];
}

const ORDER_NEWS = { goto: m.map_news_goto, patrol: m.map_news_patrol, hold: m.map_news_hold } as const;

/** One plain line for a public event, or null for events that make no news (clock speed, the scenario itself). */
export function newsLine(event: DomainEvent, state: ExerciseState): string | null {
	const entityName = (id: string) => state.entities[id]?.name ?? state.scenario?.entities.find((e) => e.id === id)?.name ?? null;
	const named = (id: string, otherwise: () => string) => entityName(id) ?? otherwise();
	switch (event.type) {
		case 'exercise.started':
			return m.map_news_started();
		case 'exercise.paused':
			return m.map_news_paused();
		case 'exercise.resumed':
			return m.map_news_resumed();
		case 'exercise.ended':
			return m.map_news_ended();
		case 'asset.tasked': {
			const asset = named(event.entityId, m.map_news_an_asset);
			if (event.order.type === 'intercept') return m.map_news_intercept({ asset, target: named(event.order.target, m.map_news_a_vessel) });
			return ORDER_NEWS[event.order.type]({ asset });
		}
		case 'intercept.achieved': {
			const words = { asset: named(event.entityId, m.map_news_an_asset), target: named(event.target, m.map_news_a_vessel) };
			const w = event.waters;
			if (w.kind === 'high-seas') return event.shadowing ? m.map_news_shadowing_high_seas(words) : m.map_news_intercepted_high_seas(words);
			const state = placeWord(w.state);
			return event.shadowing ? m.map_news_shadowing_in_waters({ ...words, state }) : m.map_news_intercepted_in_waters({ ...words, state });
		}
		case 'boat.landed':
			return m.map_news_landed({ boat: event.entity.name, count: event.people, port: named(event.port, m.map_news_a_port) });
		case 'facility.changed': {
			const facility = named(event.entityId, m.map_news_a_facility);
			return event.open ? m.map_news_facility_open({ facility, staff: event.staff }) : m.map_news_facility_closed({ facility });
		}
		case 'simulation.alert':
			return event.alert === 'distress'
				? m.map_news_mayday({ detail: alertText(event, entityName) })
				: event.alert === 'capacity-exceeded'
					? m.map_news_crowded({ detail: alertText(event, entityName) })
					: null;
		default:
			return null;
	}
}

/** The latest news, newest first. */
export function publicNews(events: readonly DomainEvent[], state: ExerciseState, length = NEWS_LENGTH): NewsItem[] {
	const items: NewsItem[] = [];
	for (let i = events.length - 1; i >= 0 && items.length < length; i--) {
		const e = events[i]!;
		const text = newsLine(e, state);
		if (text) items.push({ seq: e.seq, at: e.at, text });
	}
	return items;
}
