/**
 * Who runs which exercise. In one process, this process owns every exercise.
 * In a cluster (`REDIS_URL`), ownership is a lease in Redis that the owner
 * renews; when an owner dies its leases lapse and another process takes the
 * exercise over from the log. Commands that arrive on a process that does not
 * own the exercise are forwarded to the owner over the Socket.IO adapter.
 */
import type { DomainEvent } from '../src/lib/engine/exercise/events';
import type { Command } from '../src/lib/engine/exercise/commands';
import type { ErrorReply } from '../src/lib/realtime/errors';

export type CommandResult = { ok: true; events: DomainEvent[] } | ErrorReply;

export interface Ownership {
	readonly processId: string;
	/** Takes the lease if nobody holds it (or we already do). */
	acquire(exerciseId: string): Promise<boolean>;
	/** Renews our leases; returns the ones we have lost. */
	renew(exerciseIds: string[]): Promise<string[]>;
	release(exerciseId: string): Promise<void>;
	/** Asks the owner to run a command; null when no process answered as owner. */
	forward(exerciseId: string, cmd: Command): Promise<CommandResult | null>;
	/** Tells the other processes about stored events, so their read copies stay current. */
	announce(exerciseId: string, events: DomainEvent[]): void;
	/** Tells the other processes that an exercise's stored log was rewritten or deleted: they reload or drop it. */
	announceReset(exerciseId: string): void;
}

/** The single-process case: everything is ours, there is nobody to forward to or tell. */
export const soleOwner: Ownership = {
	processId: 'single',
	acquire: async () => true,
	renew: async () => [],
	release: async () => undefined,
	forward: async () => null,
	announce: () => undefined,
	announceReset: () => undefined
};
