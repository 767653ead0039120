/** The timeline projection: one readable line per event, for controllers, evaluators and the after-action review. */
import { MINUTE } from './clock';
import type { DomainEvent } from './events';
import type { Scenario } from './scenario-schema';

export interface TimelineEntry {
	seq: number;
	at: number;
	wall: number;
	type: DomainEvent['type'];
	teams: string[];
	text: string;
}

export function timelineEntry(event: DomainEvent, scenario: Scenario | null): TimelineEntry {
	const teamName = (id: string) => scenario?.teams.find((t) => t.id === id)?.name ?? id;
	const base = { seq: event.seq, at: event.at, wall: event.wall, type: event.type };
	switch (event.type) {
		case 'exercise.created':
			return { ...base, teams: [], text: `Exercise "${event.title}" created from scenario "${event.scenario.title}"` };
		case 'exercise.started':
			return { ...base, teams: [], text: 'Exercise started' };
		case 'exercise.paused':
			return { ...base, teams: [], text: 'Exercise paused' };
		case 'exercise.resumed':
			return { ...base, teams: [], text: 'Exercise resumed' };
		case 'exercise.ended':
			return { ...base, teams: [], text: 'Exercise ended' };
		case 'exercise.recovered':
			return {
				...base,
				teams: [],
				text: `Server restarted after ${Math.round(event.downtimeMs / 1000)} s offline; the clock carried on from where it stopped`
			};
		case 'clock.speed_changed':
			return { ...base, teams: [], text: `Clock speed set to ${event.speed}×` };
		case 'inject.held':
			return { ...base, teams: [], text: `Inject "${event.injectId}" held by controller` };
		case 'inject.unheld':
			return { ...base, teams: [], text: `Inject "${event.injectId}" no longer held` };
		case 'inject.released':
			return {
				...base,
				teams: event.inject.to,
				text: `${event.manual ? 'Released early' : 'Released'}: [${event.inject.channel}] "${event.inject.title}" from ${event.inject.from} to ${event.inject.to.map(teamName).join(', ')}`
			};
		case 'decision.submitted': {
			const earned = Object.values(event.points).reduce((a, b) => a + b, 0);
			const max = Object.values(event.maxPoints).reduce((a, b) => a + b, 0);
			const mins = (event.latencyMs / MINUTE).toFixed(1);
			return {
				...base,
				teams: [event.team],
				text: `${teamName(event.team)} decided "${event.optionId}" on "${event.injectId}" after ${mins} min (${earned.toFixed(1)}/${max} points)`
			};
		}
		case 'decision.expired':
			return { ...base, teams: [event.team], text: `${teamName(event.team)} missed the deadline on "${event.injectId}"` };
	}
}
