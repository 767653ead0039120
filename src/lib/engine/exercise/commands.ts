/**
 * Commands: what someone asks of an exercise, and the checks of their content
 * (not of their timing in the lifecycle, which the machine owns).
 */
import { exerciseTimeAt, MAX_SPEED, MIN_SPEED } from './clock';
import type { DomainEventBody, ImprovementItem, NarrativeSection } from './events';
import type { Order } from '../sim/kinematics';
import type { Inject } from '../scenario/schema';
import { EXERCISE_CONTROL } from '../scenario/vocabulary';
import { taskingProblem } from '../sim/simulation';
import { decisionKey, own, type ExerciseState } from './state';
import { refusal, type Refusal } from './refusal';
import { isRemoved } from './revocation';

/** The fields of a domain event, which several commands carry as they are. */
type BodyOf<T extends DomainEventBody['type']> = Omit<Extract<DomainEventBody, { type: T }>, 'type'>;

export type CommandBody =
	| { type: 'START' }
	| { type: 'PAUSE' }
	| { type: 'RESUME' }
	| { type: 'END' }
	| { type: 'TICK' }
	/** After a crash: `aliveWall` is the last wall time the exercise was known to be running. */
	| { type: 'RECOVER'; aliveWall: number }
	| { type: 'SET_SPEED'; speed: number }
	| { type: 'RELEASE_INJECT'; injectId: string }
	| { type: 'HOLD_INJECT'; injectId: string }
	| { type: 'UNHOLD_INJECT'; injectId: string }
	| { type: 'SKIP_INJECT'; injectId: string }
	/** `inReplyTo`: the team's message to exercise control this inject answers. */
	| { type: 'ADD_INJECT'; inject: Inject; dueAt: number; inReplyTo?: string; by?: string }
	/** `byControl`: exercise control answers for a team it plays. */
	| { type: 'DECIDE'; injectId: string; team: string; optionId: string; by: string; byControl?: boolean }
	| ({ type: 'SEND_MESSAGE' } & Omit<BodyOf<'message.sent'>, 'forwarded'>)
	| { type: 'ANSWER_MESSAGE'; messageId: string; by: string }
	| ({ type: 'MARK_TEAM' } & BodyOf<'team.marked'>)
	| ({ type: 'REMOVE_MEMBER' } & BodyOf<'member.removed'>)
	| ({ type: 'ROTATE_CODE' } & BodyOf<'join_code.rotated'>)
	| ({ type: 'OBSERVE' } & BodyOf<'observation.recorded'>)
	| ({ type: 'EDIT_OBSERVATION' } & BodyOf<'observation.edited'>)
	| { type: 'DELETE_OBSERVATION'; observationId: string; by: string }
	| { type: 'SET_NARRATIVE'; section: NarrativeSection; text: string; by: string }
	| ({ type: 'RATE' } & BodyOf<'rating.set'>)
	| ({ type: 'ADJUST_SCORE' } & BodyOf<'score.adjusted'>)
	| { type: 'SHARE_REVIEW'; participantsMaySee: boolean }
	| ({ type: 'UPDATE_IMPROVEMENT'; by: string } & ImprovementItem)
	| { type: 'TASK_ASSET'; entityId: string; team: string; order: Order; speedKnots?: number; by: string }
	| { type: 'SET_FACILITY'; entityId: string; team: string; open?: boolean; staff?: number; by: string }
	| { type: 'CLOSE' };

/** A command: what someone asks of the exercise, at a wall time. */
export type Command = CommandBody & { wall: number; actor: string };
export type CommandType = Command['type'];

/** The command of one type. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** A check of one type of command: what is wrong with its content, or null. */
type Check<T extends CommandType> = (state: ExerciseState, cmd: CommandOf<T>) => Refusal | null;

const nothingToCheck = () => null;

function speedProblem(speed: number): Refusal | null {
	return !Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED
		? refusal('speed-range', `speed must be between ${MIN_SPEED} and ${MAX_SPEED}`, { min: MIN_SPEED, max: MAX_SPEED })
		: null;
}

/** An inject the controller acts on must exist and still be on the MSEL (not released, not skipped). */
function injectProblem(state: ExerciseState, injectId: string): Refusal | null {
	const inject = own(state.injects, injectId);
	if (!inject) return refusal('unknown-inject', `unknown inject "${injectId}"`);
	if (inject.status === 'released') return refusal('inject-released', `inject "${injectId}" is already released`);
	if (inject.status === 'skipped') return refusal('inject-skipped', `inject "${injectId}" was skipped`);
	return null;
}

function holdProblem(state: ExerciseState, { injectId }: CommandOf<'HOLD_INJECT'>): Refusal | null {
	const problem = injectProblem(state, injectId);
	if (problem) return problem;
	const status = own(state.injects, injectId)?.status;
	if (status === 'waiting') return refusal('inject-waiting', `inject "${injectId}" is waiting for its trigger`);
	if (status === 'held') return refusal('inject-held', `inject "${injectId}" is already held`);
	return null;
}

function unholdProblem(state: ExerciseState, { injectId }: CommandOf<'UNHOLD_INJECT'>): Refusal | null {
	return (
		injectProblem(state, injectId) ?? (own(state.injects, injectId)?.status !== 'held' ? refusal('inject-not-held', `inject "${injectId}" is not held`) : null)
	);
}

function decideProblem(state: ExerciseState, cmd: CommandOf<'DECIDE'>): Refusal | null {
	if (cmd.byControl && own(state.teamModes, cmd.team) !== 'control')
		return refusal('not-played-by-control', `team "${cmd.team}" is not played by exercise control`);
	const decision = own(state.decisions, decisionKey(cmd.injectId, cmd.team));
	if (!decision) return refusal('no-decision', `no decision for team "${cmd.team}" on inject "${cmd.injectId}"`);
	if (decision.status === 'decided') return refusal('already-decided', `team "${cmd.team}" has already decided on inject "${cmd.injectId}"`);
	if (decision.status === 'expired') return refusal('deadline-passed', `the deadline for inject "${cmd.injectId}" has passed`);
	const options = own(state.injects, cmd.injectId)?.inject.decision?.options ?? [];
	if (!options.some((o) => o.id === cmd.optionId))
		return refusal('unknown-option', `unknown option "${cmd.optionId}" (expected one of: ${options.map((o) => o.id).join(', ')})`);
	return null;
}

function messageProblem(state: ExerciseState, cmd: CommandOf<'SEND_MESSAGE'>): Refusal | null {
	const teams = new Set(state.scenario?.teams.map((t) => t.id));
	if (!teams.has(cmd.fromTeam)) return refusal('unknown-team', `unknown team "${cmd.fromTeam}"`);
	const unknown = cmd.to.find((t) => !teams.has(t) && t !== EXERCISE_CONTROL);
	if (unknown) return refusal('unknown-team', `unknown team "${unknown}"`);
	if (cmd.to.includes(cmd.fromTeam)) return refusal('message-to-self', 'a team cannot message itself');
	if (cmd.refInjectId !== null) {
		const ref = own(state.injects, cmd.refInjectId);
		if (!ref || ref.status !== 'released' || !ref.inject.to.includes(cmd.fromTeam))
			return refusal('inject-not-received', `inject "${cmd.refInjectId}" is not one your team has received`);
	}
	return null;
}

/** A team's message to exercise control that is still waiting for an answer. */
function openMessageProblem(state: ExerciseState, messageId: string): Refusal | null {
	const message = state.messages.find((m) => m.messageId === messageId);
	if (!message || !message.to.includes(EXERCISE_CONTROL)) return refusal('no-message', `no message "${messageId}" to exercise control`);
	if (message.answeredAt !== null) return refusal('message-answered', 'that message has already been answered');
	return null;
}

function addInjectProblem(state: ExerciseState, { inject, inReplyTo }: CommandOf<'ADD_INJECT'>): Refusal | null {
	const scenario = state.scenario!;
	if (own(state.injects, inject.id)) return refusal('inject-exists', `an inject "${inject.id}" already exists`);
	if (inReplyTo !== undefined) {
		const problem = openMessageProblem(state, inReplyTo);
		if (problem) return problem;
	}
	const unknownTeam = [...inject.to, ...(inject.decision?.teams ?? [])].find((t) => !scenario.teams.some((x) => x.id === t));
	if (unknownTeam) return refusal('unknown-team', `unknown team "${unknownTeam}"`);
	const objectives = [...inject.objectives, ...(inject.decision?.options.flatMap((o) => Object.keys(o.scores)) ?? [])];
	const unknownObjective = objectives.find((o) => !scenario.objectives.some((x) => x.id === o));
	if (unknownObjective) return refusal('unknown-objective', `unknown objective "${unknownObjective}"`);
	if (inject.trigger || inject.reveals.length > 0 || inject.shareWith.length > 0)
		return refusal('ad-hoc-limits', 'ad-hoc injects are released at a time, with no trigger, reveals or hand-offs');
	return null;
}

/** Evaluation records (observations, ratings, adjustments, the improvement plan) name the scenario's teams and objectives, where they name one. */
function evaluationProblem(state: ExerciseState, team: string | null, objective: string | null): Refusal | null {
	const scenario = state.scenario!;
	if (team !== null && !scenario.teams.some((t) => t.id === team)) return refusal('unknown-team', `unknown team "${team}"`);
	if (objective !== null && !scenario.objectives.some((o) => o.id === objective)) return refusal('unknown-objective', `unknown objective "${objective}"`);
	return null;
}

function observationProblem(state: ExerciseState, observationId: string): Refusal | null {
	return state.observations.some((o) => o.observationId === observationId) ? null : refusal('no-observation', `no observation "${observationId}"`);
}

function eventLinkProblem(state: ExerciseState, eventSeq: number | null | undefined): Refusal | null {
	return eventSeq == null || (Number.isInteger(eventSeq) && eventSeq >= 1 && eventSeq <= state.lastSeq)
		? null
		: refusal('no-event', `no event ${eventSeq} in this exercise`);
}

function narrativeProblem(state: ExerciseState, { section }: CommandOf<'SET_NARRATIVE'>): Refusal | null {
	if (section === 'summary') return null;
	const [kind, objective] = section.split(':');
	if ((kind !== 'strengths' && kind !== 'improvements') || !objective) return refusal('unknown-section', `unknown section "${section}"`);
	return evaluationProblem(state, null, objective);
}

function facilityProblem(state: ExerciseState, cmd: CommandOf<'SET_FACILITY'>): Refusal | null {
	const facility = state.scenario?.entities.find((e) => e.id === cmd.entityId);
	if (!facility || (facility.kind !== 'port' && facility.kind !== 'shelter')) return refusal('no-facility', `no port or shelter "${cmd.entityId}"`);
	if (facility.team !== cmd.team) return refusal('facility-other-team', `"${facility.name}" is run by another team`);
	if (cmd.open === undefined && cmd.staff === undefined) return refusal('nothing-to-change', 'nothing to change: give "open" or "staff"');
	if (cmd.staff !== undefined && facility.maxStaff !== undefined && cmd.staff > facility.maxStaff)
		return refusal('facility-max-staff', `"${facility.name}" has room for at most ${facility.maxStaff} staff`, { max: facility.maxStaff });
	return null;
}

/** A member is removed once, and a team member from a team of the scenario. */
function removalProblem(state: ExerciseState, cmd: CommandOf<'REMOVE_MEMBER'>): Refusal | null {
	if (isRemoved(state.access, cmd.sid)) return refusal('already-removed', 'that member has already been removed');
	return cmd.role === 'participant' ? evaluationProblem(state, cmd.team ?? '', null) : null;
}

/** A team's code belongs to a team of the scenario; the evaluators' and observers' codes to no team. */
function rotationProblem(state: ExerciseState, cmd: CommandOf<'ROTATE_CODE'>): Refusal | null {
	if (cmd.role !== 'participant') return cmd.team === null ? null : refusal('unknown-team', `the ${cmd.role}s' code belongs to no team`);
	return evaluationProblem(state, cmd.team ?? '', null);
}

const checks: { [T in CommandType]: Check<T> } = {
	START: nothingToCheck,
	PAUSE: nothingToCheck,
	RESUME: nothingToCheck,
	END: nothingToCheck,
	TICK: nothingToCheck,
	RECOVER: nothingToCheck,
	CLOSE: nothingToCheck,
	SHARE_REVIEW: nothingToCheck,
	SET_SPEED: (_state, cmd) => speedProblem(cmd.speed),
	RELEASE_INJECT: (state, cmd) => injectProblem(state, cmd.injectId),
	SKIP_INJECT: (state, cmd) => injectProblem(state, cmd.injectId),
	HOLD_INJECT: holdProblem,
	UNHOLD_INJECT: unholdProblem,
	ADD_INJECT: addInjectProblem,
	DECIDE: decideProblem,
	SEND_MESSAGE: messageProblem,
	ANSWER_MESSAGE: (state, cmd) => openMessageProblem(state, cmd.messageId),
	MARK_TEAM: (state, cmd) => evaluationProblem(state, cmd.team, null),
	REMOVE_MEMBER: removalProblem,
	ROTATE_CODE: rotationProblem,
	OBSERVE: (state, cmd) => evaluationProblem(state, cmd.team, cmd.objective) ?? eventLinkProblem(state, cmd.eventSeq),
	EDIT_OBSERVATION: (state, cmd) =>
		observationProblem(state, cmd.observationId) ?? evaluationProblem(state, cmd.team, cmd.objective) ?? eventLinkProblem(state, cmd.eventSeq),
	DELETE_OBSERVATION: (state, cmd) => observationProblem(state, cmd.observationId),
	SET_NARRATIVE: narrativeProblem,
	RATE: (state, cmd) => evaluationProblem(state, cmd.team, cmd.objective),
	ADJUST_SCORE: (state, cmd) => evaluationProblem(state, cmd.team, cmd.objective),
	UPDATE_IMPROVEMENT: (state, cmd) => evaluationProblem(state, null, cmd.objective),
	TASK_ASSET: (state, cmd) => taskingProblem(state, cmd.entityId, cmd.team, cmd.order, cmd.speedKnots, exerciseTimeAt(state.clock, cmd.wall)),
	SET_FACILITY: facilityProblem
};

/** The check for a command's own type (the type parameter ties the check to the command it is given). */
const check = <T extends CommandType>(type: T, state: ExerciseState, cmd: CommandOf<T>): Refusal | null => checks[type](state, cmd);

/** Problems with a command's content (not its timing in the lifecycle, which the machine owns), or null. */
export function commandProblem(state: ExerciseState, cmd: Command): Refusal | null {
	return check(cmd.type, state, cmd);
}
