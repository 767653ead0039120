/**
 * Who may see what. `eventForAudience` is the one place that decides which
 * events (and which parts of them) reach a browser; the server sends nothing
 * else, so hiding in the client is never relied on.
 */
import type { DomainEvent } from './events';
import type { Inject, Scenario } from '../scenario/schema';
import type { ScenarioLanguage } from '../scenario/vocabulary';

export type Audience =
	| { role: 'controller' }
	| { role: 'evaluator' }
	| { role: 'participant'; team: string }
	/** Read-only public picture: the clock, the map's public entities, no injects, decisions or scores. */
	| { role: 'observer' };

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
	const { controllerNote: _note, expectedAction: _expected, translations, ...rest } = inject;
	const texts = translations && mapTranslations(translations, ({ controllerNote: _n, expectedAction: _e, ...read }) => read);
	const out = texts ? { ...rest, translations: texts } : rest;
	if (!out.decision) return out;
	return {
		...out,
		decision: {
			...out.decision,
			options: out.decision.options.map(({ id, label, translations: t }) => ({
				id,
				label,
				scores: {},
				...(t ? { translations: mapTranslations(t, ({ label }) => ({ label })) } : {})
			}))
		}
	};
}

/** Each language's texts of a translations record, through `keep` (which drops what the reader may not see). */
function mapTranslations<T extends object, U extends object>(
	translations: Partial<Record<string, T>>,
	keep: (texts: T) => U
): Partial<Record<ScenarioLanguage, U>> {
	return Object.fromEntries(Object.entries(translations).map(([locale, texts]) => [locale, keep(texts as T)]));
}

/**
 * `reviewOpen`: the exercise has ended and the controller lets participants see
 * their own team's review (its ratings, observations and score adjustments).
 */
export function eventForAudience(event: DomainEvent, audience: Audience, reviewOpen = false): DomainEvent | null {
	if (audience.role === 'controller' || audience.role === 'evaluator') return event;
	const team = audience.role === 'participant' ? audience.team : null;
	switch (event.type) {
		case 'exercise.created':
			return { ...event, scenario: scenarioForParticipant(event.scenario) };
		case 'exercise.started':
		case 'exercise.paused':
		case 'exercise.resumed':
		case 'exercise.ended':
		case 'exercise.recovered':
		case 'exercise.closed':
		case 'clock.speed_changed':
		case 'review.sharing_changed':
			return event;
		case 'message.sent':
			return team !== null && (event.fromTeam === team || event.to.includes(team)) ? event : null;
		case 'message.answered':
			return event.team === team ? event : null;
		case 'team.marked':
		case 'member.removed':
		case 'join_code.rotated':
		case 'aar.narrative_set':
			// Exercise control's and the evaluators' business.
			return null;
		case 'coordination.credited':
		case 'coordination.missed':
			return event.team === team ? event : null;
		case 'observation.recorded':
		case 'observation.edited':
		case 'observation.deleted':
		case 'rating.set':
		case 'score.adjusted':
			return reviewOpen && team !== null && event.team === team ? event : null;
		case 'improvement.updated':
			return null;
		case 'inject.released':
			return team !== null && event.inject.to.includes(team) ? { ...event, inject: injectForParticipant(event.inject) } : null;
		case 'decision.submitted':
		case 'decision.expired':
			return event.team === team ? event : null;
		case 'asset.tasked':
		case 'intercept.achieved':
		case 'facility.changed':
		case 'boat.landed':
			// The common picture: every team sees assets move and facilities open.
			return event;
		case 'intercept.assessed':
		case 'contact.detected':
		case 'contact.lost':
		case 'contact.regained':
			return event.team === team ? event : null;
		case 'area.crossed':
			// A controller's trigger, not something teams perceive.
			return null;
		case 'simulation.alert':
			// A mayday and crowded facilities are heard by all; found children and fuel state stay with the team concerned.
			return event.alert === 'distress' || event.alert === 'capacity-exceeded' || (team !== null && event.team === team) ? event : null;
		case 'inject.held':
		case 'inject.unheld':
		case 'inject.triggered':
		case 'inject.added':
		case 'inject.skipped':
			// The controller's MSEL: teams learn of an inject only when it is released to them.
			return null;
		default: {
			// A new event type must be classified here before anyone but controllers and evaluators sees it.
			const unclassified: never = event;
			return unclassified && null;
		}
	}
}

export function eventsForAudience(events: readonly DomainEvent[], audience: Audience, reviewOpen = false): DomainEvent[] {
	return events.flatMap((e) => eventForAudience(e, audience, reviewOpen) ?? []);
}

/** Whether participants may see their team's review now. */
export function reviewOpenFor(state: { status: string; reviewShared: boolean }): boolean {
	return state.reviewShared && (state.status === 'ended' || state.status === 'closed');
}
