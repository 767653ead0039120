/** Cluster ownership over Redis leases, with forwarding and event fan-out through the Socket.IO Redis adapter. */
import { randomBytes } from 'node:crypto';
import type { Server } from 'socket.io';
import type { createClient } from 'redis';
import type { DomainEvent } from '../src/lib/engine/exercise/events';
import type { Command } from '../src/lib/engine/exercise/commands';
import type { CommandResult, Ownership } from './ownership';

type Redis = ReturnType<typeof createClient>;

export const LEASE_MS = 6_000;
export const FORWARD_TIMEOUT_MS = 5_000;
const key = (exerciseId: string) => `crosscurrent:owner:${exerciseId}`;

// Compare-and-act on our own lease only, atomically.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface PeerHandlers {
	/** Runs a forwarded command if this process owns the exercise; null otherwise. */
	onCommand: (exerciseId: string, cmd: Command) => Promise<CommandResult | null>;
	onEvents: (exerciseId: string, events: DomainEvent[]) => void;
	onReset: (exerciseId: string) => void;
}

export function redisOwnership(redis: Redis, io: Server, log: (m: string) => void): Ownership & { listen(handlers: PeerHandlers): void } {
	const processId = `${process.pid}-${randomBytes(4).toString('hex')}`;
	return {
		processId,
		async acquire(exerciseId) {
			const taken = await redis.set(key(exerciseId), processId, { NX: true, PX: LEASE_MS });
			if (taken === 'OK') return true;
			return (await redis.get(key(exerciseId))) === processId;
		},
		async renew(exerciseIds) {
			const lost: string[] = [];
			for (const id of exerciseIds) {
				const kept = await redis.eval(RENEW, { keys: [key(id)], arguments: [processId, String(LEASE_MS)] });
				if (kept !== 1) lost.push(id);
			}
			return lost;
		},
		async release(exerciseId) {
			await redis.eval(RELEASE, { keys: [key(exerciseId)], arguments: [processId] });
		},
		async forward(exerciseId, cmd) {
			return new Promise((resolve) => {
				// The adapter's requestsTimeout bounds the wait (set where the adapter is created).
				io.serverSideEmit('crosscurrent:command', exerciseId, cmd, (err: Error | null, replies: (CommandResult | null)[]) => {
					// A peer that died mid-call makes the call time out; an owner that did answer still counts.
					if (err) log(`forwarding to the owner of ${exerciseId}: ${err.message}`);
					resolve((replies ?? []).find((r) => r !== null) ?? null);
				});
			});
		},
		announce(exerciseId, events) {
			io.serverSideEmit('crosscurrent:events', exerciseId, events);
		},
		announceReset(exerciseId) {
			io.serverSideEmit('crosscurrent:reset', exerciseId);
		},
		listen(handlers) {
			io.on('crosscurrent:command', (exerciseId: string, cmd: Command, reply: (r: CommandResult | null) => void) => {
				handlers.onCommand(exerciseId, cmd).then(reply, () => reply(null));
			});
			io.on('crosscurrent:events', (exerciseId: string, events: DomainEvent[]) => handlers.onEvents(exerciseId, events));
			io.on('crosscurrent:reset', (exerciseId: string) => handlers.onReset(exerciseId));
		}
	};
}
