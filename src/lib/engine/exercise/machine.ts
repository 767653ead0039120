/**
 * The exercise machine (XState v5): the single decider of an exercise.
 * It owns the lifecycle (setup → running ⇄ paused → ended → closed) and decides
 * which domain events each command produces, in one handler per command type;
 * `evolve` folds them into the context. Commands' content is checked in
 * commands.ts and conditional injects are matched in triggers.ts.
 *
 * The server drives it with the pure `transition()` so that events can be
 * appended to the store before the new snapshot is committed and broadcast.
 * Time comes in with each command (`wall`); a TICK releases what is due.
 */
import { assign, setup, transition, type SnapshotFrom } from 'xstate';
import { exerciseTimeAt } from './clock';
import type { DomainEvent, DomainEventBody, ForwardedInject, NewEvent } from './events';
import { commandProblem, type Command, type CommandOf, type CommandType } from './commands';
import { refusal, type Refusal } from './refusal';
import { STATUS_AFTER } from './lifecycle';
import { triggered } from './triggers';
import { facilityNow, nextSimulationDueAt, simulationEvents, taskAsset } from '../sim/simulation';
import { decisionKey, dueInjects, expiredDecisions, expiredShares, shareKey, foldEvents, nextDueAt, known, own, type ExerciseState } from './state';
import { maxPointsFor, scoreDecision, scoreShare } from '../review/score-decision';

export interface MachineContext {
	state: ExerciseState;
	/** Events produced by the last transition, waiting to be stored. */
	outbox: NewEvent[];
}

/** Coordination credit for open sharing expectations that a message fulfils. */
function sharesMet(state: ExerciseState, cmd: CommandOf<'SEND_MESSAGE'>, at: number): DomainEventBody[] {
	const { refInjectId } = cmd;
	if (!refInjectId) return [];
	return cmd.to.flatMap((target): DomainEventBody[] => {
		const open = own(state.shares, shareKey(refInjectId, cmd.fromTeam, target));
		if (!open || open.status !== 'open') return [];
		const latencyMs = at - open.openedAt;
		const points = scoreShare(latencyMs, open.expectedBy - open.openedAt, open.maxPoints);
		return [
			{
				type: 'coordination.credited',
				injectId: open.injectId,
				team: open.team,
				target,
				objective: open.objective,
				latencyMs,
				points,
				maxPoints: open.maxPoints
			}
		];
	});
}

/** The copy of a passed-on inject its recipients get: what the sender read, nothing of the MSEL's controller notes. */
function forwardedCopy(state: ExerciseState, refInjectId: string | null): ForwardedInject | null {
	if (refInjectId === null) return null;
	const { inject, releasedAt } = known(state.injects, refInjectId);
	const copy: ForwardedInject = {
		injectId: inject.id,
		title: inject.title,
		from: inject.from,
		channel: inject.channel,
		body: inject.body,
		releasedAt: releasedAt ?? 0
	};
	// Only what its addressees read: never the controller's note or the expected action.
	const translations = Object.entries(inject.translations ?? {}).map(([locale, { title, from, body }]) => [locale, { title, from, body }]);
	return translations.length > 0 ? { ...copy, translations: Object.fromEntries(translations) as ForwardedInject['translations'] } : copy;
}

/** An ad-hoc inject, and the team's message it answers if it is a reply. */
function added(state: ExerciseState, { inject, dueAt, inReplyTo, by }: CommandOf<'ADD_INJECT'>, at: number): DomainEventBody[] {
	const events: DomainEventBody[] = [{ type: 'inject.added', inject, dueAt: Math.max(at, dueAt) }];
	const message = inReplyTo === undefined ? undefined : state.messages.find((m) => m.messageId === inReplyTo);
	if (message) events.push({ type: 'message.answered', messageId: message.messageId, team: message.fromTeam, injectId: inject.id, by: by ?? 'controller' });
	return events;
}

function releaseBody(state: ExerciseState, injectId: string, manual: boolean): DomainEventBody {
	const { inject } = known(state.injects, injectId);
	const byId = new Map(state.scenario?.entities.map((e) => [e.id, e]));
	const reveals = inject.reveals.flatMap((id) => byId.get(id) ?? []);
	return { type: 'inject.released', injectId, manual, inject, reveals };
}

/** What falls due at exercise time `at`: overdue decisions expire, due injects go out. */
function dueEvents(state: ExerciseState, at: number): DomainEventBody[] {
	const expired: DomainEventBody[] = expiredDecisions(state, at).map((d) => ({
		type: 'decision.expired',
		injectId: d.injectId,
		team: d.team,
		maxPoints: maxPointsFor(known(state.injects, d.injectId).inject.decision!),
		...(own(state.teamModes, d.team) === 'absent' ? { teamAbsent: true } : {})
	}));
	const unshared: DomainEventBody[] = expiredShares(state, at).map((s) => ({
		type: 'coordination.missed',
		injectId: s.injectId,
		team: s.team,
		target: s.target,
		objective: s.objective,
		maxPoints: s.maxPoints,
		...(own(state.teamModes, s.team) === 'absent' ? { teamAbsent: true } : {})
	}));
	return [...simulationEvents(state, at), ...expired, ...unshared, ...dueInjects(state, at).map((i) => releaseBody(state, i.id, false))];
}

function submitted(state: ExerciseState, cmd: CommandOf<'DECIDE'>, at: number): DomainEventBody[] {
	const open = known(state.decisions, decisionKey(cmd.injectId, cmd.team));
	const latencyMs = at - open.openedAt;
	const scored = scoreDecision(known(state.injects, cmd.injectId).inject.decision!, cmd.optionId, latencyMs);
	const by = cmd.byControl ? `${cmd.by} (exercise control)` : cmd.by;
	return [{ type: 'decision.submitted', injectId: cmd.injectId, team: cmd.team, optionId: cmd.optionId, by, latencyMs, ...scored }];
}

function facilityChanged(state: ExerciseState, cmd: CommandOf<'SET_FACILITY'>, at: number): DomainEventBody[] {
	const now = facilityNow(state, cmd.entityId, at);
	return [{ type: 'facility.changed', entityId: cmd.entityId, team: cmd.team, open: cmd.open ?? now.open, staff: cmd.staff ?? now.staff, by: cmd.by }];
}

/** A command's own fields, without its type and envelope: what an event that records it as it is carries. */
function fields<C extends Command>({ type: _t, wall: _w, actor: _a, ...rest }: C): Omit<C, 'type' | 'wall' | 'actor'> {
	return rest;
}

/** What one type of command produces, at exercise time `at`, once its content has been checked. */
type Handler<T extends CommandType> = (state: ExerciseState, cmd: CommandOf<T>, at: number) => DomainEventBody[];

const handlers: { [T in CommandType]: Handler<T> } = {
	START: (state, _cmd, at) => [{ type: 'exercise.started' }, ...dueEvents(state, at)],
	PAUSE: () => [{ type: 'exercise.paused' }],
	RESUME: () => [{ type: 'exercise.resumed' }],
	END: () => [{ type: 'exercise.ended' }],
	CLOSE: () => [{ type: 'exercise.closed' }],
	TICK: (state, _cmd, at) => dueEvents(state, at),
	RECOVER: (_state, { wall, aliveWall }) => [{ type: 'exercise.recovered', downtimeMs: Math.max(0, wall - aliveWall) }],
	SET_SPEED: (_state, { speed }) => [{ type: 'clock.speed_changed', speed }],
	RELEASE_INJECT: (state, { injectId }) => [releaseBody(state, injectId, true)],
	HOLD_INJECT: (_state, { injectId }) => [{ type: 'inject.held', injectId }],
	UNHOLD_INJECT: (_state, { injectId }) => [{ type: 'inject.unheld', injectId }],
	SKIP_INJECT: (_state, { injectId }) => [{ type: 'inject.skipped', injectId }],
	ADD_INJECT: added,
	DECIDE: submitted,
	SEND_MESSAGE: (state, cmd, at) => [{ type: 'message.sent', ...fields(cmd), forwarded: forwardedCopy(state, cmd.refInjectId) }, ...sharesMet(state, cmd, at)],
	ANSWER_MESSAGE: (state, { messageId, by }) => {
		const message = state.messages.find((m) => m.messageId === messageId)!;
		return [{ type: 'message.answered', messageId, team: message.fromTeam, injectId: null, by }];
	},
	MARK_TEAM: (_state, cmd) => [{ type: 'team.marked', ...fields(cmd) }],
	REMOVE_MEMBER: (_state, cmd) => [{ type: 'member.removed', ...fields(cmd) }],
	ROTATE_CODE: (_state, cmd) => [{ type: 'join_code.rotated', ...fields(cmd) }],
	OBSERVE: (_state, cmd) => [{ type: 'observation.recorded', ...fields(cmd) }],
	EDIT_OBSERVATION: (_state, cmd) => [{ type: 'observation.edited', ...fields(cmd) }],
	DELETE_OBSERVATION: (state, { observationId, by }) => [
		{ type: 'observation.deleted', observationId, team: state.observations.find((o) => o.observationId === observationId)?.team ?? null, by }
	],
	SET_NARRATIVE: (_state, cmd) => [{ type: 'aar.narrative_set', ...fields(cmd) }],
	RATE: (_state, cmd) => [{ type: 'rating.set', ...fields(cmd) }],
	ADJUST_SCORE: (_state, cmd) => [{ type: 'score.adjusted', ...fields(cmd) }],
	SHARE_REVIEW: (_state, { participantsMaySee }) => [{ type: 'review.sharing_changed', participantsMaySee }],
	UPDATE_IMPROVEMENT: (_state, cmd) => [{ type: 'improvement.updated', ...fields(cmd) }],
	TASK_ASSET: (state, cmd, at) => taskAsset(state, cmd.entityId, cmd.team, cmd.order, cmd.speedKnots, at, cmd.by),
	SET_FACILITY: facilityChanged
};

/** The handler for a command's own type (the type parameter ties the handler to the command it is given). */
const handle = <T extends CommandType>(type: T, state: ExerciseState, cmd: CommandOf<T>, at: number): DomainEventBody[] => handlers[type](state, cmd, at);

/** Records the events the command's handler decides on, and the conditional injects they trigger. */
const record = assign<MachineContext, Command, undefined, Command, never>(({ context, event }) => {
	// A recovery stops the clock at the last moment the server was alive, so downtime is not exercise time.
	const clockWall = event.type === 'RECOVER' ? Math.min(event.aliveWall, event.wall) : event.wall;
	const at = exerciseTimeAt(context.state.clock, clockWall);
	const withMeta = (body: DomainEventBody): NewEvent => ({ ...body, exerciseId: context.state.id, at, wall: event.wall, actor: event.actor });
	const made = handle(event.type, context.state, event, at).map(withMeta);
	const afterMade = foldEvents(context.state.id, made, context.state);
	const fired = triggered(afterMade, made, at).map(withMeta);
	return { state: foldEvents(context.state.id, fired, afterMade), outbox: [...made, ...fired] };
});

/**
 * Which commands each status takes, and where the lifecycle ones lead: to the status
 * their lifecycle event leaves behind (`STATUS_AFTER`, which `evolve` and the store read too).
 * A command's content was checked once, by `decide`, before it reaches the machine.
 */
const exerciseMachine = setup({
	types: {
		context: {} as MachineContext,
		events: {} as Command,
		input: {} as { state: ExerciseState }
	},
	actions: { record }
}).createMachine({
	id: 'exercise',
	initial: 'setup',
	context: ({ input }) => ({ state: input.state, outbox: [] }),
	// Handled in every state unless a state says otherwise.
	on: {
		HOLD_INJECT: { actions: 'record' },
		UNHOLD_INJECT: { actions: 'record' },
		SKIP_INJECT: { actions: 'record' },
		ADD_INJECT: { actions: 'record' },
		SET_SPEED: { actions: 'record' },
		OBSERVE: { actions: 'record' },
		EDIT_OBSERVATION: { actions: 'record' },
		DELETE_OBSERVATION: { actions: 'record' },
		RATE: { actions: 'record' },
		// Exercise control may deal with a team's message, and write the AAR's narrative, at any time.
		ANSWER_MESSAGE: { actions: 'record' },
		SET_NARRATIVE: { actions: 'record' },
		MARK_TEAM: { actions: 'record' },
		// Access is exercise control's to take away at any time, during play and during the review.
		REMOVE_MEMBER: { actions: 'record' },
		ROTATE_CODE: { actions: 'record' },
		ADJUST_SCORE: { actions: 'record' },
		SHARE_REVIEW: { actions: 'record' },
		// Evaluators may draft the improvement plan at any time, including after the evaluation is closed.
		UPDATE_IMPROVEMENT: { actions: 'record' },
		// Teams may pre-position assets and ready their facilities before STARTEX, and act while paused.
		TASK_ASSET: { actions: 'record' },
		SET_FACILITY: { actions: 'record' }
	},
	states: {
		setup: {
			on: {
				START: { target: STATUS_AFTER['exercise.started'], actions: 'record' },
				END: { target: STATUS_AFTER['exercise.ended'], actions: 'record' }
			}
		},
		running: {
			on: {
				PAUSE: { target: STATUS_AFTER['exercise.paused'], actions: 'record' },
				END: { target: STATUS_AFTER['exercise.ended'], actions: 'record' },
				RECOVER: { target: STATUS_AFTER['exercise.recovered'], actions: 'record' },
				TICK: { actions: 'record' },
				RELEASE_INJECT: { actions: 'record' },
				DECIDE: { actions: 'record' },
				SEND_MESSAGE: { actions: 'record' }
			}
		},
		paused: {
			on: {
				RESUME: { target: STATUS_AFTER['exercise.resumed'], actions: 'record' },
				END: { target: STATUS_AFTER['exercise.ended'], actions: 'record' },
				RELEASE_INJECT: { actions: 'record' }
			}
		},
		// Play is over; evaluation goes on until the exercise is closed.
		ended: {
			on: {
				HOLD_INJECT: {},
				UNHOLD_INJECT: {},
				SKIP_INJECT: {},
				ADD_INJECT: {},
				SET_SPEED: {},
				TASK_ASSET: {},
				SET_FACILITY: {},
				MARK_TEAM: {},
				CLOSE: { target: STATUS_AFTER['exercise.closed'], actions: 'record' }
			}
		},
		// The evaluation is final: ratings, observations and scores no longer change; the improvement plan stays editable.
		closed: {
			on: {
				HOLD_INJECT: {},
				UNHOLD_INJECT: {},
				SKIP_INJECT: {},
				ADD_INJECT: {},
				SET_SPEED: {},
				OBSERVE: {},
				EDIT_OBSERVATION: {},
				DELETE_OBSERVATION: {},
				MARK_TEAM: {},
				RATE: {},
				ADJUST_SCORE: {},
				TASK_ASSET: {},
				SET_FACILITY: {}
			}
		}
	}
});

export type ExerciseSnapshot = SnapshotFrom<typeof exerciseMachine>;

/** The machine snapshot for an exercise rebuilt from its log. */
export function snapshotFor(state: ExerciseState): ExerciseSnapshot {
	return exerciseMachine.resolveState({ value: state.status, context: { state, outbox: [] } });
}

/**
 * The snapshot once the events `decide` produced are stored: its state carries the
 * sequence numbers the store gave them, and its outbox is empty.
 */
export function committed(decided: ExerciseSnapshot, stored: readonly DomainEvent[]): ExerciseSnapshot {
	const { state } = decided.context;
	const last = stored.at(-1);
	return exerciseMachine.resolveState({ value: decided.value, context: { state: last ? { ...state, lastSeq: last.seq } : state, outbox: [] } });
}

const VERBS: Record<CommandType, string> = {
	START: 'start',
	PAUSE: 'pause',
	RESUME: 'resume',
	END: 'end',
	TICK: 'advance the clock of',
	RECOVER: 'recover',
	SET_SPEED: 'change the speed of',
	RELEASE_INJECT: 'release injects in',
	HOLD_INJECT: 'hold injects in',
	UNHOLD_INJECT: 'un-hold injects in',
	SKIP_INJECT: 'skip injects in',
	ADD_INJECT: 'add injects to',
	DECIDE: 'decide in',
	SEND_MESSAGE: 'send messages in',
	ANSWER_MESSAGE: 'answer messages in',
	MARK_TEAM: 'mark teams in',
	REMOVE_MEMBER: 'remove members from',
	ROTATE_CODE: 'change the join codes of',
	OBSERVE: 'record observations in',
	EDIT_OBSERVATION: 'edit observations in',
	DELETE_OBSERVATION: 'delete observations in',
	SET_NARRATIVE: 'write the narrative of',
	RATE: 'rate',
	ADJUST_SCORE: 'adjust scores in',
	SHARE_REVIEW: 'share the review of',
	UPDATE_IMPROVEMENT: 'edit the improvement plan of',
	CLOSE: 'close',
	TASK_ASSET: 'task assets in',
	SET_FACILITY: 'run ports and shelters in'
};

const refused = ({ message, code, params }: Refusal): Decided => ({ ok: false, error: message, code, params });

export type Decided = { ok: true; snapshot: ExerciseSnapshot; events: NewEvent[] } | ({ ok: false; error: string } & Omit<Refusal, 'message'>);

/**
 * Runs one command through the machine without side effects: returns the next
 * snapshot and the events to store, or a message saying why it was refused.
 */
export function decide(snapshot: ExerciseSnapshot, cmd: Command): Decided {
	const problem = commandProblem(snapshot.context.state, cmd);
	if (problem) return refused(problem);
	if (!snapshot.can(cmd)) {
		const status = snapshot.value;
		return refused(
			refusal('wrong-phase', `cannot ${VERBS[cmd.type]} an exercise that is ${status === 'setup' ? 'not started' : status}`, { command: cmd.type, status })
		);
	}
	const [next] = transition(exerciseMachine, snapshot, cmd);
	return { ok: true, snapshot: next, events: next.context.outbox };
}

/** The next exercise time the exercise needs a TICK: something on the MSEL or in the simulation falls due. */
export function nextWakeAt(state: ExerciseState, nowMs: number): number | null {
	const times = [nextDueAt(state), nextSimulationDueAt(state, nowMs)].filter((t): t is number => t !== null);
	return times.length > 0 ? Math.min(...times) : null;
}
