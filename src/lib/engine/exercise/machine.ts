/**
 * The exercise machine (XState v5): the single decider of an exercise.
 * It owns the lifecycle (setup → running ⇄ paused → ended) and decides which
 * domain events each command produces; `evolve` folds them into the context.
 *
 * The server drives it with the pure `transition()` so that events can be
 * appended to the store before the new snapshot is committed and broadcast.
 * Time comes in with each command (`wall`); a TICK releases what is due.
 */
import { assign, setup, transition, type SnapshotFrom } from 'xstate';
import { exerciseTimeAt, MAX_SPEED, MIN_SPEED, MINUTE } from './clock';
import type { DomainEventBody, NewEvent } from './events';
import { commandProblem, type Command, type CommandType } from './commands';
import type { Order } from '../sim/kinematics';
import { EXERCISE_CONTROL, type Inject } from '../scenario/schema';
import { facilityNow, nextSimulationDueAt, simulationEvents, taskAsset, taskingProblem, watersFor } from '../sim/simulation';
import {
	decisionKey,
	dueInjects,
	expiredDecisions,
	expiredShares,
	shareKey,
	foldEvents,
	nextDueAt,
	own,
	type ExerciseState,
	type ExerciseStatus
} from './state';
import { maxPointsFor, scoreDecision, scoreShare } from '../review/score-decision';

export interface MachineContext {
	state: ExerciseState;
	/** Events produced by the last transition, waiting to be stored. */
	outbox: NewEvent[];
}

/** Conditional injects whose trigger one of these events fires. */
function triggered(state: ExerciseState, bodies: DomainEventBody[], at: number): DomainEventBody[] {
	const fired: DomainEventBody[] = [];
	for (const id of state.injectOrder) {
		const waiting = state.injects[id];
		const t = waiting.inject.trigger;
		if (waiting.status !== 'waiting' || !t) continue;
		const cause = bodies
			.map((b): string | null => {
				if ('decision' in t && b.type === 'decision.submitted' && b.injectId === t.decision && (!t.option || t.option === b.optionId) && (!t.team || t.team === b.team))
					return `${b.team} chose "${b.optionId}" on "${b.injectId}"`;
				if ('missed' in t && (b.type === 'decision.expired' || b.type === 'coordination.missed') && b.injectId === t.missed && (!t.team || t.team === b.team))
					return b.type === 'decision.expired' ? `${b.team} missed the deadline on "${b.injectId}"` : `${b.team} did not pass "${b.injectId}" on to ${b.target}`;
				if ('message' in t && b.type === 'message.sent' && b.fromTeam === t.message.from && (!t.message.to || b.to.includes(t.message.to)))
					return `${b.fromTeam} messaged ${b.to.join(', ')}`;
				if ('area' in t && b.type === 'area.crossed' && b.entityId === t.area.entity && b.area === t.area.area && b.on === t.area.on)
					return `${b.entityId} ${b.on === 'enter' ? 'entered' : 'left'} ${b.area}`;
				// Only a vessel's intercept stops and boards; an aircraft overhead does not fire intercept triggers.
				if ('intercept' in t && b.type === 'intercept.achieved' && !b.shadowing && b.target === t.intercept.target && (!t.intercept.team || t.intercept.team === b.team)) {
					const teamState = state.scenario?.teams.find((x) => x.id === b.team)?.state;
					if (!t.intercept.waters || t.intercept.waters === watersFor(b.waters, teamState))
						return `${b.entityId} intercepted ${b.target} (${b.waters.kind === 'high-seas' ? 'outside any territorial sea' : `${b.waters.state} waters`})`;
				}
				if ('detected' in t && b.type === 'contact.detected' && b.contact === t.detected.contact && (!t.detected.team || t.detected.team === b.team))
					return `${b.team} detected ${b.contact}`;
				if ('alert' in t && b.type === 'simulation.alert' && b.alert === t.alert.type && (!t.alert.entity || t.alert.entity === b.entityId))
					return `${b.alert} on ${b.entityId}`;
				return null;
			})
			.find((c) => c !== null);
		if (cause) fired.push({ type: 'inject.triggered', injectId: id, dueAt: at + t.delayMinutes * MINUTE, cause });
	}
	return fired;
}

/** Builds an action that records the events `make` decides on, and the conditional injects they trigger. */
function produce(make: (state: ExerciseState, cmd: Command, at: number) => DomainEventBody[]) {
	return assign<MachineContext, Command, undefined, Command, never>(({ context, event }) => {
		// A recovery stops the clock at the last moment the server was alive, so downtime is not exercise time.
		const clockWall = event.type === 'RECOVER' ? Math.min(event.aliveWall, event.wall) : event.wall;
		const at = exerciseTimeAt(context.state.clock, clockWall);
		const withMeta = (body: DomainEventBody): NewEvent => ({ ...body, exerciseId: context.state.id, at, wall: event.wall, actor: event.actor });
		const made = make(context.state, event, at).map(withMeta);
		const afterMade = foldEvents(context.state.id, made, context.state);
		const fired = triggered(afterMade, made, at).map(withMeta);
		return { state: foldEvents(context.state.id, fired, afterMade), outbox: [...made, ...fired] };
	});
}

/** Coordination credit for open sharing expectations that a message fulfils. */
function sharesMet(state: ExerciseState, cmd: Extract<Command, { type: 'SEND_MESSAGE' }>, at: number): DomainEventBody[] {
	if (!cmd.refInjectId) return [];
	return cmd.to.flatMap((target): DomainEventBody[] => {
		const open = own(state.shares, shareKey(cmd.refInjectId!, cmd.fromTeam, target));
		if (!open || open.status !== 'open') return [];
		const latencyMs = at - open.openedAt;
		const points = scoreShare(latencyMs, open.expectedBy - open.openedAt, open.maxPoints);
		return [
			{ type: 'coordination.credited', injectId: open.injectId, team: open.team, target, objective: open.objective, latencyMs, points, maxPoints: open.maxPoints }
		];
	});
}

function releaseBody(state: ExerciseState, injectId: string, manual: boolean): DomainEventBody {
	const inject = state.injects[injectId].inject;
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
		maxPoints: maxPointsFor(state.injects[d.injectId].inject.decision!)
	}));
	const unshared: DomainEventBody[] = expiredShares(state, at).map((s) => ({
		type: 'coordination.missed',
		injectId: s.injectId,
		team: s.team,
		target: s.target,
		objective: s.objective,
		maxPoints: s.maxPoints
	}));
	return [...simulationEvents(state, at), ...expired, ...unshared, ...dueInjects(state, at).map((i) => releaseBody(state, i.id, false))];
}

const valid = ({ context, event }: { context: MachineContext; event: Command }) => commandProblem(context.state, event) === null;

export const exerciseMachine = setup({
	types: {
		context: {} as MachineContext,
		events: {} as Command,
		input: {} as { state: ExerciseState }
	},
	guards: { valid },
	actions: {
		start: produce((state, _cmd, at) => [{ type: 'exercise.started' }, ...dueEvents(state, at)]),
		pause: produce(() => [{ type: 'exercise.paused' }]),
		resume: produce(() => [{ type: 'exercise.resumed' }]),
		end: produce(() => [{ type: 'exercise.ended' }]),
		tick: produce((state, _cmd, at) => dueEvents(state, at)),
		recover: produce((_s, cmd) => {
			const { wall, aliveWall } = cmd as Extract<Command, { type: 'RECOVER' }>;
			return [{ type: 'exercise.recovered', downtimeMs: Math.max(0, wall - aliveWall) }];
		}),
		setSpeed: produce((_s, cmd) => [{ type: 'clock.speed_changed', speed: (cmd as { speed: number }).speed }]),
		release: produce((state, cmd) => [releaseBody(state, (cmd as { injectId: string }).injectId, true)]),
		hold: produce((_s, cmd) => [{ type: 'inject.held', injectId: (cmd as { injectId: string }).injectId }]),
		unhold: produce((_s, cmd) => [{ type: 'inject.unheld', injectId: (cmd as { injectId: string }).injectId }]),
		skip: produce((_s, cmd) => [{ type: 'inject.skipped', injectId: (cmd as { injectId: string }).injectId }]),
		add: produce((_s, cmd, at) => {
			const { inject, dueAt } = cmd as Extract<Command, { type: 'ADD_INJECT' }>;
			return [{ type: 'inject.added', inject, dueAt: Math.max(at, dueAt) }];
		}),
		decide: produce((state, cmd, at) => {
			const c = cmd as Extract<Command, { type: 'DECIDE' }>;
			const open = state.decisions[decisionKey(c.injectId, c.team)];
			const latencyMs = at - open.openedAt;
			const scored = scoreDecision(state.injects[c.injectId].inject.decision!, c.optionId, latencyMs);
			return [
				{ type: 'decision.submitted', injectId: c.injectId, team: c.team, optionId: c.optionId, by: c.by, latencyMs, ...scored }
			];
		}),
		message: produce((state, cmd, at) => {
			const { type: _t, wall: _w, actor: _a, ...m } = cmd as Extract<Command, { type: 'SEND_MESSAGE' }>;
			return [{ type: 'message.sent', ...m }, ...sharesMet(state, cmd as Extract<Command, { type: 'SEND_MESSAGE' }>, at)];
		}),
		observe: produce((_s, cmd) => {
			const { type: _t, wall: _w, actor: _a, ...o } = cmd as Extract<Command, { type: 'OBSERVE' }>;
			return [{ type: 'observation.recorded', ...o }];
		}),
		rate: produce((_s, cmd) => {
			const { type: _t, wall: _w, actor: _a, ...r } = cmd as Extract<Command, { type: 'RATE' }>;
			return [{ type: 'rating.set', ...r }];
		}),
		adjust: produce((_s, cmd) => {
			const { type: _t, wall: _w, actor: _a, ...a } = cmd as Extract<Command, { type: 'ADJUST_SCORE' }>;
			return [{ type: 'score.adjusted', ...a }];
		}),
		shareReview: produce((_s, cmd) => [
			{ type: 'review.sharing_changed', participantsMaySee: (cmd as Extract<Command, { type: 'SHARE_REVIEW' }>).participantsMaySee }
		]),
		improve: produce((_s, cmd) => {
			const { type: _t, wall: _w, actor: _a, ...item } = cmd as Extract<Command, { type: 'UPDATE_IMPROVEMENT' }>;
			return [{ type: 'improvement.updated', ...item }];
		}),
		close: produce(() => [{ type: 'exercise.closed' }]),
		task: produce((state, cmd, at) => {
			const c = cmd as Extract<Command, { type: 'TASK_ASSET' }>;
			return taskAsset(state, c.entityId, c.team, c.order, c.speedKnots, at, c.by);
		}),
		facility: produce((state, cmd, at) => {
			const c = cmd as Extract<Command, { type: 'SET_FACILITY' }>;
			const now = facilityNow(state, c.entityId, at);
			return [{ type: 'facility.changed', entityId: c.entityId, team: c.team, open: c.open ?? now.open, staff: c.staff ?? now.staff, by: c.by }];
		})
	}
}).createMachine({
	id: 'exercise',
	initial: 'setup',
	context: ({ input }) => ({ state: input.state, outbox: [] }),
	// Handled in every state unless a state says otherwise.
	on: {
		HOLD_INJECT: { guard: 'valid', actions: 'hold' },
		UNHOLD_INJECT: { guard: 'valid', actions: 'unhold' },
		SKIP_INJECT: { guard: 'valid', actions: 'skip' },
		ADD_INJECT: { guard: 'valid', actions: 'add' },
		SET_SPEED: { guard: 'valid', actions: 'setSpeed' },
		OBSERVE: { guard: 'valid', actions: 'observe' },
		RATE: { guard: 'valid', actions: 'rate' },
		ADJUST_SCORE: { guard: 'valid', actions: 'adjust' },
		SHARE_REVIEW: { actions: 'shareReview' },
		// Evaluators may draft the improvement plan at any time, including after the evaluation is closed.
		UPDATE_IMPROVEMENT: { guard: 'valid', actions: 'improve' },
		// Teams may pre-position assets and ready their facilities before STARTEX, and act while paused.
		TASK_ASSET: { guard: 'valid', actions: 'task' },
		SET_FACILITY: { guard: 'valid', actions: 'facility' }
	},
	states: {
		setup: {
			on: {
				START: { target: 'running', actions: 'start' },
				END: { target: 'ended', actions: 'end' }
			}
		},
		running: {
			on: {
				PAUSE: { target: 'paused', actions: 'pause' },
				END: { target: 'ended', actions: 'end' },
				TICK: { actions: 'tick' },
				RECOVER: { actions: 'recover' },
				RELEASE_INJECT: { guard: 'valid', actions: 'release' },
				DECIDE: { guard: 'valid', actions: 'decide' },
				SEND_MESSAGE: { guard: 'valid', actions: 'message' }
			}
		},
		paused: {
			on: {
				RESUME: { target: 'running', actions: 'resume' },
				END: { target: 'ended', actions: 'end' },
				RELEASE_INJECT: { guard: 'valid', actions: 'release' }
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
				CLOSE: { target: 'closed', actions: 'close' }
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
	OBSERVE: 'record observations in',
	RATE: 'rate',
	ADJUST_SCORE: 'adjust scores in',
	SHARE_REVIEW: 'share the review of',
	UPDATE_IMPROVEMENT: 'edit the improvement plan of',
	CLOSE: 'close',
	TASK_ASSET: 'task assets in',
	SET_FACILITY: 'run ports and shelters in'
};

export type Decided = { ok: true; snapshot: ExerciseSnapshot; events: NewEvent[] } | { ok: false; error: string };

/**
 * Runs one command through the machine without side effects: returns the next
 * snapshot and the events to store, or a message saying why it was refused.
 */
export function decide(snapshot: ExerciseSnapshot, cmd: Command): Decided {
	const problem = commandProblem(snapshot.context.state, cmd);
	if (problem) return { ok: false, error: problem };
	if (!snapshot.can(cmd)) {
		const status = snapshot.value as ExerciseStatus;
		return { ok: false, error: `cannot ${VERBS[cmd.type]} an exercise that is ${status === 'setup' ? 'not started' : status}` };
	}
	const [next] = transition(exerciseMachine, snapshot, cmd);
	return { ok: true, snapshot: next, events: next.context.outbox };
}

/** The next exercise time the exercise needs a TICK: something on the MSEL or in the simulation falls due. */
export function nextWakeAt(state: ExerciseState, nowMs: number): number | null {
	const times = [nextDueAt(state), nextSimulationDueAt(state, nowMs)].filter((t): t is number => t !== null);
	return times.length > 0 ? Math.min(...times) : null;
}
