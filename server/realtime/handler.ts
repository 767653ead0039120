/**
 * What a request handler is, what it works with, and how the per-feature
 * groups become one map with exactly one handler for each contract event.
 */
import type { ClientEventName, ParsedPayload, Replies } from '../../src/lib/realtime/contract';
import type { ExerciseRegistry } from '../exercise-registry';
import type { RealtimeDeps } from './index';
import type { PresenceAnnouncer, StudioPresenceAnnouncer } from './presence';
import type { SignInGuard } from './rate-limits';
import type { ClientSocket, RealtimeServer } from './socket-types';

/** Handles one validated request; a RequestError it throws is the refusal sent back. */
export type Handler<E extends ClientEventName> = (socket: ClientSocket, payload: ParsedPayload<E>) => Promise<Replies[E]> | Replies[E];
export type HandlerMap = { [E in ClientEventName]: Handler<E> };
/** The handlers of one feature. */
export type HandlerGroup<E extends ClientEventName> = Pick<HandlerMap, E>;

export interface RealtimeContext extends Pick<RealtimeDeps, 'store' | 'signer' | 'controllerKey' | 'library' | 'log'> {
	registry: ExerciseRegistry;
	/** The Socket.IO server, to tell or disconnect sockets in an exercise's rooms (across the cluster). */
	io: RealtimeServer;
	now: () => number;
	presence: PresenceAnnouncer;
	studioPresence: StudioPresenceAnnouncer;
	guardSignIn: SignInGuard;
}

type EventsOf<G> = G extends readonly [infer First, ...infer Rest] ? keyof First | EventsOf<Rest> : never;
type HandledTwice<G> = G extends readonly [infer First, ...infer Rest] ? (keyof First & EventsOf<Rest>) | HandledTwice<Rest> : never;
/** Passes only groups that handle every contract event once; otherwise the type error names the events at fault. */
type EveryEventOnce<G> = [HandledTwice<G>] extends [never]
	? [Exclude<ClientEventName, EventsOf<G>>] extends [never]
		? unknown
		: { unhandled: Exclude<ClientEventName, EventsOf<G>> }
	: { handledTwice: HandledTwice<G> };

/** One map of every handler; TypeScript proves that each contract event has exactly one. */
export function handlerMap<const G extends readonly Partial<HandlerMap>[]>(...groups: G & EveryEventOnce<G>): HandlerMap {
	return Object.assign({}, ...groups);
}
