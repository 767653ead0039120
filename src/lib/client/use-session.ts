/** Page helper: the stored session for a role, or a redirect to the join page. */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { Session } from '$lib/realtime/contract';
import { clearSession, connect, loadSession, type ClientSocket } from './session';

export function sessionFor<R extends Session['role']>(
	roles: R[]
): { socket: ClientSocket; session: Extract<Session, { role: R }> } | null {
	const stored = loadSession();
	if (!stored || !roles.includes(stored.session.role as R)) {
		void goto(resolve('/'));
		return null;
	}
	const socket = connect(stored.token);
	socket.on('connect_error', (err) => {
		// A token the server no longer accepts: start again from the join page.
		if (!socket.active && err.message.startsWith('invalid session')) {
			clearSession();
			void goto(resolve('/'));
		}
	});
	return { socket, session: stored.session as Extract<Session, { role: R }> };
}
