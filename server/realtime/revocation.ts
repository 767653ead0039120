/**
 * Sessions a controller has taken access from: refused at the handshake, on every request and by the exports, and
 * their open sockets told and disconnected. Each process decides from its own copy of the exercise's log (the
 * owner's live state, or the read copy a peer keeps current from the owner's events), so a removal made on one
 * process of a cluster holds on all of them, and after a restart.
 */
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { revocationOf, type RevocationReason } from '../../src/lib/engine/exercise/revocation';
import type { Session } from '../../src/lib/realtime/contract';
import type { ExerciseRegistry } from '../exercise-registry';
import { RequestError } from './access';
import type { ClientSocket, RealtimeServer } from './socket-types';

/** The events after which some sessions may have lost access. */
export const takesAccess = (events: readonly DomainEvent[]) => events.some((e) => e.type === 'member.removed' || (e.type === 'join_code.rotated' && e.signOut));

/** English for logs and API clients; the browser words the code `session-revoked` with its reason. */
export const REVOKED_MESSAGE: Record<RevocationReason, string> = {
	removed: 'invalid session: a controller removed you from this exercise',
	'signed-out': 'invalid session: a controller replaced the join code you used and signed out everyone who joined with it'
};

export function revokedError(reason: RevocationReason): RequestError {
	return new RequestError('session-revoked', REVOKED_MESSAGE[reason], { reason });
}

export function revocations(io: RealtimeServer, registry: ExerciseRegistry, log?: (message: string) => void) {
	/** Why `session` may no longer use its exercise, or null. */
	function reasonFor(session: Session | null): RevocationReason | null {
		if (!session || session.role === 'controller') return null;
		const state = registry.state(session.exerciseId);
		return state ? revocationOf(state.access, session) : null;
	}

	/** Tells a socket why it lost access and disconnects it (the browser then does not try again with that token). */
	function expel(socket: ClientSocket, reason: RevocationReason) {
		const session = socket.data.session;
		if (!session || session.role === 'controller') return;
		socket.emit('session:revoked', { exerciseId: session.exerciseId, reason });
		// After the notice has been written to the connection.
		setImmediate(() => socket.disconnect(true));
	}

	return {
		reasonFor,
		expel,
		/** Disconnects this process's sockets of `exerciseId` whose sessions have lost access (after such an event). */
		sweep(exerciseId: string) {
			let count = 0;
			for (const socket of io.of('/').sockets.values()) {
				const session = socket.data.session;
				if (!session || session.role === 'controller' || session.exerciseId !== exerciseId) continue;
				const reason = reasonFor(session);
				if (reason) {
					expel(socket, reason);
					count++;
				}
			}
			if (count > 0) log?.(`${exerciseId}: ${count} connection(s) closed, their access taken away by a controller`);
		}
	};
}

export type Revocations = ReturnType<typeof revocations>;
