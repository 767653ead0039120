/**
 * socket.io clients for the benchmarks: they join like the load test's
 * participants (anonymous socket → `session:join` → reconnect with the token →
 * `exercise:open`), over WebSocket only, to 127.0.0.1 only, without automatic
 * reconnection.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientEventName, Payload, Replies } from '../../../src/lib/realtime/contract';
import { CONTROLLER_KEY } from '../../integration/harness';

export const ACK_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 30_000;

export function assertLocal(url: string) {
	const host = new URL(url).hostname;
	if (host !== '127.0.0.1') throw new Error(`refusing to talk to ${host}: benchmarks only talk to 127.0.0.1`);
}

export function connect(url: string, token?: string): Promise<Socket> {
	assertLocal(url);
	const socket = io(url, {
		auth: token ? { token } : {},
		forceNew: true,
		transports: ['websocket'],
		reconnection: false,
		timeout: CONNECT_TIMEOUT_MS
	});
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (err) => {
			socket.close();
			reject(new Error(`connect failed: ${err.message}`));
		});
	});
}

export async function call<E extends ClientEventName>(socket: Socket, event: E, payload: Payload<E>): Promise<Ack<Replies[E]>> {
	try {
		return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<Replies[E]>;
	} catch (err) {
		return { ok: false, code: 'internal', error: `no ack within ${ACK_TIMEOUT_MS} ms (${(err as Error).message})` };
	}
}

export async function ok<E extends ClientEventName>(socket: Socket, event: E, payload: Payload<E>): Promise<Replies[E]> {
	const reply = await call(socket, event, payload);
	if (!reply.ok) throw new Error(`${event} refused: ${reply.error}`);
	return reply.data;
}

/** A controller socket, signed in with the harness's key. */
export async function controller(url: string): Promise<Socket> {
	const socket = await connect(url);
	await ok(socket, 'session:controller', { key: CONTROLLER_KEY, name: 'bench-controller' });
	return socket;
}

/**
 * A participant as a browser does it: join with the team code on an anonymous
 * socket, reconnect with the token, open the exercise. `beforeOpen` lets the
 * caller attach listeners before any live event can arrive.
 */
export async function participant(url: string, code: string, name: string, beforeOpen?: (socket: Socket) => void): Promise<Socket> {
	const anon = await connect(url);
	const joined = await call(anon, 'session:join', { code, name });
	anon.disconnect();
	if (!joined.ok) throw new Error(`${name}: session:join refused: ${joined.error}`);
	const socket = await connect(url, joined.data.token);
	beforeOpen?.(socket);
	await ok(socket, 'exercise:open', {});
	return socket;
}

/** Runs `make(i)` for i in [0, n) with at most `batch` in flight at once (in batches, like the load test). */
export async function inBatches<T>(n: number, batch: number, make: (i: number) => Promise<T>): Promise<T[]> {
	const out: T[] = [];
	for (let b = 0; b < n; b += batch) {
		const size = Math.min(batch, n - b);
		out.push(...(await Promise.all(Array.from({ length: size }, (_, k) => make(b + k)))));
	}
	return out;
}

export async function disconnectAll(sockets: Socket[]) {
	for (const s of sockets) s.disconnect();
	// Give the server a moment to process the closes before the next phase.
	await new Promise((r) => setTimeout(r, 300));
}
