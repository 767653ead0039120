/** Browser session: the signed token from the server, kept per browser tab profile, and the typed socket. */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientEventName, ClientToServerEvents, Payload, Replies, ServerToClientEvents, Session } from '$lib/realtime/contract';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const KEY = 'crosscurrent.session';

export interface StoredSession {
	token: string;
	session: Session;
}

export function loadSession(): StoredSession | null {
	try {
		const raw = localStorage.getItem(KEY);
		return raw ? (JSON.parse(raw) as StoredSession) : null;
	} catch {
		return null;
	}
}

export function saveSession(value: StoredSession) {
	localStorage.setItem(KEY, JSON.stringify(value));
}

export function clearSession() {
	localStorage.removeItem(KEY);
}

export function connect(token?: string): ClientSocket {
	return io({ auth: token ? { token } : {}, transports: ['websocket', 'polling'] });
}

export class RequestFailed extends Error {}

/** Emits a request and resolves with its data, or rejects with the server's message. */
export function request<E extends ClientEventName>(socket: ClientSocket, event: E, payload: Payload<E>, timeoutMs = 10_000): Promise<Replies[E]> {
	return new Promise((resolve, reject) => {
		const emit = socket.timeout(timeoutMs).emit as unknown as (
			e: E,
			p: Payload<E>,
			cb: (err: Error | null, reply: Ack<Replies[E]>) => void
		) => void;
		emit.call(socket.timeout(timeoutMs), event, payload, (err, reply) => {
			if (err) return reject(new RequestFailed('the server did not answer in time'));
			if (reply.ok) resolve(reply.data);
			else reject(new RequestFailed(reply.error));
		});
	});
}
