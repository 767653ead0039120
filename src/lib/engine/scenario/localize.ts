/**
 * A scenario's texts in the reader's language (pure). Each reader-facing object may carry
 * `translations.<language>` (see schema.ts); `localize…` returns the object with those texts in place, keeping the
 * original where a text has no translation, and keeping `translations` so a view can tell whether what it shows is
 * a translation (`shownInOriginal`).
 *
 * The browser localises events as they arrive (`localizeEvent`), before folding them, so every view — the inbox,
 * the map's names, the MSEL, the timeline, the review — reads the same language without knowing about it.
 */
import type { DomainEvent } from '../exercise/events';
import type { Decision, DecisionOption, Inject, Scenario } from './schema';
import type { ScenarioLanguage } from './vocabulary';

type Translated = { translations?: Partial<Record<ScenarioLanguage, object>> };

/** `object` with the texts `locale` has in place (an object with no translation into it comes back as it is). */
function withTexts<T extends Translated>(object: T, locale: ScenarioLanguage): T {
	const texts = object.translations?.[locale];
	return texts ? { ...object, ...texts } : object;
}

function localizeOption(option: DecisionOption, locale: ScenarioLanguage): DecisionOption {
	const texts = option.translations?.[locale];
	if (!texts) return option;
	const { violation, ...rest } = texts;
	return { ...option, ...rest, ...(violation && option.violation ? { violation: { ...option.violation, rule: violation } } : {}) };
}

function localizeDecision(decision: Decision, locale: ScenarioLanguage): Decision {
	return { ...withTexts(decision, locale), options: decision.options.map((o) => localizeOption(o, locale)) };
}

export function localizeInject(inject: Inject, locale: ScenarioLanguage): Inject {
	const out = withTexts(inject, locale);
	return inject.decision ? { ...out, decision: localizeDecision(inject.decision, locale) } : out;
}

export function localizeScenario(scenario: Scenario, locale: ScenarioLanguage): Scenario {
	if (locale === scenario.language) return scenario;
	const texts = scenario.translations?.[locale] ?? {};
	const { overview, ...top } = texts;
	return {
		...scenario,
		...top,
		overview: scenario.overview && overview ? { ...scenario.overview, ...overview } : scenario.overview,
		teams: scenario.teams.map((t) => withTexts(t, locale)),
		objectives: scenario.objectives.map((o) => withTexts(o, locale)),
		entities: scenario.entities.map((e) => withTexts(e, locale)),
		areas: scenario.areas.map((a) => withTexts(a, locale)),
		injects: scenario.injects.map((i) => localizeInject(i, locale))
	};
}

/**
 * Whether the reader sees this inject in the scenario's own language although they read `locale`: the scenario
 * (or the controller who wrote it during play) gave no translation of its title or body. Used for the small
 * "shown in the original" mark.
 */
export function shownInOriginal(inject: Pick<Inject, 'translations'>, locale: ScenarioLanguage, scenarioLanguage: ScenarioLanguage): boolean {
	if (locale === scenarioLanguage) return false;
	const texts = inject.translations?.[locale];
	return !texts?.title && !texts?.body;
}

/** An event with its scenario texts in `locale` (events without scenario text come back as they are). */
export function localizeEvent(event: DomainEvent, locale: ScenarioLanguage, scenarioLanguage: ScenarioLanguage): DomainEvent {
	if (locale === scenarioLanguage) return event;
	switch (event.type) {
		case 'exercise.created':
			return { ...event, scenario: localizeScenario(event.scenario, locale) };
		case 'inject.released':
		case 'inject.added':
			return { ...event, inject: localizeInject(event.inject, locale) };
		case 'decision.submitted': {
			const texts = event.explanation.translations?.[locale];
			if (!texts) return event;
			return {
				...event,
				explanation: { ...event.explanation, label: texts.label ?? event.explanation.label, feedback: texts.feedback ?? event.explanation.feedback },
				violation: event.violation && texts.violation ? { ...event.violation, rule: texts.violation } : event.violation
			};
		}
		case 'message.sent': {
			const texts = event.forwarded?.translations?.[locale];
			return texts && event.forwarded ? { ...event, forwarded: { ...event.forwarded, ...texts } } : event;
		}
		default:
			return event;
	}
}
