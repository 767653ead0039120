/**
 * Who may see what. `eventForAudience` is the one place that decides which
 * events (and which parts of them) reach a browser; the server sends nothing
 * else, so hiding in the client is never relied on.
 */
import type { DomainEvent } from './events';
import type { Inject, Scenario } from './scenario-schema';

export type Audience =
	| { role: 'controller' }
	| { role: 'evaluator' }
	| { role: 'participant'; team: string };

export type Role = Audience['role'];

/** The scenario as a participant gets it: teams, objectives, map and public entities; no MSEL. */
export function scenarioForParticipant(scenario: Scenario): Scenario {
	return {
		...scenario,
		injects: [],
		entities: scenario.entities.filter((e) => e.visibility === 'all')
	};
}

/** An inject as its addressees get it: no controller notes, no scoring key. */
export function injectForParticipant(inject: Inject): Inject {
	const { controllerNote: _note, expectedAction: _expected, ...rest } = inject;
	if (!rest.decision) return rest;
	return {
		...rest,
		decision: {
			...rest.decision,
			options: rest.decision.options.map(({ id, label }) => ({ id, label, scores: {} }))
		}
	};
}

export function eventForAudience(event: DomainEvent, audience: Audience): DomainEvent | null {
	if (audience.role !== 'participant') return event;
	const team = audience.team;
	switch (event.type) {
		case 'exercise.created':
			return { ...event, scenario: scenarioForParticipant(event.scenario) };
		case 'inject.released':
			return event.inject.to.includes(team) ? { ...event, inject: injectForParticipant(event.inject) } : null;
		case 'inject.held':
		case 'inject.unheld':
			return null;
		case 'decision.submitted':
		case 'decision.expired':
			return event.team === team ? event : null;
		default:
			return event;
	}
}

export function eventsForAudience(events: readonly DomainEvent[], audience: Audience): DomainEvent[] {
	return events.flatMap((e) => eventForAudience(e, audience) ?? []);
}
