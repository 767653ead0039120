/**
 * Who may be in an exercise: a controller removes one member (one browser session) or gives a team, the evaluators
 * or the observers a new join code, optionally signing out everyone who joined with the old one. Both are recorded
 * in the exercise's log (never the code itself); the sessions they take access from are refused on every process
 * (see ../revocation.ts), and every controller of the exercise is sent the new codes at once.
 */
import { codesOf } from '../../exercise-registry';
import { newJoinCode } from '../../auth';
import { knownExercise, requireController, RequestError } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { rooms } from '../rooms';
import { asController } from '../run-command';
import { isRemoved } from '../../../src/lib/engine/exercise/revocation';

export function membershipHandlers(ctx: RealtimeContext): HandlerGroup<'member:remove' | 'code:rotate'> {
	const { registry, store, io } = ctx;

	/** The session `sid` as one of its sockets in the exercise has it (asking every process of a cluster). */
	async function connectedMember(exerciseId: string, sid: string) {
		const sockets = await io.in(rooms.all(exerciseId)).fetchSockets();
		const session = sockets.map((s) => s.data.session).find((s) => s && s.role !== 'controller' && s.sid === sid && s.exerciseId === exerciseId);
		return session && session.role !== 'controller' ? session : null;
	}

	return {
		'member:remove': async (socket, { exerciseId, sid }) => {
			const controller = requireController(socket);
			knownExercise(registry, exerciseId);
			const connected = await connectedMember(exerciseId, sid);
			// Between two connections (a reload, a dropped link) they are still the member this process listed.
			const removed = isRemoved(registry.state(exerciseId)!.access, sid);
			const recalled = connected || removed ? null : ctx.presence.recall(exerciseId, sid);
			const member =
				connected && !removed
					? { name: connected.name, role: connected.role, team: connected.role === 'participant' ? connected.team : null }
					: recalled && recalled.role !== 'controller'
						? { name: recalled.name, role: recalled.role, team: recalled.team }
						: null;
			if (!member) throw new RequestError('member-gone', 'that member is not connected to this exercise any more');
			return asController(ctx, socket, exerciseId, { type: 'REMOVE_MEMBER', sid, ...member, by: controller.name });
		},
		'code:rotate': async (socket, { exerciseId, role, team, signOut }) => {
			const controller = requireController(socket);
			const state = registry.state(knownExercise(registry, exerciseId))!;
			if (role === 'participant' && !state.scenario?.teams.some((t) => t.id === team)) throw new RequestError('unknown-team', `unknown team "${team}"`);
			const code = newJoinCode();
			// The code row first: whatever happens next, the old code finds nothing from now on.
			const old = await store.replaceCode(exerciseId, role, team, code);
			io.to(rooms.controller(exerciseId)).emit('exercise:codes', { exerciseId, codes: codesOf(await store.codesFor(exerciseId)) });
			const retiredTag = signOut && old ? ctx.signer.codeTag(old) : null;
			const { seq } = await asController(ctx, socket, exerciseId, { type: 'ROTATE_CODE', role, team, signOut, retiredTag, by: controller.name });
			return { seq, code };
		}
	};
}
