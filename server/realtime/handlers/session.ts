/** Signing in (join code or controller key) and opening an exercise. */
import { eventsForAudience, reviewOpenFor } from '../../../src/lib/engine/exercise/audience';
import type { Session } from '../../../src/lib/realtime/contract';
import { keysMatch, newSessionId, normalizeJoinCode } from '../../auth';
import { codesOf } from '../../exercise-registry';
import { exerciseOf, RequestError, requireSession } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { audienceOf, isRoomOf, roomOf, rooms } from '../rooms';

export function sessionHandlers(ctx: RealtimeContext): HandlerGroup<'session:join' | 'session:controller' | 'exercise:open'> {
	const { registry, store, signer, now } = ctx;
	return {
		'session:join': (socket, { code, name }) =>
			ctx.guardSignIn(
				socket,
				async () => {
					const found = await store.findCode(normalizeJoinCode(code));
					if (!found || !registry.has(found.exerciseId)) return null;
					// A new id for this sign-in, and which code it came in with, so that either can be refused later.
					const ids = { sid: newSessionId(), codeTag: signer.codeTag(found.code) };
					const session: Session =
						found.role === 'participant'
							? { role: 'participant', name, exerciseId: found.exerciseId, team: found.team!, ...ids }
							: { role: found.role, name, exerciseId: found.exerciseId, ...ids };
					socket.data.session = session;
					return { token: signer.sign(session, now()), session };
				},
				new RequestError('wrong-code', 'unknown join code: check it with your controller')
			),
		'session:controller': (socket, { key, name }) =>
			ctx.guardSignIn(
				socket,
				async () => {
					if (!keysMatch(key, ctx.controllerKey)) return null;
					const session: Session = { role: 'controller', name, sid: newSessionId() };
					socket.data.session = session;
					return { token: signer.sign(session, now()), session };
				},
				new RequestError('wrong-key', 'wrong controller key')
			),
		'exercise:open': async (socket, { exerciseId, afterSeq }) => {
			const session = requireSession(socket);
			const id = exerciseOf(registry, session, exerciseId);
			const previous = socket.data.exerciseId;
			if (previous && previous !== id) {
				for (const room of socket.rooms) if (isRoomOf(room, previous)) await socket.leave(room);
				ctx.presence.announce(previous);
			}
			socket.data.exerciseId = id;
			await socket.join([roomOf(id, session), rooms.all(id)]);
			ctx.presence.announce(id);
			const reviewOpen = reviewOpenFor(registry.state(id)!);
			const opened = { events: eventsForAudience(registry.events(id, afterSeq ?? 0), audienceOf(session), reviewOpen), serverWall: now() };
			if (session.role !== 'controller') return opened;
			return { ...opened, codes: codesOf(await store.codesFor(id)) };
		}
	};
}
