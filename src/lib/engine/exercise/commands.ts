/**
 * Commands: what someone asks of an exercise, and the checks of their content
 * (not of their timing in the lifecycle, which the machine owns).
 */
import { exerciseTimeAt, MAX_SPEED, MIN_SPEED } from './clock';
import type { DomainEventBody, ImprovementItem } from './events';
import type { Order } from '../sim/kinematics';
import { EXERCISE_CONTROL, type Inject } from '../scenario/schema';
import { taskingProblem } from '../sim/simulation';
import { decisionKey, own, type ExerciseState } from './state';

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
	| { type: 'ADD_INJECT'; inject: Inject; dueAt: number }
	| { type: 'DECIDE'; injectId: string; team: string; optionId: string; by: string }
	| ({ type: 'SEND_MESSAGE' } & BodyOf<'message.sent'>)
	| ({ type: 'OBSERVE' } & BodyOf<'observation.recorded'>)
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

/** Problems with a command's content (not its timing in the lifecycle), or null. */
export function commandProblem(state: ExerciseState, cmd: Command): string | null {
	switch (cmd.type) {
		case 'SET_SPEED':
			if (!Number.isFinite(cmd.speed) || cmd.speed < MIN_SPEED || cmd.speed > MAX_SPEED)
				return `speed must be between ${MIN_SPEED} and ${MAX_SPEED}`;
			return null;
		case 'RELEASE_INJECT':
		case 'HOLD_INJECT':
		case 'UNHOLD_INJECT':
		case 'SKIP_INJECT': {
			const inject = own(state.injects, cmd.injectId);
			if (!inject) return `unknown inject "${cmd.injectId}"`;
			if (inject.status === 'released') return `inject "${cmd.injectId}" is already released`;
			if (inject.status === 'skipped') return `inject "${cmd.injectId}" was skipped`;
			if (cmd.type === 'HOLD_INJECT' && inject.status === 'waiting') return `inject "${cmd.injectId}" is waiting for its trigger`;
			if (cmd.type === 'HOLD_INJECT' && inject.status === 'held') return `inject "${cmd.injectId}" is already held`;
			if (cmd.type === 'UNHOLD_INJECT' && inject.status !== 'held') return `inject "${cmd.injectId}" is not held`;
			return null;
		}
		case 'DECIDE': {
			const decision = own(state.decisions, decisionKey(cmd.injectId, cmd.team));
			if (!decision) return `no decision for team "${cmd.team}" on inject "${cmd.injectId}"`;
			if (decision.status === 'decided') return `team "${cmd.team}" has already decided on inject "${cmd.injectId}"`;
			if (decision.status === 'expired') return `the deadline for inject "${cmd.injectId}" has passed`;
			const options = state.injects[cmd.injectId].inject.decision?.options ?? [];
			if (!options.some((o) => o.id === cmd.optionId))
				return `unknown option "${cmd.optionId}" (expected one of: ${options.map((o) => o.id).join(', ')})`;
			return null;
		}
		case 'SEND_MESSAGE': {
			const teams = new Set(state.scenario?.teams.map((t) => t.id));
			if (!teams.has(cmd.fromTeam)) return `unknown team "${cmd.fromTeam}"`;
			const unknown = cmd.to.find((t) => !teams.has(t) && t !== EXERCISE_CONTROL);
			if (unknown) return `unknown team "${unknown}"`;
			if (cmd.to.includes(cmd.fromTeam)) return 'a team cannot message itself';
			if (cmd.refInjectId !== null) {
				const ref = own(state.injects, cmd.refInjectId);
				if (!ref || ref.status !== 'released' || !ref.inject.to.includes(cmd.fromTeam))
					return `inject "${cmd.refInjectId}" is not one your team has received`;
			}
			return null;
		}
		case 'ADD_INJECT': {
			const scenario = state.scenario!;
			const { inject } = cmd;
			if (own(state.injects, inject.id)) return `an inject "${inject.id}" already exists`;
			const unknownTeam = [...inject.to, ...(inject.decision?.teams ?? [])].find((t) => !scenario.teams.some((x) => x.id === t));
			if (unknownTeam) return `unknown team "${unknownTeam}"`;
			const objectives = [...inject.objectives, ...(inject.decision?.options.flatMap((o) => Object.keys(o.scores)) ?? [])];
			const unknownObjective = objectives.find((o) => !scenario.objectives.some((x) => x.id === o));
			if (unknownObjective) return `unknown objective "${unknownObjective}"`;
			if (inject.trigger || inject.reveals.length > 0 || inject.shareWith.length > 0) return 'ad-hoc injects are released at a time, with no trigger, reveals or hand-offs';
			return null;
		}
		case 'OBSERVE':
		case 'RATE':
		case 'ADJUST_SCORE':
		case 'UPDATE_IMPROVEMENT': {
			const scenario = state.scenario!;
			const team = 'team' in cmd ? cmd.team : null;
			if (team !== null && !scenario.teams.some((t) => t.id === team)) return `unknown team "${team}"`;
			const objective = cmd.objective;
			if (objective !== null && !scenario.objectives.some((o) => o.id === objective)) return `unknown objective "${objective}"`;
			return null;
		}
		case 'TASK_ASSET':
			return taskingProblem(state, cmd.entityId, cmd.team, cmd.order, cmd.speedKnots, exerciseTimeAt(state.clock, cmd.wall));
		case 'SET_FACILITY': {
			const facility = state.scenario?.entities.find((e) => e.id === cmd.entityId);
			if (!facility || (facility.kind !== 'port' && facility.kind !== 'shelter')) return `no port or shelter "${cmd.entityId}"`;
			if (facility.team !== cmd.team) return `"${facility.name}" is run by another team`;
			if (cmd.open === undefined && cmd.staff === undefined) return 'nothing to change: give "open" or "staff"';
			if (cmd.staff !== undefined && facility.maxStaff !== undefined && cmd.staff > facility.maxStaff)
				return `"${facility.name}" has room for at most ${facility.maxStaff} staff`;
			return null;
		}
		default:
			return null;
	}
}

