/**
 * The AAR's outcome figures and key moments in words, in the reader's language. Shared by the AAR page and its Word
 * export, so both say the same thing.
 */
import type { KeyMoment, Outcomes } from '$lib/engine/review/aar-content';
import { formatClockMs } from '$lib/engine/exercise/time-format';
import type { Scenario } from '$lib/engine/scenario/schema';
import { formatNumber, formatPosition } from '$lib/i18n/format';
import { teamWord, watersWords } from '$lib/i18n/review-words';
import { m } from '$lib/paraglide/messages';

export { watersWords };

export interface FigureRow {
	label: string;
	value: string;
}

const n = (v: number) => formatNumber(v);
const of = (part: number, whole: number) => m.review_figure_of({ part: n(part), whole: n(whole) });

/** The heading over one set of outcome figures: the people displaced, or the suspect craft and interdictions. */
export const outcomeHeading = (o: Outcomes): string => (o.kind === 'displacement' ? m.team_displaced_people() : m.review_outcomes_interdiction());

export function outcomeRows(o: Outcomes): FigureRow[] {
	if (o.kind === 'displacement')
		return [
			{ label: m.review_figure_received(), value: n(o.received) },
			{ label: m.review_figure_screened(), value: n(o.screened) },
			{ label: m.review_figure_awaiting_screening(), value: n(o.awaitingScreening) },
			{ label: m.review_figure_sheltered(), value: n(o.sheltered) },
			{ label: m.review_figure_unsheltered(), value: n(o.unsheltered) },
			{ label: m.review_figure_minors(), value: n(o.unaccompaniedMinors) },
			{ label: m.review_figure_at_sea(), value: n(o.atSea) },
			{ label: m.review_figure_boats_landed(), value: of(o.boatsLanded, o.boats) },
			{ label: m.review_figure_boats_distress(), value: n(o.distressCalls) },
			{ label: m.review_figure_boats_reached(), value: n(o.boatsReached) }
		];
	return [
		{ label: m.review_figure_suspects_stopped(), value: of(o.seized, o.suspects.length) },
		{ label: m.review_figure_suspects_detected(), value: of(o.suspects.filter((s) => s.firstDetected).length, o.suspects.length) },
		{ label: m.review_figure_intercepts(), value: n(o.intercepts) },
		{ label: m.review_figure_stops_territorial(), value: n(o.interceptsByWaters.territorialSea) },
		{ label: m.review_figure_stops_high_seas(), value: n(o.interceptsByWaters.highSeas) }
	];
}

/** One sentence per suspect craft: seen first by whom, shadowed, stopped where and in whose waters, or never stopped. */
export function suspectLines(o: Extract<Outcomes, { kind: 'maritime-trafficking' }>, scenario: Scenario): string[] {
	const team = (id: string | null) => (id === null ? m.exercise_control() : teamWord(scenario, id));
	const entity = (id: string) => scenario.entities.find((e) => e.id === id)?.name ?? m.review_suspect_an_asset();
	return o.suspects.map((s) => {
		const parts = [
			s.firstDetected
				? m.review_suspect_detected({ time: formatClockMs(s.firstDetected.at), team: team(s.firstDetected.team) })
				: m.review_suspect_never_detected(),
			s.shadowed ? m.review_suspect_shadowed({ time: formatClockMs(s.shadowed.at), asset: entity(s.shadowed.assetId) }) : null,
			s.stopped
				? m.review_suspect_stopped({
						time: formatClockMs(s.stopped.at),
						asset: entity(s.stopped.assetId),
						team: team(s.stopped.team),
						position: formatPosition(s.stopped.point),
						waters: watersWords(s.stopped.waters)
					})
				: m.review_suspect_not_stopped()
		].filter((p) => p !== null);
		return m.review_suspect_line({ name: s.name, facts: parts.join('; ') });
	});
}

/** A key moment's caption. */
export function momentCaption(k: KeyMoment, scenario: Scenario): string {
	const team = scenario.teams.find((t) => t.id === k.team)?.name;
	const entity = scenario.entities.find((e) => e.id === k.entityId)?.name ?? '';
	const time = formatClockMs(k.at);
	switch (k.kind) {
		case 'detection':
			return team ? m.review_moment_detected_by({ time, entity, team }) : m.review_moment_detected({ time, entity });
		case 'intercept':
			return team ? m.review_moment_reached_by({ time, entity, team }) : m.review_moment_reached({ time, entity });
		case 'distress':
			return m.review_moment_distress({ time, entity });
		case 'landing':
			return m.review_moment_landing({ time, entity });
		case 'end':
			return m.review_moment_end({ time });
	}
}
