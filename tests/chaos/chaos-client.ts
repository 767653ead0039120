/**
 * A participant, controller or evaluator of the chaos test: a socket.io client that behaves as the browser's
 * ExerciseView does (folds only events after the last seq it has, resyncs with `exercise:open {afterSeq}` after
 * every connect), and that, when its connection drops, reconnects by itself — to the next server of its list, as a
 * load balancer would send it elsewhere when its server has gone.
 */
import { io, type Socket } from 'socket.io-client';
import type { Audience } from '../../src/lib/engine/exercise/audience';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { foldEvents, emptyExercise, type ExerciseState } from '../../src/lib/engine/exercise/state';
import type { Ack, ClientEventName, Payload, Replies } from '../../src/lib/realtime/contract';

export const ACK_TIMEOUT_MS = 8_000;
const CONNECT_TIMEOUT_MS = 3_000;

/** What became of one request: answered (ok or refused with a code), or no answer in time, or not sent (offline). */
export type Outcome<T> = { kind: 'ok'; data: T } | { kind: 'refused'; code: string; error: string } | { kind: 'no-answer' } | { kind: 'offline' };

export function assertLoopback(url: string) {
	if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to talk to ${url}: the chaos test talks to 127.0.0.1 only`);
}

export class ChaosClient {
	/** Every event this client folded, in order (what its view is built from). */
	readonly received: DomainEvent[] = [];
	state: ExerciseState = emptyExercise('');
	/** Live or resynced events dropped because the view already had them (normal after a resync). */
	dropped = 0;
	reconnects = 0;
	/** Why its connections ended, by Socket.IO's reason ("transport close" when the server went away). */
	readonly disconnects: Record<string, number> = {};
	/** Wall ms this client spent without an open view, summed. */
	offlineMs = 0;
	private offlineSince: number | null = Date.now();
	private socket: Socket | null = null;
	private next = 0;
	private closing = false;
	private reconnecting = false;
	online = false;

	constructor(
		readonly name: string,
		readonly audience: Audience,
		private token: string,
		/** The servers it may connect to, its own first. */
		private urls: string[],
		/** Controllers name the exercise they open. */
		private exerciseId?: string,
		private log: (m: string) => void = () => {}
	) {
		for (const u of urls) assertLoopback(u);
	}

	/** Connects and opens the exercise; resolves once the view has the log. */
	async start(): Promise<void> {
		if (!(await this.tryConnect(this.urls[0]!))) throw new Error(`${this.name}: could not connect to ${this.urls[0]}`);
	}

	private apply(events: DomainEvent[]) {
		const fresh = events.filter((e) => e.seq > this.state.lastSeq);
		this.dropped += events.length - fresh.length;
		if (fresh.length === 0) return;
		this.state = foldEvents(fresh[0]!.exerciseId, fresh, this.state);
		this.received.push(...fresh);
	}

	/** One connection attempt to `url`, then `exercise:open` after what the view has; false when either fails. */
	private tryConnect(url: string): Promise<boolean> {
		return new Promise((resolve) => {
			const socket = io(url, { auth: { token: this.token }, forceNew: true, transports: ['websocket'], reconnection: false, timeout: CONNECT_TIMEOUT_MS });
			let settled = false;
			const fail = () => {
				if (settled) return;
				settled = true;
				socket.removeAllListeners();
				socket.close();
				resolve(false);
			};
			socket.on('exercise:events', (events: DomainEvent[]) => this.apply(events));
			socket.once('connect_error', fail);
			socket.once('connect', async () => {
				const opened = await ask(socket, 'exercise:open', { exerciseId: this.exerciseId, afterSeq: this.state.lastSeq });
				if (opened.kind !== 'ok') {
					if (opened.kind === 'refused') this.log(`${this.name}: open refused on ${url}: ${opened.code}`);
					return fail();
				}
				if (settled || this.closing) return fail();
				settled = true;
				this.apply(opened.data.events);
				this.socket = socket;
				this.online = true;
				if (this.offlineSince !== null) this.offlineMs += Date.now() - this.offlineSince;
				this.offlineSince = null;
				socket.once('disconnect', (reason) => {
					if (this.socket !== socket) return;
					this.disconnects[reason] = (this.disconnects[reason] ?? 0) + 1;
					this.socket = null;
					this.online = false;
					this.offlineSince = Date.now();
					if (!this.closing) void this.reconnect();
				});
				resolve(true);
			});
		});
	}

	/** Tries another server (picked at random, as a load balancer would), then the others in turn, until one takes it back. */
	private async reconnect() {
		if (this.reconnecting) return;
		this.reconnecting = true;
		this.next = (this.next + Math.floor(Math.random() * (this.urls.length - 1))) % this.urls.length;
		try {
			for (let attempt = 0; !this.closing; attempt++) {
				await sleep(150 + Math.random() * 250 + Math.min(attempt, 4) * 100);
				this.next = (this.next + 1) % this.urls.length;
				if (await this.tryConnect(this.urls[this.next]!)) {
					this.reconnects++;
					return;
				}
			}
		} finally {
			this.reconnecting = false;
		}
	}

	/** Sends a request on the current connection; `offline` when there is none. */
	call<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Outcome<Replies[E]>> {
		if (!this.socket?.connected) return Promise.resolve({ kind: 'offline' });
		return ask(this.socket, event, payload);
	}

	close() {
		this.closing = true;
		if (this.offlineSince !== null) this.offlineMs += Date.now() - this.offlineSince;
		this.offlineSince = null;
		this.socket?.removeAllListeners();
		this.socket?.close();
		this.socket = null;
		this.online = false;
	}
}

async function ask<E extends ClientEventName>(socket: Socket, event: E, payload: Payload<E>): Promise<Outcome<Replies[E]>> {
	try {
		const reply = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<Replies[E]>;
		return reply.ok ? { kind: 'ok', data: reply.data } : { kind: 'refused', code: reply.code ?? 'none', error: reply.error };
	} catch {
		return { kind: 'no-answer' };
	}
}

/** A one-off request on a fresh socket (signing in, joining). */
export async function once<E extends ClientEventName>(url: string, event: E, payload: Payload<E>): Promise<Replies[E]> {
	assertLoopback(url);
	const socket = io(url, { forceNew: true, transports: ['websocket'], reconnection: false, timeout: 10_000 });
	try {
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		const reply = await ask(socket, event, payload);
		if (reply.kind !== 'ok') throw new Error(`${event} on ${url}: ${reply.kind === 'refused' ? `${reply.code} ${reply.error}` : reply.kind}`);
		return reply.data;
	} finally {
		socket.close();
	}
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
