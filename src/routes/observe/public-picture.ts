/**
 * The observer's public picture in figures and news (pure): counts and a news line per public event, built
 * only from what observers receive (src/lib/engine/exercise/audience.ts decides that; nothing here widens it).
 * Entities are named from the observer's own state; one it was never shown is "a vessel", never an id.
 */
import type { DomainEvent } from '$lib/engine/exercise/events';
import type { ExerciseState } from '$lib/engine/exercise/state';
import type { DisplacementPicture } from '$lib/engine/sim/displacement';

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
			{ key: 'at-sea', label: 'People at sea', value: Math.max(t.atSea, inDistress) },
			{ key: 'in-distress', label: 'People in distress', value: inDistress },
			{ key: 'landed', label: 'Landed', value: t.received },
			{ key: 'sheltered', label: 'Sheltered', value: t.sheltered },
			{ key: 'unsheltered', label: 'Waiting for shelter', value: t.unsheltered }
		];
	}
	const tracked = Object.values(state.entities).filter((e) => !isFacility(e.kind) && e.kind !== 'storm').length;
	const tasked = new Set(events.flatMap((e) => (e.type === 'asset.tasked' ? [e.entityId] : []))).size;
	const intercepts = events.filter((e) => e.type === 'intercept.achieved' && !e.shadowing).length;
	return [
		{ key: 'tracked', label: 'Vessels and aircraft tracked', value: tracked },
		{ key: 'tasked', label: 'Assets tasked', value: tasked },
		{ key: 'intercepts', label: 'Intercepts so far', value: intercepts }
	];
}

const ORDER_WORDS = { goto: 'is under way', patrol: 'is on patrol', intercept: 'is moving to intercept', hold: 'is holding position' } as const;

/** One plain line for a public event, or null for events that make no news (clock speed, the scenario itself). */
export function newsLine(event: DomainEvent, state: ExerciseState): string | null {
	const entityName = (id: string) => state.entities[id]?.name ?? state.scenario?.entities.find((e) => e.id === id)?.name ?? null;
	const named = (id: string, otherwise: string) => entityName(id) ?? otherwise;
	const waters = (w: { kind: string; state?: string }) => (w.kind === 'high-seas' ? 'outside any territorial sea' : `in ${w.state} waters`);
	switch (event.type) {
		case 'exercise.started':
			return 'The exercise has started.';
		case 'exercise.paused':
			return 'The exercise is paused.';
		case 'exercise.resumed':
			return 'The exercise has resumed.';
		case 'exercise.ended':
			return 'The exercise has ended.';
		case 'asset.tasked': {
			const asset = named(event.entityId, 'An asset');
			if (event.order.type === 'intercept') return `${asset} ${ORDER_WORDS.intercept} ${named(event.order.target, 'a vessel')}.`;
			return `${asset} ${ORDER_WORDS[event.order.type]}.`;
		}
		case 'intercept.achieved':
			return `${named(event.entityId, 'An asset')} ${event.shadowing ? 'is overhead, shadowing' : 'intercepted'} ${named(event.target, 'a vessel')} ${waters(event.waters)}.`;
		case 'boat.landed':
			return `${event.entity.name} landed ${event.people} ${event.people === 1 ? 'person' : 'people'} at ${named(event.port, 'a port')}.`;
		case 'facility.changed':
			return `${named(event.entityId, 'A facility')} ${event.open ? `is open, with ${event.staff} staff` : 'has closed'}.`;
		case 'simulation.alert':
			return event.alert === 'distress' ? `Mayday: ${event.detail}` : event.alert === 'capacity-exceeded' ? `Crowded: ${event.detail}` : null;
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
