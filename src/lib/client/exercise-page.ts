/**
 * What a page of a signed-in role sets up: the stored session (or a redirect to the join page), its socket and
 * typed client, the live view of an exercise where the page shows one, and their cleanup when the page goes.
 * Call it while a component initialises.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { Session } from '$lib/realtime/contract';
import { onDestroy } from 'svelte';
import { ExerciseClient } from './exercise-client';
import { ExerciseView } from './exercise-view.svelte';
import { clearSession, connect, loadSession, type ClientSocket } from './session';
import { failureOf } from './plain-error';
import { forgetNames } from './signed-in';
import type { RevocationReason } from '$lib/engine/exercise/revocation';

/**
 * A controller removed this session, or signed out the code it joined with: the token is forgotten, the socket
 * closed for good (it must not keep reconnecting with a token the server refuses), and the join page says why.
 */
function leaveRevoked(socket: ClientSocket, reason: RevocationReason) {
	clearSession();
	forgetNames();
	socket.disconnect();
	// The join page, resolved (base path included), with why as a query the page reads; this plugin version has no allowSuffix.
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	void goto(resolve('/') + '?revoked=' + reason);
}

export interface SessionPage<R extends Session['role']> {
	session: Extract<Session, { role: R }>;
	socket: ClientSocket;
	client: ExerciseClient;
}

export interface ExercisePage<R extends Session['role']> extends SessionPage<R> {
	view: ExerciseView;
}

/** The session of one of `roles`, connected; null (and on the way to the join page) without one. */
export function sessionPage<R extends Session['role']>(roles: R[]): SessionPage<R> | null {
	const joined = signIn(roles);
	if (joined) onDestroy(() => joined.socket.disconnect());
	return joined;
}

/**
 * As `sessionPage`, with the live view of an exercise: `exerciseId` names it for controllers (and for evaluators
 * who follow a link); without it, the session's own exercise.
 */
export function exercisePage<R extends Session['role']>(roles: R[], exerciseId?: string): ExercisePage<R> | null {
	const joined = signIn(roles);
	if (!joined) return null;
	const view = new ExerciseView(joined.socket, exerciseId, joined.session.role);
	onDestroy(() => {
		// The view lets go of the socket before it closes.
		view.destroy();
		joined.socket.disconnect();
	});
	return { ...joined, view };
}

function signIn<R extends Session['role']>(roles: R[]): SessionPage<R> | null {
	const stored = loadSession();
	if (!stored || !roles.includes(stored.session.role as R)) {
		void goto(resolve('/'));
		return null;
	}
	const socket = connect(stored.token);
	socket.on('session:revoked', ({ reason }) => leaveRevoked(socket, reason));
	socket.on('connect_error', (err) => {
		if (socket.active) return;
		const { code, params } = failureOf(err);
		// A controller took this session's access away while the browser was away: say so on the join page.
		if (code === 'session-revoked') return leaveRevoked(socket, params.reason === 'signed-out' ? 'signed-out' : 'removed');
		// A token the server no longer accepts: start again from the join page.
		if (err.message.startsWith('invalid session')) {
			clearSession();
			void goto(resolve('/'));
		}
	});
	return { session: stored.session as Extract<Session, { role: R }>, socket, client: new ExerciseClient(socket) };
}
