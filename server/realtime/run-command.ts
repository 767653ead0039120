/**
 * Turns a checked request into an engine command on an exercise, signed with
 * the wall time and the actor; the reply carries the last stored event's seq.
 */
import type { CommandBody } from '../../src/lib/engine/exercise/commands';
import type { Session } from '../../src/lib/realtime/contract';
import { actorOf, exerciseOf, knownExercise, requireController, requireReviewer, requireTeamMember, RequestError } from './access';
import type { RealtimeContext } from './handler';
import type { ClientSocket } from './socket-types';

async function run(ctx: RealtimeContext, exerciseId: string, session: Session, body: CommandBody): Promise<{ seq: number }> {
	const result = await ctx.registry.command(exerciseId, { ...body, wall: ctx.now(), actor: actorOf(session) });
	if (!result.ok) throw new RequestError(result.code, result.error, result.params);
	return { seq: result.events.at(-1)?.seq ?? 0 };
}

/** A controller's command on the exercise it names. */
export function asController(ctx: RealtimeContext, socket: ClientSocket, exerciseId: string, body: CommandBody) {
	const session = requireController(socket);
	return run(ctx, knownExercise(ctx.registry, exerciseId), session, body);
}

/** An evaluator's command on their own exercise, or a controller's on the one it names; `by` is their name. */
export function asEvaluator(ctx: RealtimeContext, socket: ClientSocket, exerciseId: string | undefined, body: (by: string) => CommandBody) {
	const session = requireReviewer(socket);
	return run(ctx, exerciseOf(ctx.registry, session, exerciseId), session, body(session.name));
}

/** A team member's command on their exercise, for their own team; `may` words the refusal to anyone else. */
export function asTeamMember(ctx: RealtimeContext, socket: ClientSocket, may: string, body: (member: { team: string; by: string }) => CommandBody) {
	const session = requireTeamMember(socket, may);
	return run(ctx, session.exerciseId, session, body({ team: session.team, by: session.name }));
}
