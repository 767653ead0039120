/**
 * What the after-action report says (pure): the outcome figures of what the
 * scenario has, whatever its `kind` (displacement figures — people received,
 * screened, sheltered, unaccompanied children — when it has boats of people or
 * the displacement model; interdiction figures — suspect craft detected, stopped
 * where and in whose waters, contraband seized — when it has suspect craft or
 * intercept targets; both for a migrant-smuggling exercise), the key moments
 * worth a map, and per objective the rated teams apart from the unrated ones, so
 * the report never lists pages of "Not rated". Numbers and ids only: the page
 * words them.
 */
import type { DomainEvent } from '../exercise/events';
import { own, ratingKey, type ExerciseState, type RatingRevision } from '../exercise/state';
import type { Entity, LonLat, Scenario } from '../scenario/schema';
import { displacementPictureAt } from '../sim/displacement-state';
import type { Waters } from '../sim/zones';
import { percent, teamScores } from './score-decision';

export interface DisplacementOutcomes {
	kind: 'displacement';
	boats: number;
	boatsLanded: number;
	/** Boats reached by a rescue or escort (an intercept by an asset). */
	boatsReached: number;
	distressCalls: number;
	atSea: number;
	received: number;
	screened: number;
	awaitingScreening: number;
	sheltered: number;
	unsheltered: number;
	unaccompaniedMinors: number;
	byState: { state: string; received: number; sheltered: number; unsheltered: number }[];
}

export interface SuspectOutcome {
	entityId: string;
	name: string;
	/** The first time any team detected it. */
	firstDetected: { at: number; team: string } | null;
	/** Stopped by a vessel: where, by whom and in whose waters. */
	stopped: { at: number; team: string | null; assetId: string; point: LonLat; waters: Waters } | null;
	/** An aircraft over it (it sails on). */
	shadowed: { at: number; team: string | null; assetId: string } | null;
}

export interface MaritimeOutcomes {
	kind: 'maritime-trafficking';
	suspects: SuspectOutcome[];
	/** Suspect craft stopped and boarded: their load seized. */
	seized: number;
	intercepts: number;
	interceptsByWaters: { territorialSea: number; highSeas: number };
}

export type Outcomes = DisplacementOutcomes | MaritimeOutcomes;

const hasPeopleAboard = (e: Entity) => e.kind === 'boat' && e.people !== undefined;

/** Categories of craft an intercept trigger may be waiting for as a suspect: not a known fishing, cargo or passenger craft. */
const MAYBE_SUSPECT: ReadonlySet<Entity['category']> = new Set(['unknown', 'high-speed']);

/**
 * The craft the interdiction figures follow: suspect craft, and the unidentified or high-speed craft an intercept
 * trigger is waiting for a team to reach. Boats of displaced people are a rescue (counted in the displacement
 * figures), and a fishing, cargo or passenger craft reached by an intercept (say, to collect what it picked up) is
 * not a suspect.
 */
export function interdictionTargets(scenario: Scenario): Entity[] {
	const intercepted = new Set(scenario.injects.flatMap((i) => (i.trigger && 'intercept' in i.trigger ? [i.trigger.intercept.target] : [])));
	return scenario.entities.filter((e) => !hasPeopleAboard(e) && (e.category === 'suspect' || (intercepted.has(e.id) && MAYBE_SUSPECT.has(e.category))));
}

/** Whether the displacement figures say something of this scenario: boats of people, or the displacement model. */
const hasDisplacement = (scenario: Scenario) => scenario.displacement !== undefined || scenario.entities.some(hasPeopleAboard);

/**
 * Every set of outcome figures the scenario has, as it stands at `endAt` (exercise ms): displacement first, then
 * interdiction. A scenario with neither (no boats of people, no suspect or intercept target) gets the set its kind
 * names, so the report still has its figures.
 */
export function outcomeFigureSets(state: ExerciseState, endAt: number): Outcomes[] {
	const scenario = state.scenario;
	if (!scenario) return [];
	const sets: Outcomes[] = [];
	const targets = interdictionTargets(scenario);
	const displacement = hasDisplacement(scenario);
	if (displacement || (targets.length === 0 && scenario.kind === 'displacement')) sets.push(displacementOutcomes(state, scenario, endAt));
	if (targets.length > 0 || (!displacement && scenario.kind !== 'displacement')) sets.push(maritimeOutcomes(state, scenario, targets));
	return sets;
}

/**
 * The first set of outcome figures (`outcomeFigureSets`): for a page that shows one. A scenario that mixes boats of
 * people and suspect craft has both; show them all with `outcomeFigureSets`.
 */
export function outcomeFigures(state: ExerciseState, endAt: number): Outcomes | null {
	return outcomeFigureSets(state, endAt)[0] ?? null;
}

function displacementOutcomes(state: ExerciseState, scenario: Scenario, endAt: number): DisplacementOutcomes {
	const picture = displacementPictureAt(state, endAt);
	const boats = scenario.entities.filter((e) => e.kind === 'boat' && e.people);
	const t = picture?.totals;
	return {
		kind: 'displacement',
		boats: boats.length,
		boatsLanded: boats.filter((b) => own(state.alerts, `landed/${b.id}`) !== undefined).length,
		boatsReached: new Set(state.intercepts.filter((i) => boats.some((b) => b.id === i.target)).map((i) => i.target)).size,
		distressCalls: boats.filter((b) => own(state.alerts, `distress/${b.id}`) !== undefined).length,
		atSea: t?.atSea ?? 0,
		received: t?.received ?? 0,
		screened: t?.screened ?? 0,
		awaitingScreening: t?.awaitingScreening ?? 0,
		sheltered: t?.sheltered ?? 0,
		unsheltered: t?.unsheltered ?? 0,
		unaccompaniedMinors: t?.unaccompaniedMinors ?? 0,
		byState: Object.entries(picture?.byState ?? {})
			.map(([name, c]) => ({ state: name, received: c.received, sheltered: c.sheltered, unsheltered: c.unsheltered }))
			.filter((s) => s.received > 0 || s.sheltered > 0)
	};
}

function maritimeOutcomes(state: ExerciseState, scenario: Scenario, targets: readonly Entity[]): MaritimeOutcomes {
	const suspects = targets.map((e): SuspectOutcome => {
		const detections = Object.entries(state.detections)
			.filter(([key]) => key.endsWith(`/${e.id}`))
			.map(([key, at]) => ({ at, team: key.slice(0, key.length - e.id.length - 1) }))
			.sort((a, b) => a.at - b.at);
		const met = state.intercepts.filter((i) => i.target === e.id).sort((a, b) => a.at - b.at);
		const stop = met.find((i) => !i.shadowing);
		const shadow = met.find((i) => i.shadowing);
		return {
			entityId: e.id,
			name: e.name,
			firstDetected: detections[0] ?? null,
			stopped: stop ? { at: stop.at, team: stop.team, assetId: stop.entityId, point: stop.point, waters: stop.waters } : null,
			shadowed: shadow ? { at: shadow.at, team: shadow.team, assetId: shadow.entityId } : null
		};
	});
	// A rescue or escort of a boat of people is not an interdiction: it counts in the displacement figures.
	const rescued = new Set(scenario.entities.filter(hasPeopleAboard).map((e) => e.id));
	const met = state.intercepts.filter((i) => !rescued.has(i.target));
	const stops = met.filter((i) => !i.shadowing);
	return {
		kind: 'maritime-trafficking',
		suspects,
		seized: suspects.filter((s) => s.stopped).length,
		intercepts: met.length,
		interceptsByWaters: {
			territorialSea: stops.filter((i) => i.waters.kind === 'territorial-sea').length,
			highSeas: stops.filter((i) => i.waters.kind === 'high-seas').length
		}
	};
}

export type MomentKind = 'detection' | 'intercept' | 'distress' | 'landing' | 'end';

export interface KeyMoment {
	at: number;
	kind: MomentKind;
	/** The entity the moment is about (the contact detected, the target met, the boat). */
	entityId: string | null;
	team: string | null;
}

/** Contacts whose first detection is a key moment: the craft play is about, not partners' boats or bystanders. */
const WORTH_A_MAP = new Set(['suspect', 'displaced', 'unknown', 'high-speed']);

/**
 * The moments worth a map in the report, in time order: the first detection of each suspect, unknown or
 * displaced-people contact (partners' own boats and bystanders are detected all the time and are left out), each intercept,
 * the first distress call and the first landing, and the end of play; at most `max` (the end always kept).
 */
export function keyMoments(events: readonly DomainEvent[], max = 6): KeyMoment[] {
	const moments: KeyMoment[] = [];
	const seen = new Set<string>();
	const once = (key: string, m: KeyMoment) => {
		if (seen.has(key)) return;
		seen.add(key);
		moments.push(m);
	};
	for (const e of events) {
		if (e.type === 'contact.detected' && WORTH_A_MAP.has(e.entity.category))
			once(`d/${e.contact}`, { at: e.at, kind: 'detection', entityId: e.contact, team: e.team });
		else if (e.type === 'intercept.achieved') once(`i/${e.entityId}/${e.target}`, { at: e.metAt, kind: 'intercept', entityId: e.target, team: e.team });
		else if (e.type === 'simulation.alert' && e.alert === 'distress') once('distress', { at: e.at, kind: 'distress', entityId: e.entityId, team: e.team });
		else if (e.type === 'boat.landed') once('landing', { at: e.at, kind: 'landing', entityId: e.entityId, team: null });
	}
	const end = events.reduce((m, e) => Math.max(m, e.at), 0);
	const picked = moments.sort((a, b) => a.at - b.at).slice(0, Math.max(0, max - 1));
	if (end > 0 && !picked.some((m) => m.at === end)) picked.push({ at: end, kind: 'end', entityId: null, team: null });
	return picked;
}

export interface TeamOnObjective {
	team: string;
	rating: RatingRevision | null;
	percent: number | null;
}

export interface ObjectiveSection {
	objective: string;
	rated: TeamOnObjective[];
	/** Teams with no rating for this objective: listed in one line, not one paragraph each. */
	unrated: TeamOnObjective[];
}

/** Per objective, the teams with a rating (each shown in full) apart from those without (collapsed). */
export function objectiveSections(state: ExerciseState): ObjectiveSection[] {
	const scenario = state.scenario;
	if (!scenario) return [];
	const scores = new Map(teamScores(state).map((s) => [s.team, s]));
	return scenario.objectives.map((o) => {
		const teams = scenario.teams.map((t) => ({
			team: t.id,
			rating: own(state.ratings, ratingKey(t.id, o.id))?.at(-1) ?? null,
			percent: percent(scores.get(t.id)?.objectives[o.id] ?? { earned: 0, max: 0 })
		}));
		return { objective: o.id, rated: teams.filter((t) => t.rating), unrated: teams.filter((t) => !t.rating) };
	});
}

/** One finding offered as a starting point for the AAR's narrative (worded by `suggestedText` in the review words). */
export type SuggestedLine =
	| { kind: 'rated'; team: string; rating: string; explanation: string }
	| { kind: 'violation'; team: string; title: string | null; rule: string }
	| { kind: 'missed'; team: string; title: string | null }
	| { kind: 'observed'; team: string | null; text: string };

/**
 * A starting point for the evaluator's strengths or areas for improvement on one objective, from what the record
 * shows (ratings and their explanations, notes, rules broken, missed decisions). Offered, never saved unasked.
 */
export function suggestedLines(state: ExerciseState, objective: string, side: 'strengths' | 'improvements'): SuggestedLine[] {
	if (!state.scenario) return [];
	const lines: SuggestedLine[] = [];
	const section = objectiveSections(state).find((s) => s.objective === objective);
	for (const t of section?.rated ?? []) {
		const good = t.rating!.rating === 'P' || t.rating!.rating === 'S';
		if (good === (side === 'strengths')) lines.push({ kind: 'rated', team: t.team, rating: t.rating!.rating, explanation: t.rating!.explanation });
	}
	if (side === 'improvements') {
		for (const d of Object.values(state.decisions)) {
			const title = own(state.injects, d.injectId)?.inject.title ?? null;
			if (d.violation?.objective === objective) lines.push({ kind: 'violation', team: d.team, title, rule: d.violation.rule });
			else if (d.status === 'expired' && objective in d.maxPoints) lines.push({ kind: 'missed', team: d.team, title });
		}
	}
	for (const n of state.observations) if (n.objective === objective) lines.push({ kind: 'observed', team: n.team, text: n.text });
	return lines;
}
