/**
 * A team member without a browser: a socket.io client that joins with a code and sends what a team sends.
 * Cheaper than another Chromium context on 2 cores when a test only needs a team to be there and to write.
 */
import { io, type Socket } from 'socket.io-client';

type Reply = { ok: true; data: unknown } | { ok: false; error: string };

/** Sends one event and returns its reply's data, or throws the refusal. */
export async function ask(socket: Socket, event: string, payload: unknown) {
	const reply = (await socket.timeout(10_000).emitWithAck(event, payload)) as Reply;
	if (!reply.ok) throw new Error(`${event}: ${reply.error}`);
	return reply.data;
}

/** A socket.io client connected to the server (with a session token, or none). */
export function open(url: string, token?: string): Promise<Socket> {
	const socket = io(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true });
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

export async function teamSeat(url: string, code: string, name: string) {
	const anonymous = await open(url);
	const { token } = (await ask(anonymous, 'session:join', { code, name })) as { token: string };
	anonymous.disconnect();
	const socket = await open(url, token);
	await ask(socket, 'exercise:open', {});
	return {
		/** A message to exercise control (who plays the outside agencies). */
		toControl: (text: string) => ask(socket, 'message:send', { to: ['exercise-control'], channel: 'phone', text }),
		close: () => socket.disconnect()
	};
}
