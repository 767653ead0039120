/**
 * The review's words for what the engine says as data: each timeline event (`TimelineLine`), the kinds of event,
 * the HSEEP ratings and their meanings, the capability elements of an improvement item, the kinds of waters, the
 * starting points offered for the AAR's narrative, and the timeline CSV's headers. Every function takes an optional
 * locale: the browser reads in the reader's language, the server words a CSV in the language the download asks for.
 */
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { placeName } from './place-names';
import type { Rating, TriggerCause } from '$lib/engine/exercise/events';
import type { SimAlert } from '$lib/engine/scenario/vocabulary';
import type { CAPABILITY_ELEMENTS } from '$lib/engine/exercise/events';
import { formatClockMs } from '$lib/engine/exercise/time-format';
import { TIMELINE_CSV_COLUMNS, type TimelineCsvWords } from '$lib/engine/formats/timeline-columns';
import type { SuggestedLine } from '$lib/engine/review/aar-content';
import type { TimelineEntry, TimelineKind, TimelineLine } from '$lib/engine/review/timeline';
import type { Scenario } from '$lib/engine/scenario/schema';
import { EXERCISE_CONTROL } from '$lib/engine/scenario/vocabulary';
import type { Waters } from '$lib/engine/sim/zones';
import { alertText } from './alert-words';
import { channelWord, scenarioWithVersion } from './words';
import { formatKnots, formatList, formatMinutesMs, formatNm, formatNumber, formatPosition } from './format';

type L = { locale?: Locale };
const opt = (locale?: Locale): L => ({ locale });

/** A team by id: "All teams" for none, exercise control by its name, an unknown id as it is. */
export function teamWord(scenario: Scenario | null, id: string | null, locale?: Locale): string {
	if (id === null) return m.review_all_teams({}, opt(locale));
	if (id === EXERCISE_CONTROL) return m.exercise_control({}, opt(locale));
	return scenario?.teams.find((t) => t.id === id)?.name ?? id;
}

/** An objective by id: "General" for none. */
export function objectiveWord(scenario: Scenario | null, id: string | null, locale?: Locale): string {
	if (id === null) return m.review_general({}, opt(locale));
	return scenario?.objectives.find((o) => o.id === id)?.name ?? id;
}

const KIND: Record<TimelineKind, (i: object, o: L) => string> = {
	exercise: m.review_kind_exercise,
	inject: m.review_kind_inject,
	decision: m.review_kind_decision,
	message: m.review_kind_message,
	coordination: m.review_kind_coordination,
	map: m.review_kind_map,
	evaluation: m.review_kind_evaluation
};
/** A kind of timeline event ("Decision", "Hand-off"). */
export const kindWord = (kind: TimelineKind, locale?: Locale): string => KIND[kind]({}, opt(locale));

const LABEL: Record<Rating, (i: object, o: L) => string> = {
	P: m.review_rating_p,
	S: m.review_rating_s,
	M: m.review_rating_m,
	U: m.review_rating_u
};
const MEANING: Record<Rating, (i: object, o: L) => string> = {
	P: m.review_rating_p_meaning,
	S: m.review_rating_s_meaning,
	M: m.review_rating_m_meaning,
	U: m.review_rating_u_meaning
};
/** "Performed with some challenges": an HSEEP rating's name. */
export const ratingLabel = (r: Rating, locale?: Locale): string => LABEL[r]({}, opt(locale));
/** What an HSEEP rating means, in a sentence. */
export const ratingMeaning = (r: Rating, locale?: Locale): string => MEANING[r]({}, opt(locale));

type CapabilityElement = (typeof CAPABILITY_ELEMENTS)[number];
const ELEMENT: Record<CapabilityElement, (i: object, o: L) => string> = {
	planning: m.review_element_planning,
	organization: m.review_element_organization,
	equipment: m.review_element_equipment,
	training: m.review_element_training,
	exercises: m.review_element_exercises
};
/** An improvement item's capability element (planning, organisation, equipment, training, exercises). */
export const capabilityElementWord = (e: string, locale?: Locale): string => (e in ELEMENT ? ELEMENT[e as CapabilityElement]({}, opt(locale)) : e);

/** Where a craft was stopped: "in the territorial sea of Grenada (4.5 nm off the coast)", "on the high seas". */
export function watersWords(w: Waters, locale?: Locale): string {
	if (w.kind === 'territorial-sea')
		return m.review_waters_territorial({ state: placeName(w.state, locale ?? getLocale()), distance: formatNm(w.coastNm, locale) }, opt(locale));
	if (w.kind === 'land') return m.review_waters_land({ state: placeName(w.state, locale ?? getLocale()) }, opt(locale));
	return m.review_waters_high_seas({}, opt(locale));
}

/** Who did something, without the role prefix of a session name ("controller:Ana" → "Ana"). */
const person = (by: string) => by.replace(/^(controller|evaluator):/, '');

const ALERT_KINDS: Record<SimAlert, (o: L) => string> = {
	distress: (o) => m.review_alert_kind_distress({}, o),
	'out-of-endurance': (o) => m.review_alert_kind_out_of_endurance({}, o),
	'minors-found': (o) => m.review_alert_kind_minors_found({}, o),
	'capacity-exceeded': (o) => m.review_alert_kind_capacity_exceeded({}, o)
};

/** The kind of a simulation alert, as a short noun phrase ("distress call"). */
export const alertKindWord = (alert: SimAlert, locale?: Locale) => ALERT_KINDS[alert](opt(locale));

/** One timeline event in words. Scenario names (teams, injects, entities, areas) come from `scenario`. */
export function timelineText(entry: TimelineEntry, scenario: Scenario | null, locale?: Locale): string {
	return lineText(entry.line, scenario, locale);
}

/** What fired a conditional inject, in words (the studio's dry run and the timeline). Names come from `scenario`. */
export function triggerCauseText(c: TriggerCause, scenario: Scenario | null, locale?: Locale): string {
	const o = opt(locale);
	const team = (id: string | null) => teamWord(scenario, id, locale);
	const teams = (ids: readonly string[]) => formatList(ids.map(team), 'conjunction', locale);
	const inject = (id: string) => scenario?.injects.find((i) => i.id === id)?.title ?? id;
	const entity = (id: string) => scenario?.entities.find((e) => e.id === id)?.name ?? id;
	const option = (injectId: string, optionId: string) =>
		scenario?.injects.find((i) => i.id === injectId)?.decision?.options.find((x) => x.id === optionId)?.label ?? optionId;
	switch (c.kind) {
		case 'decision':
			return m.review_cause_decision({ team: team(c.team), option: option(c.inject, c.option), title: inject(c.inject) }, o);
		case 'missed':
			return m.review_cause_missed({ team: team(c.team), title: inject(c.inject) }, o);
		case 'not-passed-on':
			return m.review_cause_not_passed_on({ team: team(c.team), title: inject(c.inject), target: team(c.target) }, o);
		case 'message':
			return m.review_cause_message({ team: team(c.from), to: teams(c.to) }, o);
		case 'area':
			return c.entered
				? m.review_cause_area_entered({ entity: entity(c.entity), area: scenario?.areas.find((a) => a.id === c.area)?.name ?? c.area }, o)
				: m.review_cause_area_left({ entity: entity(c.entity), area: scenario?.areas.find((a) => a.id === c.area)?.name ?? c.area }, o);
		case 'intercept':
			return m.review_cause_intercept({ entity: entity(c.entity), target: entity(c.target), waters: watersWords(c.waters, locale) }, o);
		case 'detected':
			return m.review_cause_detected({ team: team(c.team), contact: entity(c.contact) }, o);
		case 'alert':
			return m.review_cause_alert({ alert: alertKindWord(c.alert, locale), entity: entity(c.entity) }, o);
	}
}

export function lineText(line: TimelineLine, scenario: Scenario | null, locale?: Locale): string {
	const o = opt(locale);
	const team = (id: string | null) => teamWord(scenario, id, locale);
	const teams = (ids: readonly string[]) => formatList(ids.map(team), 'conjunction', locale);
	const objective = (id: string | null) => objectiveWord(scenario, id, locale);
	const inject = (id: string) => scenario?.injects.find((i) => i.id === id)?.title ?? id;
	const entity = (id: string) => scenario?.entities.find((e) => e.id === id)?.name ?? id;
	const points = (n: number) => formatNumber(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 }, locale);
	const whole = (n: number) => formatNumber(n, { maximumFractionDigits: 1 }, locale);
	/** What fired a conditional inject (the English `cause` of older logs is shown as it is). */
	const causeText = (c: TriggerCause): string => triggerCauseText(c, scenario, locale);
	switch (line.kind) {
		case 'created':
			return m.review_tl_created({ title: line.title, scenario: scenarioWithVersion(line.scenarioTitle, line.scenarioVersion, o.locale) }, o);
		case 'started':
			return m.review_tl_started({}, o);
		case 'paused':
			return m.review_tl_paused({}, o);
		case 'resumed':
			return m.review_tl_resumed({}, o);
		case 'ended':
			return m.review_tl_ended({}, o);
		case 'closed':
			return m.review_tl_closed({}, o);
		case 'recovered':
			return m.review_tl_recovered({ seconds: formatNumber(line.downtimeS, {}, locale) }, o);
		case 'speed':
			return m.review_tl_speed({ speed: formatNumber(line.speed, { maximumFractionDigits: 2 }, locale) }, o);
		case 'inject-held':
			return m.review_tl_inject_held({ title: inject(line.inject) }, o);
		case 'inject-unheld':
			return m.review_tl_inject_unheld({ title: inject(line.inject) }, o);
		case 'inject-skipped':
			return m.review_tl_inject_skipped({ title: inject(line.inject) }, o);
		case 'inject-triggered':
			return m.review_tl_inject_triggered(
				{ title: inject(line.inject), cause: line.because ? causeText(line.because) : line.cause, time: formatClockMs(line.dueAt) },
				o
			);
		case 'inject-added':
			return m.review_tl_inject_added({ title: line.title, by: line.by, time: formatClockMs(line.dueAt) }, o);
		case 'inject-released': {
			const words = { channel: channelWord(line.channel, locale), title: line.title, from: line.from, teams: teams(line.to) };
			return line.early ? m.review_tl_inject_released_early(words, o) : m.review_tl_inject_released(words, o);
		}
		case 'decided': {
			const words = {
				team: team(line.team),
				option: line.label,
				title: inject(line.inject),
				duration: formatMinutesMs(line.latencyMs, locale),
				points: points(line.points),
				max: whole(line.maxPoints)
			};
			return line.rule === null ? m.review_tl_decided(words, o) : m.review_tl_decided_breaking({ ...words, rule: line.rule }, o);
		}
		case 'deadline-missed': {
			const words = { team: team(line.team), title: inject(line.inject) };
			return line.absent ? m.review_tl_deadline_missed_absent(words, o) : m.review_tl_deadline_missed(words, o);
		}
		case 'message': {
			const words = { from: team(line.from), to: teams(line.to), channel: channelWord(line.channel, locale), text: line.text };
			return line.re === null ? m.review_tl_message(words, o) : m.review_tl_message_re({ ...words, title: inject(line.re) }, o);
		}
		case 'message-answered':
			return line.withInject
				? m.review_tl_message_answered({ by: person(line.by), team: team(line.team) }, o)
				: m.review_tl_message_handled({ by: person(line.by), team: team(line.team) }, o);
		case 'team-marked': {
			const words = { by: person(line.by), team: team(line.team) };
			if (line.mode === 'absent') return m.review_tl_marked_absent(words, o);
			if (line.mode === 'control') return m.review_tl_marked_control(words, o);
			return m.review_tl_marked_playing(words, o);
		}
		case 'member-removed': {
			const words = { by: person(line.by), name: person(line.name), team: team(line.team) };
			if (line.role === 'evaluator') return m.review_tl_removed_evaluator(words, o);
			if (line.role === 'observer') return m.review_tl_removed_observer(words, o);
			return m.review_tl_removed_member(words, o);
		}
		case 'code-rotated': {
			const words = { by: person(line.by), team: team(line.team) };
			if (line.role === 'evaluator') return line.signOut ? m.review_tl_rotated_evaluator_signout(words, o) : m.review_tl_rotated_evaluator(words, o);
			if (line.role === 'observer') return line.signOut ? m.review_tl_rotated_observer_signout(words, o) : m.review_tl_rotated_observer(words, o);
			return line.signOut ? m.review_tl_rotated_team_signout(words, o) : m.review_tl_rotated_team(words, o);
		}
		case 'shared':
			return m.review_tl_shared(
				{
					team: team(line.team),
					title: inject(line.inject),
					target: team(line.target),
					duration: formatMinutesMs(line.latencyMs, locale),
					points: whole(line.points),
					max: whole(line.maxPoints)
				},
				o
			);
		case 'not-shared':
			return m.review_tl_not_shared({ team: team(line.team), title: inject(line.inject), target: team(line.target) }, o);
		case 'observation': {
			const words = { team: team(line.team), objective: objective(line.objective), by: person(line.by), text: line.text };
			return line.edited ? m.review_tl_observation_edited(words, o) : m.review_tl_observation(words, o);
		}
		case 'observation-deleted':
			return m.review_tl_observation_deleted({ team: team(line.team), by: person(line.by) }, o);
		case 'narrative': {
			const by = person(line.by);
			if (line.section === 'summary') return line.cleared ? m.review_tl_summary_cleared({ by }, o) : m.review_tl_summary_written({ by }, o);
			const words = { by, objective: objective(line.objective) };
			if (line.section === 'strengths') return line.cleared ? m.review_tl_strengths_cleared(words, o) : m.review_tl_strengths_written(words, o);
			return line.cleared ? m.review_tl_improvements_cleared(words, o) : m.review_tl_improvements_written(words, o);
		}
		case 'rated':
			return m.review_tl_rated(
				{ by: person(line.by), team: team(line.team), objective: objective(line.objective), rating: line.rating, explanation: line.explanation },
				o
			);
		case 'score-adjusted':
			return m.review_tl_score_adjusted(
				{
					by: person(line.by),
					team: team(line.team),
					objective: objective(line.objective),
					points: formatNumber(line.points, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }, locale),
					reason: line.reason
				},
				o
			);
		case 'sharing-changed':
			return line.open ? m.review_tl_sharing_open({}, o) : m.review_tl_sharing_closed({}, o);
		case 'improvement':
			return m.review_tl_improvement({ issue: line.issue, by: person(line.by), agency: line.agency || m.review_tl_no_agency({}, o), due: line.due || '—' }, o);
		case 'tasked': {
			const words = { by: person(line.by), entity: entity(line.entity), speed: formatKnots(line.knots, locale) };
			const order = line.order;
			if (order.type === 'goto') return m.review_tl_tasked_goto({ ...words, position: formatPosition(order.point, locale) }, o);
			if (order.type === 'patrol') return m.review_tl_tasked_patrol({ ...words, count: order.points }, o);
			if (order.type === 'intercept') return m.review_tl_tasked_intercept({ ...words, target: entity(order.target) }, o);
			return m.review_tl_tasked_hold({ by: words.by, entity: words.entity }, o);
		}
		case 'intercept-assessed': {
			const words = { entity: entity(line.entity), target: entity(line.target), reason: line.reason };
			return line.feasible ? m.review_tl_can_intercept(words, o) : m.review_tl_cannot_intercept(words, o);
		}
		case 'intercepted': {
			const words = {
				entity: entity(line.entity),
				target: entity(line.target),
				position: formatPosition(line.point, locale),
				waters: watersWords(line.waters, locale)
			};
			return line.shadowing ? m.review_tl_shadowing(words, o) : m.review_tl_intercepted(words, o);
		}
		case 'detected':
			return m.review_tl_detected(
				{ team: team(line.team), entity: entity(line.entity), contact: entity(line.contact), range: formatNm(line.rangeNm, locale) },
				o
			);
		case 'lost':
			return m.review_tl_lost({ team: team(line.team), contact: entity(line.contact), position: formatPosition(line.position, locale) }, o);
		case 'regained':
			return m.review_tl_regained(
				{ team: team(line.team), entity: entity(line.entity), contact: entity(line.contact), range: formatNm(line.rangeNm, locale) },
				o
			);
		case 'area': {
			const words = { entity: entity(line.entity), area: scenario?.areas.find((a) => a.id === line.area)?.name ?? line.area };
			return line.entered ? m.review_tl_area_entered(words, o) : m.review_tl_area_left(words, o);
		}
		case 'landed':
			return m.review_tl_landed({ entity: entity(line.entity), count: line.people, people: formatNumber(line.people, {}, locale), port: entity(line.port) }, o);
		case 'facility':
			return line.open
				? m.review_tl_facility_open({ by: person(line.by), entity: entity(line.entity), count: line.staff, staff: formatNumber(line.staff, {}, locale) }, o)
				: m.review_tl_facility_closed({ by: person(line.by), entity: entity(line.entity) }, o);
		case 'alert':
			return m.review_tl_alert({ detail: alertText(line.alert, (id) => scenario?.entities.find((e) => e.id === id)?.name ?? null, locale) }, o);
	}
}

/** The starting point offered for an objective's strengths or areas for improvement, one "•" line per finding. */
export function suggestedText(lines: readonly SuggestedLine[], scenario: Scenario | null, locale?: Locale): string {
	const o = opt(locale);
	const team = (id: string | null) => teamWord(scenario, id, locale);
	return lines
		.map((l) => {
			switch (l.kind) {
				case 'rated':
					return m.review_suggest_rated({ team: team(l.team), rating: l.rating, explanation: l.explanation }, o);
				case 'violation':
					return m.review_suggest_violation({ team: team(l.team), title: l.title ?? m.review_suggest_a_decision({}, o), rule: l.rule }, o);
				case 'missed':
					return m.review_suggest_missed({ team: team(l.team), title: l.title ?? m.review_suggest_a_decision({}, o) }, o);
				case 'observed':
					return m.review_suggest_observed({ team: team(l.team), text: l.text }, o);
			}
		})
		.map((l) => `• ${l}`)
		.join('\n');
}

const CSV_HEADER: Record<(typeof TIMELINE_CSV_COLUMNS)[number], (i: object, o: L) => string> = {
	seq: m.review_csv_seq,
	exercise_time: m.review_csv_exercise_time,
	wall_time_utc: m.review_csv_wall_time,
	kind: m.review_csv_kind,
	type: m.review_csv_type,
	teams: m.review_csv_teams,
	objectives: m.review_csv_objectives,
	channel: m.review_csv_channel,
	latency_min: m.review_csv_latency,
	actor: m.review_csv_actor,
	text: m.review_csv_text
};

/**
 * The timeline CSV's words in `locale`. With `headers` the columns are named in that language (a download from the
 * page); without, they keep their fixed names (`TIMELINE_CSV_COLUMNS`, for scripts) and the text is in English.
 */
export function timelineCsvWords(scenario: Scenario | null, locale: Locale | null): TimelineCsvWords {
	const l = locale ?? 'en';
	return {
		columns: locale ? TIMELINE_CSV_COLUMNS.map((c) => CSV_HEADER[c]({}, { locale })) : TIMELINE_CSV_COLUMNS,
		kind: (k) => (locale ? kindWord(k, l) : k),
		text: (entry) => timelineText(entry, scenario, l)
	};
}
