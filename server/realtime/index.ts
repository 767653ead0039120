/**
 * The Socket.IO edge: authenticates sockets, rate-limits and validates every
 * payload against the shared contract, checks role and team, turns requests
 * into engine commands and fans stored events out to rooms, filtered per
 * audience. Nothing reaches a browser that `eventsForAudience` did not allow.
 *
 * Wiring lives here; the checks, rooms, presence, fan-out and the handlers of
 * each feature (handlers/) have a file each.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { StudioSaved } from '../../src/lib/engine/studio/library';
import { describeIssues, payloadProblem, payloadSchemas, type Ack, type ClientEventName } from '../../src/lib/realtime/contract';
import type { ErrorCode, ErrorParams, ErrorReply } from '../../src/lib/realtime/errors';
import type { SessionSigner } from '../auth';
import { joinCluster } from '../cluster';
import type { EventStore } from '../event-store';
import { ExerciseRegistry } from '../exercise-registry';
import { RequestError } from './access';
import { fanOut } from './fan-out';
import { handlerMap, type Handler, type RealtimeContext } from './handler';
import { controlHandlers } from './handlers/control';
import { evaluationHandlers } from './handlers/evaluation';
import { reviewHandlers } from './handlers/review';
import { sessionHandlers } from './handlers/session';
import { teamHandlers } from './handlers/team';
import { presenceAnnouncer, studioPresenceAnnouncer } from './presence';
import { rooms } from './rooms';
import { studioHandlers } from './handlers/studio';
import { personalDataHandlers } from './handlers/personal-data';
import { membershipHandlers } from './handlers/membership';
import { REVOKED_MESSAGE, revocations, revokedError, takesAccess, type Revocations } from './revocation';
import type { ScenarioLibrary } from '../scenario-library';
import { DEFAULT_RATE_LIMITS, requestLimiter, signInGuard, type RateLimits } from './rate-limits';
import type { RealtimeServer } from './socket-types';

export { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits';

/** A refusal as the client receives it: English message, code and parameters. */
const refusal = (err: RequestError): ErrorReply => ({ ok: false, error: err.message, code: err.code, params: err.params });

/** A refused handshake: Socket.IO hands the client `message` and `data` (here the code to word it by). */
function handshakeRefusal(code: ErrorCode, message: string, params?: ErrorParams) {
	return Object.assign(new Error(message), { data: { code, params } });
}

export interface RealtimeDeps {
	store: EventStore;
	signer: SessionSigner;
	controllerKey: string;
	/** The scenario library: what exercises are created from, and the studio's scenarios. */
	library: ScenarioLibrary;
	log?: (message: string) => void;
	now?: () => number;
	rateLimits?: RateLimits;
	/** Joins other server processes through Redis (Socket.IO adapter, exercise leases). */
	redisUrl?: string;
}

export async function createRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
	const now = deps.now ?? Date.now;
	const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
	const slowDown = requestLimiter(limits);
	const io: RealtimeServer = new Server(httpServer, {
		maxHttpBufferSize: 256 * 1024,
		serveClient: false,
		// Clients resync from their last event id in every case; socket.io's own recovery helps on one process.
		...(deps.redisUrl ? {} : { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 } })
	});
	const cluster = deps.redisUrl ? await joinCluster(io, deps.redisUrl, deps.log ?? (() => {})) : null;

	const toRooms = fanOut(io);
	// Every process closes its own connections whose access an event took away, once its copy of the log has it.
	let access: Revocations | null = null;
	const publish: typeof toRooms = (exerciseId, events, state) => {
		toRooms(exerciseId, events, state);
		if (takesAccess(events)) access?.sweep(exerciseId);
	};
	const registry = new ExerciseRegistry({ store: deps.store, publish, log: deps.log, now, ownership: cluster?.ownership });
	access = revocations(io, registry, deps.log);
	cluster?.ownership.listen({
		onCommand: (exerciseId, cmd) => registry.onPeerCommand(exerciseId, cmd),
		// What a peer announces reaches this process's clients through `publish`, which sweeps as well.
		onEvents: (exerciseId, events) => void registry.onPeerEvents(exerciseId, events),
		onReset: (exerciseId) => void registry.onPeerReset(exerciseId)
	});
	const recovered = await registry.recover();
	if (recovered > 0) deps.log?.(`resumed ${recovered} unfinished exercise(s) from the event log`);

	const presence = presenceAnnouncer(io, deps.log);
	const studioPresence = studioPresenceAnnouncer(io, deps.log);

	io.use((socket, next) => {
		const token = socket.handshake.auth?.token;
		socket.data.session = null;
		socket.data.exerciseId = null;
		if (token === undefined || token === null || token === '') return next();
		const session = deps.signer.verify(token, now());
		if (!session) return next(handshakeRefusal('not-signed-in', 'invalid session: please join again'));
		if (session.role !== 'controller' && !registry.has(session.exerciseId))
			return next(handshakeRefusal('session-gone', 'invalid session: that exercise no longer exists'));
		const revoked = access!.reasonFor(session);
		if (revoked) return next(handshakeRefusal('session-revoked', REVOKED_MESSAGE[revoked], { reason: revoked }));
		socket.data.session = session;
		next();
	});

	const ctx: RealtimeContext = { ...deps, registry, io, now, presence, guardSignIn: signInGuard(limits), studioPresence };
	const handlers = handlerMap(
		sessionHandlers(ctx),
		controlHandlers(ctx),
		teamHandlers(ctx),
		evaluationHandlers(ctx),
		reviewHandlers(ctx),
		studioHandlers(ctx),
		personalDataHandlers(ctx),
		membershipHandlers(ctx)
	);

	io.on('connection', (socket) => {
		// One listener for every event (not one per contract event): a connection then costs a few
		// hundred bytes of handlers instead of a closure per event name (see the memory benchmark).
		socket.onAny(async (name: string, ...args: unknown[]) => {
			const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: Ack<unknown>) => void) : null;
			const limited = await slowDown(socket.id);
			if (!Object.hasOwn(payloadSchemas, name)) {
				ack?.(limited ? refusal(limited) : { ok: false, code: 'unknown-event', error: `unknown event "${String(name).slice(0, 60)}"` });
				return;
			}
			const event = name as ClientEventName;
			const reply = ack ?? (() => {});
			if (limited) return reply(refusal(limited));
			// Exactly one payload and an acknowledgement callback: anything else is refused unheard.
			if (!ack || args.length > 1) return reply({ ok: false, code: 'bad-call', error: `${event}: send exactly one payload and ask for an acknowledgement` });
			// A session a controller has taken access from is refused whatever it asks, and let go.
			const revoked = access!.reasonFor(socket.data.session);
			if (revoked) {
				reply(refusal(revokedError(revoked)));
				return access!.expel(socket, revoked);
			}
			const parsed = payloadSchemas[event].safeParse(args[0] ?? {});
			if (!parsed.success)
				return reply({ ok: false, code: 'invalid-payload', error: `${event}: ${describeIssues(parsed.error)}`, params: payloadProblem(parsed.error) });
			try {
				const data = await (handlers[event] as Handler<typeof event>)(socket, parsed.data as never);
				reply({ ok: true, data });
			} catch (err) {
				if (err instanceof RequestError) return reply(refusal(err));
				deps.log?.(`error in ${event}: ${(err as Error).stack ?? err}`);
				reply({ ok: false, code: 'internal', error: `${event}: internal error` });
			}
		});
		socket.on('disconnect', () => {
			if (socket.data.exerciseId) presence.announce(socket.data.exerciseId);
			if (socket.data.studioKey) studioPresence.announce(socket.data.studioKey);
		});
	});

	return {
		io,
		registry,
		/** Tells the controllers who have the scenario open that a version was saved (across the cluster). */
		notifySaved: (saved: StudioSaved) => io.to(rooms.studio(saved.key)).emit('studio:saved', saved),
		/** Drains: refuse new work, let commands in flight finish, tell clients why they are being disconnected. */
		async close(reason = 'the server is restarting') {
			await registry.close();
			await cluster?.quit();
			presence.stop();
			studioPresence.stop();
			io.emit('server:shutdown', { reason });
			io.disconnectSockets(true);
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}
