import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExerciseClient, OFFLINE_WAIT_MS, RequestFailed } from './exercise-client';
import type { ClientSocket } from './session';

/** A socket with a switchable connection that records what it sends and answers each request with `reply`. */
class FakeSocket extends EventEmitter {
	connected = false;
	sent: { event: string; payload: unknown }[] = [];
	reply: unknown = { ok: true, data: { decided: true } };
	emitWithAck(event: string, payload: unknown) {
		this.sent.push({ event, payload });
		return Promise.resolve(this.reply);
	}
	comeBack() {
		this.connected = true;
		this.emit('connect');
	}
}

describe('ExerciseClient while the connection is down', () => {
	let socket: FakeSocket;
	let client: ExerciseClient;
	beforeEach(() => {
		vi.useFakeTimers();
		socket = new FakeSocket();
		client = new ExerciseClient(socket as unknown as ClientSocket);
	});
	afterEach(() => vi.useRealTimers());

	it('holds a request until the connection is back, then sends it once', async () => {
		const decided = client.decide('rifc-tipoff', 'share-and-launch');
		await vi.advanceTimersByTimeAsync(OFFLINE_WAIT_MS - 1_000);
		expect(socket.sent).toEqual([]);
		socket.comeBack();
		await expect(decided).resolves.toEqual({ decided: true });
		expect(socket.sent).toEqual([{ event: 'decision:submit', payload: { injectId: 'rifc-tipoff', optionId: 'share-and-launch' } }]);
		socket.comeBack();
		expect(socket.sent).toHaveLength(1);
	});

	it('refuses a request as unreachable when the connection stays down, and never sends it later', async () => {
		const decided = client.decide('rifc-tipoff', 'share-and-launch');
		const refusal = expect(decided).rejects.toMatchObject({ code: 'unreachable' });
		await vi.advanceTimersByTimeAsync(OFFLINE_WAIT_MS);
		await refusal;
		socket.comeBack();
		expect(socket.sent).toEqual([]);
		expect(socket.listenerCount('connect')).toBe(0);
	});

	it('sends at once when connected and passes on the server’s refusal with its code', async () => {
		socket.connected = true;
		socket.reply = { ok: false, error: 'this browser session was signed out', code: 'session-revoked' };
		const decided = client.decide('rifc-tipoff', 'share-and-launch');
		await expect(decided).rejects.toBeInstanceOf(RequestFailed);
		await expect(decided).rejects.toMatchObject({ code: 'session-revoked' });
		expect(socket.sent).toHaveLength(1);
	});
});
