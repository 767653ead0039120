/**
 * The exercise projection: `evolve(state, event) → state`, a pure reducer.
 * The same reducer rebuilds an exercise on the server after a restart, keeps
 * each browser's view live (over the events that browser may see) and drives
 * replay. It must never read a clock or do I/O.
 */
import { MINUTE, runClock, setClockSpeed, stopClock, stoppedClock, type ClockState } from './clock';
import type { FacilityChange } from '../sim/displacement';
import type {
	CourseChange,
	DomainEvent,
	DomainEventBody,
	ForwardedInject,
	ImprovementItem,
	NarrativeSection,
	NewEvent,
	ObjectivePoints,
	Rating,
	TeamMode
} from './events';
import type { CoursePoint, Order } from '../sim/kinematics';
import type { Waters } from '../sim/zones';
import type { Entity, Inject, LonLat, Scenario } from '../scenario/schema';
import { decidingTeams } from '../scenario/kinds';
import { statusAfter } from './lifecycle';
import { openAccess, withRemoval, withRotation, type AccessState } from './revocation';

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
	/** It expired while the controller had the team marked absent: it does not count against the team. */
	teamAbsent: boolean;
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
export type Message = Omit<Body<'message.sent'>, 'forwarded'> & {
	at: number;
	forwarded: ForwardedInject | null;
	/** For messages to exercise control: when and by whom it was dealt with, and the inject that answered it. */
	answeredAt: number | null;
	answeredBy: string | null;
	answerInjectId: string | null;
};
export type Observation = Omit<Body<'observation.recorded'>, 'eventSeq'> & { at: number; eventSeq: number | null; editedAt: number | null };
export interface NarrativeEntry {
	text: string;
	by: string;
	at: number;
}
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

/** One leg of an entity's movement from `startAt`: a team's order or a change the simulation made. */
export interface CourseRecord {
	startAt: number;
	track: CoursePoint[];
	order: Order | null;
	team: string | null;
	speedKnots: number;
	exhaustedAt: number | null;
	intercept: { target: string; at: number; point: LonLat } | null;
}

export interface InterceptRecord {
	entityId: string;
	team: string | null;
	target: string;
	at: number;
	point: LonLat;
	waters: Waters;
	shadowing: boolean;
}

export interface ExerciseState {
	id: string;
	title: string;
	scenario: Scenario | null;
	/** The studio library version the scenario was taken from (null: created before the studio kept versions). */
	scenarioVersion: number | null;
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
	/** How each team takes part, where the controller has marked it (a team not here is playing). */
	teamModes: Record<string, TeamMode>;
	/** The AAR's narrative, written by evaluators, by section. */
	narrative: Partial<Record<NarrativeSection, NarrativeEntry>>;
	/** Movements ordered or changed during play, oldest first, by entity id (scripted tracks apply before the first). */
	courses: Record<string, CourseRecord[]>;
	/** Teams a hidden entity has been revealed to (by an inject or their own sensors), by entity id. */
	sightedBy: Record<string, string[]>;
	/** When each team first detected each contact, by `${team}/${contact}`. */
	detections: Record<string, number>;
	/** Contacts a team's sensors have lost, with when and where they were last held, by `${team}/${contact}`. */
	lostContacts: Record<string, { at: number; position: LonLat }>;
	/** Whether an entity is inside an area a trigger watches, by `${entity}/${area}`. */
	inArea: Record<string, boolean>;
	intercepts: InterceptRecord[];
	/** The latest answer to an intercept order, by asset id. */
	assessments: Record<string, { target: string; feasible: boolean; reason: string; interceptAt: number | null; at: number }>;
	/** Ports and shelters opened, closed or re-staffed during play, in time order. */
	facilityChanges: FacilityChange[];
	/** Alerts raised, by `${alert}/${entity}`: exercise ms. */
	alerts: Record<string, number>;
	/** Members removed and join codes retired with a sign-out: the sessions refused (see `revocationOf`). */
	access: AccessState;
	lastSeq: number;
}

/** A record's own entry: ids come from outside, and "constructor" or "__proto__" must not find Object.prototype. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A record's entry that a check has already made sure of (a command's check, or the event that created it):
 * a missing one is a bug in the engine, not bad input, and fails loudly.
 */
export function known<T>(record: Record<string, T>, key: string): T {
	const value = own(record, key);
	if (value === undefined) throw new Error(`internal error: no entry "${key}"`);
	return value;
}

/** When a course starts, exercise ms: its first point (the schema and the planners never make an empty course). */
function courseStart(track: readonly CoursePoint[]): number {
	const [first] = track;
	if (!first) throw new Error('internal error: a course without points');
	return first.at * MINUTE;
}

export const decisionKey = (injectId: string, team: string) => `${injectId}/${team}`;
export const shareKey = (injectId: string, team: string, target: string) => `${injectId}/${team}>${target}`;
export const ratingKey = (team: string, objective: string) => `${team}/${objective}`;

export function emptyExercise(id: string): ExerciseState {
	return {
		id,
		title: '',
		scenario: null,
		scenarioVersion: null,
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
		teamModes: {},
		narrative: {},
		courses: {},
		sightedBy: {},
		detections: {},
		lostContacts: {},
		inArea: {},
		intercepts: [],
		assessments: {},
		facilityChanges: [],
		alerts: {},
		access: openAccess,
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

/**
 * A copy of `state` whose containers (records and lists) are its own, so `apply`
 * may write into them. The items inside are shared and never mutated: `apply`
 * replaces an item rather than changing it.
 */
function writable(state: ExerciseState): ExerciseState {
	return {
		...state,
		injects: { ...state.injects },
		injectOrder: [...state.injectOrder],
		decisions: { ...state.decisions },
		entities: { ...state.entities },
		shares: { ...state.shares },
		messages: [...state.messages],
		observations: [...state.observations],
		ratings: { ...state.ratings },
		adjustments: [...state.adjustments],
		improvements: { ...state.improvements },
		teamModes: { ...state.teamModes },
		narrative: { ...state.narrative },
		courses: { ...state.courses },
		sightedBy: { ...state.sightedBy },
		detections: { ...state.detections },
		lostContacts: { ...state.lostContacts },
		inArea: { ...state.inArea },
		intercepts: [...state.intercepts],
		assessments: { ...state.assessments },
		facilityChanges: [...state.facilityChanges],
		alerts: { ...state.alerts }
	};
}

function addCourse(s: ExerciseState, entityId: string, record: CourseRecord) {
	s.courses[entityId] = [...(own(s.courses, entityId) ?? []), record];
}

function simulationCourses(s: ExerciseState, changes: CourseChange[]) {
	for (const c of changes)
		addCourse(s, c.entityId, { startAt: courseStart(c.course), track: c.course, order: null, team: null, speedKnots: 0, exhaustedAt: null, intercept: null });
}

function sighted(s: ExerciseState, entityId: string, teams: readonly string[]) {
	const before = own(s.sightedBy, entityId) ?? [];
	const added = teams.filter((t) => !before.includes(t));
	if (added.length > 0) s.sightedBy[entityId] = [...before, ...added];
}

/**
 * Folds one event into a state that `writable` made: writes into its containers
 * in place, so folding n events costs O(n), not O(n²) as copying every list per
 * event would (a long log is mostly messages, observations and ratings).
 */
function apply(s: ExerciseState, event: DomainEvent | NewEvent): void {
	if ('seq' in event) s.lastSeq = event.seq;
	s.status = statusAfter(event) ?? s.status;
	switch (event.type) {
		case 'exercise.created':
			Object.assign(s, writable(emptyExercise(event.exerciseId)), {
				lastSeq: s.lastSeq,
				title: event.title,
				scenario: event.scenario,
				scenarioVersion: event.scenarioVersion ?? null,
				createdWall: event.wall,
				injects: Object.fromEntries(event.scenario.injects.map((i) => [i.id, pendingInject(i)])),
				injectOrder: event.scenario.injects.map((i) => i.id),
				entities: publicEntities(event.scenario)
			});
			return;
		// The status was set above, from the lifecycle table; here the clock, which runs only while the exercise does.
		case 'exercise.started':
		case 'exercise.resumed':
		case 'exercise.recovered':
			s.clock = runClock(s.clock, event.wall, event.at);
			return;
		case 'exercise.paused':
		case 'exercise.ended':
			s.clock = stopClock(s.clock, event.wall, event.at);
			return;
		case 'clock.speed_changed':
			s.clock = setClockSpeed(s.clock, event.wall, event.at, event.speed);
			return;
		case 'inject.held':
		case 'inject.unheld':
		case 'inject.skipped': {
			const current = own(s.injects, event.injectId);
			if (!current) return;
			const status = event.type === 'inject.held' ? 'held' : event.type === 'inject.skipped' ? 'skipped' : current.dueAt === null ? 'waiting' : 'pending';
			s.injects[event.injectId] = { ...current, status };
			return;
		}
		case 'inject.triggered': {
			const current = own(s.injects, event.injectId);
			if (!current || current.status !== 'waiting') return;
			s.injects[event.injectId] = { ...current, status: 'pending', dueAt: event.dueAt };
			return;
		}
		case 'inject.added':
			s.injects[event.inject.id] = { ...pendingInject(event.inject), dueAt: event.dueAt, status: 'pending' };
			s.injectOrder.push(event.inject.id);
			return;
		case 'inject.released': {
			const inject = event.inject;
			const known = own(s.injects, inject.id);
			s.injects[inject.id] = { ...(known ?? pendingInject(inject)), inject, status: 'released', releasedAt: event.at, manual: event.manual };
			if (!known) s.injectOrder.push(inject.id);
			if (inject.decision) {
				for (const team of decidingTeams(inject)) {
					s.decisions[decisionKey(inject.id, team)] = {
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
						explanation: null,
						teamAbsent: false
					};
				}
			}
			for (const expectation of inject.shareWith ?? [])
				for (const team of inject.to) {
					s.shares[shareKey(inject.id, team, expectation.team)] = {
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
			for (const e of event.reveals) {
				s.entities[e.id] = e;
				sighted(s, e.id, inject.to);
			}
			return;
		}
		case 'asset.tasked':
			addCourse(s, event.entityId, {
				startAt: courseStart(event.course),
				track: event.course,
				order: event.order,
				team: event.team,
				speedKnots: event.speedKnots,
				exhaustedAt: event.exhaustedAt,
				intercept: event.intercept
			});
			return;
		case 'intercept.assessed':
			s.assessments[event.entityId] = { target: event.target, feasible: event.feasible, reason: event.reason, interceptAt: event.interceptAt, at: event.at };
			return;
		case 'intercept.achieved': {
			const { entityId, team, target, point, waters, metAt, shadowing } = event;
			s.intercepts.push({ entityId, team, target, at: metAt, point, waters, shadowing });
			simulationCourses(s, event.courses);
			return;
		}
		case 'contact.detected':
			s.detections[`${event.team}/${event.contact}`] = event.at;
			s.entities[event.contact] = event.entity;
			sighted(s, event.contact, [event.team]);
			return;
		case 'contact.lost':
			s.lostContacts[`${event.team}/${event.contact}`] = { at: event.at, position: event.position };
			return;
		case 'contact.regained':
			delete s.lostContacts[`${event.team}/${event.contact}`];
			return;
		case 'boat.landed':
			s.entities[event.entityId] = event.entity;
			s.alerts[`landed/${event.entityId}`] = event.at;
			return;
		case 'area.crossed':
			s.inArea[`${event.entityId}/${event.area}`] = event.on === 'enter';
			return;
		case 'facility.changed':
			s.facilityChanges.push({ entityId: event.entityId, at: event.at, open: event.open, staff: event.staff });
			return;
		case 'simulation.alert':
			s.alerts[`${event.alert}/${event.entityId}`] = event.at;
			simulationCourses(s, event.courses);
			return;
		case 'message.sent': {
			const { messageId, fromTeam, to, channel, text, refInjectId, by, at } = event;
			s.messages.push({
				messageId,
				fromTeam,
				to,
				channel,
				text,
				refInjectId,
				by,
				at,
				forwarded: event.forwarded ?? null,
				answeredAt: null,
				answeredBy: null,
				answerInjectId: null
			});
			return;
		}
		case 'message.answered': {
			const i = s.messages.findIndex((m) => m.messageId === event.messageId);
			const message = s.messages[i];
			if (message) s.messages[i] = { ...message, answeredAt: event.at, answeredBy: event.by, answerInjectId: event.injectId };
			return;
		}
		case 'team.marked':
			if (event.mode === 'playing') delete s.teamModes[event.team];
			else s.teamModes[event.team] = event.mode;
			return;
		// Rare events: the access record is replaced rather than written into.
		case 'member.removed': {
			const { sid, name, role, team, by, at } = event;
			s.access = withRemoval(s.access, { sid, name, role, team, by, at });
			return;
		}
		case 'join_code.rotated':
			s.access = withRotation(s.access, event);
			return;
		case 'observation.edited': {
			const i = s.observations.findIndex((o) => o.observationId === event.observationId);
			const note = s.observations[i];
			if (note) s.observations[i] = { ...note, team: event.team, objective: event.objective, text: event.text, eventSeq: event.eventSeq, editedAt: event.at };
			return;
		}
		case 'observation.deleted':
			s.observations = s.observations.filter((o) => o.observationId !== event.observationId);
			return;
		case 'aar.narrative_set':
			if (event.text === '') delete s.narrative[event.section];
			else s.narrative[event.section] = { text: event.text, by: event.by, at: event.at };
			return;
		case 'coordination.credited':
		case 'coordination.missed': {
			const key = shareKey(event.injectId, event.team, event.target);
			const open = own(s.shares, key);
			if (!open) return;
			s.shares[key] =
				event.type === 'coordination.credited'
					? { ...open, status: 'met', latencyMs: event.latencyMs, points: event.points }
					: { ...open, status: 'missed', maxPoints: event.teamAbsent ? 0 : open.maxPoints };
			return;
		}
		case 'observation.recorded': {
			const { observationId, team, objective, text, by, at } = event;
			s.observations.push({ observationId, team, objective, text, by, at, eventSeq: event.eventSeq ?? null, editedAt: null });
			return;
		}
		case 'rating.set': {
			const key = ratingKey(event.team, event.objective);
			const revision: RatingRevision = { rating: event.rating, explanation: event.explanation, by: event.by, at: event.at };
			s.ratings[key] = [...(own(s.ratings, key) ?? []), revision];
			return;
		}
		case 'score.adjusted': {
			const { team, objective, points, reason, by, at } = event;
			s.adjustments.push({ team, objective, points, reason, by, at });
			return;
		}
		case 'review.sharing_changed':
			s.reviewShared = event.participantsMaySee;
			return;
		case 'improvement.updated': {
			const { itemId, objective, issue, correctiveAction, capabilityElement, responsibleAgency, pointOfContact, startDate, dueDate } = event;
			s.improvements[itemId] = { itemId, objective, issue, correctiveAction, capabilityElement, responsibleAgency, pointOfContact, startDate, dueDate };
			return;
		}
		case 'decision.submitted':
		case 'decision.expired': {
			const key = decisionKey(event.injectId, event.team);
			const open = own(s.decisions, key);
			if (!open) return;
			s.decisions[key] =
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
					: event.teamAbsent
						? { ...open, status: 'expired', closedAt: event.at, points: {}, maxPoints: {}, teamAbsent: true }
						: { ...open, status: 'expired', closedAt: event.at, points: {}, maxPoints: event.maxPoints };
			return;
		}
	}
}

/** The state after `events`, as a new value: `from` is left as it was. */
export function foldEvents(id: string, events: readonly (DomainEvent | NewEvent)[], from = emptyExercise(id)): ExerciseState {
	if (events.length === 0) return from;
	const s = writable(from);
	for (const e of events) apply(s, e);
	return s;
}

/**
 * Calls `visit` with the state after each event, in O(n) overall. The state passed
 * is one working copy updated in place: read it during the call, never keep it.
 */
export function forEachState(
	events: readonly (DomainEvent | NewEvent)[],
	visit: (state: Readonly<ExerciseState>, event: DomainEvent | NewEvent) => void
): void {
	const s = writable(emptyExercise(events[0]?.exerciseId ?? ''));
	for (const e of events) {
		apply(s, e);
		visit(s, e);
	}
}

/** The state after one event, as a new value (the reducer every view uses). */
export function evolve(state: ExerciseState, event: DomainEvent | NewEvent): ExerciseState {
	return foldEvents(state.id, [event], state);
}

/** Injects ready to release at exercise time `at`, in MSEL order. */
export function dueInjects(state: ExerciseState, at: number): InjectState[] {
	return state.injectOrder
		.flatMap((id) => own(state.injects, id) ?? [])
		.filter((i): i is InjectState & { dueAt: number } => i.status === 'pending' && i.dueAt !== null && i.dueAt <= at)
		.sort((a, b) => a.dueAt - b.dueAt);
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
	for (const i of Object.values(state.injects)) if (i.status === 'pending' && i.dueAt !== null && (next === null || i.dueAt < next)) next = i.dueAt;
	for (const d of [...Object.values(state.decisions), ...Object.values(state.shares)])
		if (d.status === 'open' && (next === null || d.deadlineAt < next)) next = d.deadlineAt;
	return next;
}
