/**
 * The observer's public picture in figures and news (pure): counts and a news line per public event, built
 * only from what observers receive (src/lib/engine/exercise/audience.ts decides that; nothing here widens it).
 * Entities are named from the observer's own state; one it was never shown is "a vessel", never an id. Worded in the
 * reader's language (the catalogues' `map_count_…` and `map_news_…` messages).
 */
import type { DomainEvent } from '$lib/engine/exercise/events';
import type { ExerciseState } from '$lib/engine/exercise/state';
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

export function publicCounts(state: ExerciseState, events: readonly DomainEvent[], displacement: DisplacementPicture | null): PublicCount[] {
	if (displacement) {
		const t = displacement.totals;
		// A mayday is heard by all, even from a boat observers are not shown: count its people until it lands or is reached.
		const landed = new Set(events.flatMap((e) => (e.type === 'boat.landed' ? [e.entityId] : e.type === 'intercept.achieved' ? [e.target] : [])));
		const maydays = new Map(
			events.flatMap((e) => (e.type === 'simulation.alert' && e.alert === 'distress' && !landed.has(e.entityId) ? [[e.entityId, e.count ?? 0]] : []))
		);
		const inDistress = Math.max(
			t.inDistress,
			[...maydays.values()].reduce((a, b) => a + b, 0)
		);
		return [
			{ key: 'at-sea', label: m.map_count_at_sea(), value: Math.max(t.atSea, inDistress) },
			{ key: 'in-distress', label: m.map_count_in_distress(), value: inDistress },
			{ key: 'landed', label: m.map_count_landed(), value: t.received },
			{ key: 'sheltered', label: m.map_count_sheltered(), value: t.sheltered },
			{ key: 'unsheltered', label: m.map_count_unsheltered(), value: t.unsheltered }
		];
	}
	const tracked = Object.values(state.entities).filter((e) => !isFacility(e.kind) && e.kind !== 'storm').length;
	const tasked = new Set(events.flatMap((e) => (e.type === 'asset.tasked' ? [e.entityId] : []))).size;
	const intercepts = events.filter((e) => e.type === 'intercept.achieved' && !e.shadowing).length;
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
