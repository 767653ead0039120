/** Browser session: the signed token from the server, kept per browser tab profile, and the typed socket. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Session } from '$lib/realtime/contract';

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

/** A request the server has not answered in this time fails (`ExerciseClient` turns that into `RequestFailed`). */
const ACK_TIMEOUT_MS = 10_000;

const DEVICE_KEY = 'crosscurrent.device';

/**
 * A random id for this browser, kept in its storage: the server counts failed join codes per browser, so one
 * person's typos do not lock out a whole room that shares one network address.
 */
export function deviceId(): string {
	try {
		const known = localStorage.getItem(DEVICE_KEY);
		if (known) return known;
		const made = crypto.randomUUID();
		localStorage.setItem(DEVICE_KEY, made);
		return made;
	} catch {
		return crypto.randomUUID();
	}
}

/**
 * How soon a dropped connection is tried again: from half a second, doubling to at most 2 s (±50 % so a room of
 * browsers does not knock all at once). socket.io's own ceiling of 5 s (up to 7.5 s with its jitter) made a browser
 * miss a restarted server for longer than a request's deadline, so a decision sent during a short outage failed
 * instead of going through once the server was back. A refused attempt costs the server almost nothing.
 */
const RECONNECT = { reconnectionDelay: 500, reconnectionDelayMax: 2_000, randomizationFactor: 0.5 };

export function connect(token?: string): ClientSocket {
	return io({ auth: { device: deviceId(), ...(token ? { token } : {}) }, transports: ['websocket', 'polling'], ackTimeout: ACK_TIMEOUT_MS, ...RECONNECT });
}
