/**
 * The exercise projection: `evolve(state, event) → state`, a pure reducer.
 * The same reducer rebuilds an exercise on the server after a restart, keeps
 * each browser's view live (over the events that browser may see) and drives
 * replay. It must never read a clock or do I/O.
 */
import { MINUTE, runClock, setClockSpeed, stopClock, stoppedClock, type ClockState } from './clock';
import type { DomainEvent, DomainEventBody, ImprovementItem, NewEvent, ObjectivePoints, Rating } from './events';
import { decidingTeams, type Entity, type Inject, type Scenario } from './scenario-schema';

/** `closed`: play is over and the evaluation is final (ratings can no longer change). */
export type ExerciseStatus = 'setup' | 'running' | 'paused' | 'ended' | 'closed';

export interface InjectState {
	id: string;
	/** Scheduled release, exercise ms; null while a conditional inject waits for its trigger. */
	dueAt: number | null;
	/** `waiting`: conditional, its trigger has not fired; `skipped`: the controller dropped it. */
	status: 'waiting' | 'pending' | 'held' | 'released' | 'skipped';
	releasedAt: number | null;
	manual: boolean;
	inject: Inject;
}

export interface DecisionState {
	injectId: string;
	team: string;
	status: 'open' | 'decided' | 'expired';
	openedAt: number;
	expectedBy: number;
	deadlineAt: number;
	optionId: string | null;
	by: string | null;
	closedAt: number | null;
	latencyMs: number | null;
	timeliness: number | null;
	points: ObjectivePoints;
	maxPoints: ObjectivePoints;
	quality: ObjectivePoints;
	violation: { rule: string; objective: string; penalty: number } | null;
	explanation: { label: string; feedback: string | null } | null;
}

/** A team that received an inject is expected to pass it on to `target` in time. */
export interface ShareExpectation {
	injectId: string;
	team: string;
	target: string;
	objective: string;
	status: 'open' | 'met' | 'missed';
	openedAt: number;
	expectedBy: number;
	deadlineAt: number;
	latencyMs: number | null;
	points: number;
	maxPoints: number;
}

type Body<T extends DomainEventBody['type']> = Omit<Extract<DomainEventBody, { type: T }>, 'type'>;
export type Message = Body<'message.sent'> & { at: number };
export type Observation = Body<'observation.recorded'> & { at: number };
export interface RatingRevision {
	rating: Rating;
	explanation: string;
	by: string;
	at: number;
}
export interface ScoreAdjustment {
	team: string;
	objective: string;
	points: number;
	reason: string;
	by: string;
	at: number;
}

export interface ExerciseState {
	id: string;
	title: string;
	scenario: Scenario | null;
	status: ExerciseStatus;
	clock: ClockState;
	createdWall: number;
	/** Injects known to this view, by id; `injectOrder` keeps MSEL order. */
	injects: Record<string, InjectState>;
	injectOrder: string[];
	/** Decisions by `decisionKey(injectId, team)`. */
	decisions: Record<string, DecisionState>;
	/** Entities this view can draw (public ones plus those revealed to it). */
	entities: Record<string, Entity>;
	/** Coordination expectations by `shareKey(injectId, team, target)`. */
	shares: Record<string, ShareExpectation>;
	messages: Message[];
	observations: Observation[];
	/** Every revision of each team's rating per objective, by `ratingKey(team, objective)`; the last one stands. */
	ratings: Record<string, RatingRevision[]>;
	adjustments: ScoreAdjustment[];
	improvements: Record<string, ImprovementItem>;
	reviewShared: boolean;
	lastSeq: number;
}

/** A record's own entry: ids come from outside, and "constructor" or "__proto__" must not find Object.prototype. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

export const decisionKey = (injectId: string, team: string) => `${injectId}/${team}`;
export const shareKey = (injectId: string, team: string, target: string) => `${injectId}/${team}>${target}`;
export const ratingKey = (team: string, objective: string) => `${team}/${objective}`;

export function emptyExercise(id: string): ExerciseState {
	return {
		id,
		title: '',
		scenario: null,
		status: 'setup',
		clock: stoppedClock,
		createdWall: 0,
		injects: {},
		injectOrder: [],
		decisions: {},
		entities: {},
		shares: {},
		messages: [],
		observations: [],
		ratings: {},
		adjustments: [],
		improvements: {},
		reviewShared: false,
		lastSeq: 0
	};
}

function pendingInject(inject: Inject): InjectState {
	const timed = inject.at !== undefined;
	return { id: inject.id, dueAt: timed ? inject.at! * MINUTE : null, status: timed ? 'pending' : 'waiting', releasedAt: null, manual: false, inject };
}

/** Entities every team sees from the start. */
export function publicEntities(scenario: Scenario): Record<string, Entity> {
	return Object.fromEntries(scenario.entities.filter((e) => e.visibility === 'all').map((e) => [e.id, e]));
}

export function evolve(state: ExerciseState, event: DomainEvent | NewEvent): ExerciseState {
	const next = 'seq' in event ? { ...state, lastSeq: event.seq } : { ...state };
	switch (event.type) {
		case 'exercise.created': {
			const injects = Object.fromEntries(event.scenario.injects.map((i) => [i.id, pendingInject(i)]));
			return {
				...next,
				id: event.exerciseId,
				title: event.title,
				scenario: event.scenario,
				createdWall: event.wall,
				injects,
				injectOrder: event.scenario.injects.map((i) => i.id),
				entities: publicEntities(event.scenario)
			};
		}
		case 'exercise.started':
		case 'exercise.resumed':
		case 'exercise.recovered':
			return { ...next, status: 'running', clock: runClock(state.clock, event.wall, event.at) };
		case 'exercise.paused':
			return { ...next, status: 'paused', clock: stopClock(state.clock, event.wall, event.at) };
		case 'exercise.ended':
			return { ...next, status: 'ended', clock: stopClock(state.clock, event.wall, event.at) };
		case 'exercise.closed':
			return { ...next, status: 'closed' };
		case 'clock.speed_changed':
			return { ...next, clock: setClockSpeed(state.clock, event.wall, event.at, event.speed) };
		case 'inject.held':
		case 'inject.unheld':
		case 'inject.skipped': {
			const current = own(state.injects, event.injectId);
			if (!current) return next;
			const status = event.type === 'inject.held' ? 'held' : event.type === 'inject.skipped' ? 'skipped' : current.dueAt === null ? 'waiting' : 'pending';
			return { ...next, injects: { ...state.injects, [event.injectId]: { ...current, status } } };
		}
		case 'inject.triggered': {
			const current = own(state.injects, event.injectId);
			if (!current || current.status !== 'waiting') return next;
			return { ...next, injects: { ...state.injects, [event.injectId]: { ...current, status: 'pending', dueAt: event.dueAt } } };
		}
		case 'inject.added': {
			const added: InjectState = { ...pendingInject(event.inject), dueAt: event.dueAt, status: 'pending' };
			return { ...next, injects: { ...state.injects, [event.inject.id]: added }, injectOrder: [...state.injectOrder, event.inject.id] };
		}
		case 'inject.released': {
			const inject = event.inject;
			const known = own(state.injects, inject.id);
			const released: InjectState = {
				...(known ?? pendingInject(inject)),
				inject,
				status: 'released',
				releasedAt: event.at,
				manual: event.manual
			};
			const decisions = { ...state.decisions };
			if (inject.decision) {
				for (const team of decidingTeams(inject)) {
					decisions[decisionKey(inject.id, team)] = {
						injectId: inject.id,
						team,
						status: 'open',
						openedAt: event.at,
						expectedBy: event.at + inject.decision.expectedWithinMinutes * MINUTE,
						deadlineAt: event.at + inject.decision.deadlineMinutes * MINUTE,
						optionId: null,
						by: null,
						closedAt: null,
						latencyMs: null,
						timeliness: null,
						points: {},
						maxPoints: {},
						quality: {},
						violation: null,
						explanation: null
					};
				}
			}
			const shares = { ...state.shares };
			for (const expectation of inject.shareWith ?? [])
				for (const team of inject.to) {
					shares[shareKey(inject.id, team, expectation.team)] = {
						injectId: inject.id,
						team,
						target: expectation.team,
						objective: expectation.objective,
						status: 'open',
						openedAt: event.at,
						expectedBy: event.at + expectation.withinMinutes * MINUTE,
						deadlineAt: event.at + 2 * expectation.withinMinutes * MINUTE,
						latencyMs: null,
						points: 0,
						maxPoints: expectation.points
					};
				}
			const entities = { ...state.entities };
			for (const e of event.reveals) entities[e.id] = e;
			return {
				...next,
				injects: { ...state.injects, [inject.id]: released },
				injectOrder: known ? state.injectOrder : [...state.injectOrder, inject.id],
				decisions,
				shares,
				entities
			};
		}
		case 'message.sent': {
			const { messageId, fromTeam, to, channel, text, refInjectId, by, at } = event;
			return { ...next, messages: [...state.messages, { messageId, fromTeam, to, channel, text, refInjectId, by, at }] };
		}
		case 'coordination.credited':
		case 'coordination.missed': {
			const key = shareKey(event.injectId, event.team, event.target);
			const open = state.shares[key];
			if (!open) return next;
			const closed: ShareExpectation =
				event.type === 'coordination.credited'
					? { ...open, status: 'met', latencyMs: event.latencyMs, points: event.points }
					: { ...open, status: 'missed' };
			return { ...next, shares: { ...state.shares, [key]: closed } };
		}
		case 'observation.recorded': {
			const { observationId, team, objective, text, by, at } = event;
			return { ...next, observations: [...state.observations, { observationId, team, objective, text, by, at }] };
		}
		case 'rating.set': {
			const key = ratingKey(event.team, event.objective);
			const revision: RatingRevision = { rating: event.rating, explanation: event.explanation, by: event.by, at: event.at };
			return { ...next, ratings: { ...state.ratings, [key]: [...(state.ratings[key] ?? []), revision] } };
		}
		case 'score.adjusted': {
			const { team, objective, points, reason, by, at } = event;
			return { ...next, adjustments: [...state.adjustments, { team, objective, points, reason, by, at }] };
		}
		case 'review.sharing_changed':
			return { ...next, reviewShared: event.participantsMaySee };
		case 'improvement.updated': {
			const { itemId, objective, issue, correctiveAction, capabilityElement, responsibleAgency, pointOfContact, startDate, dueDate } = event;
			return {
				...next,
				improvements: {
					...state.improvements,
					[itemId]: { itemId, objective, issue, correctiveAction, capabilityElement, responsibleAgency, pointOfContact, startDate, dueDate }
				}
			};
		}
		case 'decision.submitted':
		case 'decision.expired': {
			const key = decisionKey(event.injectId, event.team);
			const open = state.decisions[key];
			if (!open) return next;
			const closed: DecisionState =
				event.type === 'decision.submitted'
					? {
							...open,
							status: 'decided',
							optionId: event.optionId,
							by: event.by,
							closedAt: event.at,
							latencyMs: event.latencyMs,
							timeliness: event.timeliness,
							points: event.points,
							maxPoints: event.maxPoints,
							quality: event.quality,
							violation: event.violation,
							explanation: event.explanation
						}
					: { ...open, status: 'expired', closedAt: event.at, points: {}, maxPoints: event.maxPoints };
			return { ...next, decisions: { ...state.decisions, [key]: closed } };
		}
	}
}

export function foldEvents(id: string, events: readonly (DomainEvent | NewEvent)[], from = emptyExercise(id)): ExerciseState {
	let state = from;
	for (const e of events) state = evolve(state, e);
	return state;
}

/** Injects ready to release at exercise time `at`, in MSEL order. */
export function dueInjects(state: ExerciseState, at: number): InjectState[] {
	return state.injectOrder
		.map((id) => state.injects[id])
		.filter((i) => i.status === 'pending' && i.dueAt !== null && i.dueAt <= at)
		.sort((a, b) => a.dueAt! - b.dueAt!);
}

export function expiredDecisions(state: ExerciseState, at: number): DecisionState[] {
	return Object.values(state.decisions).filter((d) => d.status === 'open' && d.deadlineAt <= at);
}

export function expiredShares(state: ExerciseState, at: number): ShareExpectation[] {
	return Object.values(state.shares).filter((s) => s.status === 'open' && s.deadlineAt <= at);
}

/** The next exercise time at which something is due (inject release or decision deadline). */
export function nextDueAt(state: ExerciseState): number | null {
	let next: number | null = null;
	for (const i of Object.values(state.injects))
		if (i.status === 'pending' && i.dueAt !== null && (next === null || i.dueAt < next)) next = i.dueAt;
	for (const d of [...Object.values(state.decisions), ...Object.values(state.shares)])
		if (d.status === 'open' && (next === null || d.deadlineAt < next)) next = d.deadlineAt;
	return next;
}
