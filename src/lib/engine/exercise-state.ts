/**
 * The exercise projection: `evolve(state, event) → state`, a pure reducer.
 * The same reducer rebuilds an exercise on the server after a restart, keeps
 * each browser's view live (over the events that browser may see) and drives
 * replay. It must never read a clock or do I/O.
 */
import { MINUTE, runClock, setClockSpeed, stopClock, stoppedClock, type ClockState } from './clock';
import type { DomainEvent, NewEvent, ObjectivePoints } from './events';
import { decidingTeams, type Entity, type Inject, type Scenario } from './scenario-schema';

export type ExerciseStatus = 'setup' | 'running' | 'paused' | 'ended';

export interface InjectState {
	id: string;
	/** Scheduled release, exercise ms. */
	dueAt: number;
	status: 'pending' | 'held' | 'released';
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
	lastSeq: number;
}

export const decisionKey = (injectId: string, team: string) => `${injectId}/${team}`;

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
		lastSeq: 0
	};
}

function pendingInject(inject: Inject): InjectState {
	return { id: inject.id, dueAt: inject.at * MINUTE, status: 'pending', releasedAt: null, manual: false, inject };
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
		case 'clock.speed_changed':
			return { ...next, clock: setClockSpeed(state.clock, event.wall, event.at, event.speed) };
		case 'inject.held':
		case 'inject.unheld': {
			const current = state.injects[event.injectId];
			if (!current) return next;
			const status = event.type === 'inject.held' ? 'held' : 'pending';
			return { ...next, injects: { ...state.injects, [event.injectId]: { ...current, status } } };
		}
		case 'inject.released': {
			const inject = event.inject;
			const known = state.injects[inject.id];
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
						maxPoints: {}
					};
				}
			}
			const entities = { ...state.entities };
			for (const e of event.reveals) entities[e.id] = e;
			return {
				...next,
				injects: { ...state.injects, [inject.id]: released },
				injectOrder: known ? state.injectOrder : [...state.injectOrder, inject.id],
				decisions,
				entities
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
							maxPoints: event.maxPoints
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
		.filter((i) => i.status === 'pending' && i.dueAt <= at)
		.sort((a, b) => a.dueAt - b.dueAt);
}

export function expiredDecisions(state: ExerciseState, at: number): DecisionState[] {
	return Object.values(state.decisions).filter((d) => d.status === 'open' && d.deadlineAt <= at);
}

/** The next exercise time at which something is due (inject release or decision deadline). */
export function nextDueAt(state: ExerciseState): number | null {
	let next: number | null = null;
	for (const i of Object.values(state.injects)) if (i.status === 'pending' && (next === null || i.dueAt < next)) next = i.dueAt;
	for (const d of Object.values(state.decisions))
		if (d.status === 'open' && (next === null || d.deadlineAt < next)) next = d.deadlineAt;
	return next;
}
