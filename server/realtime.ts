/**
 * The Socket.IO edge: authenticates sockets, rate-limits and validates every
 * payload against the shared contract, checks role and team, turns requests
 * into engine commands and fans stored events out to rooms, filtered per
 * audience. Nothing reaches a browser that `eventForAudience` did not allow.
 */
import type { Server as HttpServer } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Server, type Socket } from 'socket.io';
import { eventsForAudience, reviewOpenFor, type Audience } from '../src/lib/engine/exercise/audience';
import { percent, teamScores } from '../src/lib/engine/review/score-decision';
import { exerciseTimeAt, MINUTE } from '../src/lib/engine/exercise/clock';
import { injectSchema } from '../src/lib/engine/scenario/schema';
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../src/lib/engine/exercise/events';
import type { Command, CommandBody } from '../src/lib/engine/exercise/commands';
import type { ExerciseState } from '../src/lib/engine/exercise/state';
import type { Scenario } from '../src/lib/engine/scenario/schema';
import {
	describeIssues,
	payloadSchemas,
	type Ack,
	type ClientEventName,
	type ClientToServerEvents,
	type ParsedPayload,
	type PresentMember,
	type Replies,
	type ServerToClientEvents,
	type Session,
	type SocketData
} from '../src/lib/realtime/contract';
import { keysMatch, normalizeJoinCode, SessionSigner } from './auth';
import type { EventStore } from './event-store';
import { codesOf, ExerciseRegistry, type CommandResult } from './exercise-registry';
import { joinCluster } from './cluster';

type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Sock = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RateLimits {
	/** Requests one socket may make per 10 seconds. */
	requestsPer10s: number;
	/** Failed join or controller-key attempts one address may make per minute before it is blocked for a minute. */
	failedJoinsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { requestsPer10s: 60, failedJoinsPerMinute: 10 };

export interface RealtimeDeps {
	store: EventStore;
	signer: SessionSigner;
	controllerKey: string;
	scenarios: () => Scenario[];
	log?: (message: string) => void;
	now?: () => number;
	rateLimits?: RateLimits;
	/** Joins other server processes through Redis (Socket.IO adapter, exercise leases). */
	redisUrl?: string;
}

class RequestError extends Error {}

const rooms = {
	controller: (x: string) => `x:${x}:controller`,
	evaluator: (x: string) => `x:${x}:evaluator`,
	observer: (x: string) => `x:${x}:observer`,
	team: (x: string, team: string) => `x:${x}:team:${team}`
};

function audienceOf(session: Session): Audience {
	return session.role === 'participant' ? { role: 'participant', team: session.team } : { role: session.role };
}

function roomOf(exerciseId: string, session: Session): string {
	return session.role === 'participant' ? rooms.team(exerciseId, session.team) : rooms[session.role](exerciseId);
}

/** Who did it, for the audit trail in the event log. */
function actorOf(session: Session): string {
	return session.role === 'participant' ? `team:${session.team}:${session.name}` : `${session.role}:${session.name}`;
}

export async function createRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
	const now = deps.now ?? Date.now;
	const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
	const requestLimiter = new RateLimiterMemory({ points: limits.requestsPer10s, duration: 10 });
	const joinLimiter = new RateLimiterMemory({ points: limits.failedJoinsPerMinute, duration: 60, blockDuration: 60 });
	const io: IO = new Server(httpServer, {
		maxHttpBufferSize: 256 * 1024,
		serveClient: false,
		// Clients resync from their last event id in every case; socket.io's own recovery helps on one process.
		...(deps.redisUrl ? {} : { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 } })
	});
	const cluster = deps.redisUrl ? await joinCluster(io, deps.redisUrl, deps.log ?? (() => {})) : null;

	const publish = (exerciseId: string, events: DomainEvent[], state: ExerciseState) => {
		io.to([rooms.controller(exerciseId), rooms.evaluator(exerciseId)]).emit('exercise:events', events);
		const audiences: [string, Audience][] = [
			[rooms.observer(exerciseId), { role: 'observer' }],
			...(state.scenario?.teams ?? []).map((t): [string, Audience] => [rooms.team(exerciseId, t.id), { role: 'participant', team: t.id }])
		];
		const reviewOpen = reviewOpenFor(state);
		for (const [room, audience] of audiences) {
			const visible = eventsForAudience(events, audience, reviewOpen);
			if (visible.length > 0) io.to(room).emit('exercise:events', visible);
		}
	};

	const registry = new ExerciseRegistry({ store: deps.store, publish, log: deps.log, now, ownership: cluster?.ownership });
	cluster?.ownership.listen({
		onCommand: (exerciseId, cmd) => registry.onPeerCommand(exerciseId, cmd),
		onEvents: (exerciseId, events) => void registry.onPeerEvents(exerciseId, events)
	});
	const recovered = await registry.recover();
	if (recovered > 0) deps.log?.(`resumed ${recovered} unfinished exercise(s) from the event log`);

	/** Tells an exercise's controllers who is connected to it. */
	const presenceTimers = new Map<string, NodeJS.Timeout>();
	const announcePresence = (exerciseId: string) => {
		if (presenceTimers.has(exerciseId)) return;
		// Coalesce bursts of joins and leaves into one update.
		presenceTimers.set(
			exerciseId,
			setTimeout(async () => {
				presenceTimers.delete(exerciseId);
				// In a cluster this asks every process; one that has just died makes it time out.
				const sockets = await io
					.in(`x:${exerciseId}:all`)
					.fetchSockets()
					.catch((err: Error) => (deps.log?.(`presence of ${exerciseId}: ${err.message}`), null));
				if (!sockets) return;
				const members: PresentMember[] = sockets.flatMap((s) => {
					const session = s.data.session;
					return session ? [{ role: session.role, name: session.name, team: session.role === 'participant' ? session.team : null }] : [];
				});
				io.to(rooms.controller(exerciseId)).emit('exercise:presence', { exerciseId, members });
			}, 100)
		);
	};

	io.use((socket, next) => {
		const token = socket.handshake.auth?.token;
		socket.data.session = null;
		socket.data.exerciseId = null;
		if (token === undefined || token === null || token === '') return next();
		const session = deps.signer.verify(token, now());
		if (!session) return next(new Error('invalid session: please join again'));
		if (session.role !== 'controller' && !registry.has(session.exerciseId))
			return next(new Error('invalid session: that exercise no longer exists'));
		socket.data.session = session;
		next();
	});

	const requireSession = (socket: Sock): Session => {
		const s = socket.data.session;
		if (!s) throw new RequestError('not signed in: join with a code first');
		return s;
	};
	const requireController = (socket: Sock) => {
		const s = requireSession(socket);
		if (s.role !== 'controller') throw new RequestError('only an exercise controller may do this');
		return s;
	};
	const knownExercise = (exerciseId: string) => {
		if (!registry.has(exerciseId)) throw new RequestError(`unknown exercise "${exerciseId}"`);
		return exerciseId;
	};
	const commandOutcome = (result: CommandResult): { seq: number } => {
		if (!result.ok) throw new RequestError(result.error);
		return { seq: result.events.at(-1)?.seq ?? 0 };
	};
	/** Runs a controller's command on an exercise; the reply carries the last stored event's seq. */
	const asController = async (socket: Sock, exerciseId: string, body: CommandBody) => {
		const session = requireController(socket);
		const cmd = { ...body, wall: now(), actor: actorOf(session) } as Command;
		return commandOutcome(await registry.command(knownExercise(exerciseId), cmd));
	};
	/** The exercise an evaluator or controller acts on: an evaluator's own, or the one a controller names. */
	const evaluatedExercise = (socket: Sock, exerciseId: string | undefined) => {
		const session = requireSession(socket);
		if (session.role === 'controller') {
			if (!exerciseId) throw new RequestError('payload.exerciseId: required for controllers');
			return { session, id: knownExercise(exerciseId) };
		}
		if (session.role !== 'evaluator') throw new RequestError('only evaluators and controllers may do this');
		if (exerciseId && exerciseId !== session.exerciseId) throw new RequestError('your session belongs to another exercise');
		return { session, id: session.exerciseId };
	};
	const asEvaluator = async (socket: Sock, exerciseId: string | undefined, body: CommandBody) => {
		const { session, id } = evaluatedExercise(socket, exerciseId);
		return commandOutcome(await registry.command(id, { ...body, wall: now(), actor: actorOf(session) } as Command));
	};

	/** Brute-force guard: failed sign-ins are counted per address; too many block it for a while. */
	const guardSignIn = async <T>(socket: Sock, attempt: () => Promise<T | null>, failure: string): Promise<T> => {
		const address = socket.handshake.address;
		const record = await joinLimiter.get(address);
		if (record && record.consumedPoints >= limits.failedJoinsPerMinute)
			throw new RequestError(`too many failed attempts from your address: try again in ${Math.ceil(record.msBeforeNext / 1000)} s`);
		const result = await attempt();
		if (result === null) {
			await joinLimiter.consume(address).catch(() => undefined);
			throw new RequestError(failure);
		}
		return result;
	};

	type Handler<E extends ClientEventName> = (socket: Sock, payload: ParsedPayload<E>) => Promise<Replies[E]> | Replies[E];
	const handlers: { [E in ClientEventName]: Handler<E> } = {
		'session:join': (socket, { code, name }) =>
			guardSignIn(
				socket,
				async () => {
					const found = await deps.store.findCode(normalizeJoinCode(code));
					if (!found || !registry.has(found.exerciseId)) return null;
					const session: Session =
						found.role === 'participant'
							? { role: 'participant', name, exerciseId: found.exerciseId, team: found.team! }
							: { role: found.role, name, exerciseId: found.exerciseId };
					socket.data.session = session;
					return { token: deps.signer.sign(session, now()), session };
				},
				'unknown join code: check it with your controller'
			),
		'session:controller': (socket, { key, name }) =>
			guardSignIn(
				socket,
				async () => {
					if (!keysMatch(key, deps.controllerKey)) return null;
					const session: Session = { role: 'controller', name };
					socket.data.session = session;
					return { token: deps.signer.sign(session, now()), session };
				},
				'wrong controller key'
			),
		'scenario:list': (socket) => {
			requireController(socket);
			return deps.scenarios().map((s) => ({
				id: s.id,
				title: s.title,
				summary: s.summary,
				kind: s.kind,
				teams: s.teams.map((t) => ({ id: t.id, name: t.name })),
				injects: s.injects.length,
				decisions: s.injects.filter((i) => i.decision).length,
				durationMinutes: s.durationMinutes
			}));
		},
		'exercise:list': (socket) => {
			requireController(socket);
			return registry
				.list()
				.map((s) => ({ id: s.id, title: s.title, scenarioId: s.scenario!.id, status: s.status, createdWall: s.createdWall }))
				.sort((a, b) => b.createdWall - a.createdWall);
		},
		'exercise:create': async (socket, { scenarioId, title }) => {
			const session = requireController(socket);
			const scenario = deps.scenarios().find((s) => s.id === scenarioId);
			if (!scenario) throw new RequestError(`unknown scenario "${scenarioId}"`);
			return registry.create(scenario, title ?? scenario.title, actorOf(session));
		},
		'exercise:open': async (socket, { exerciseId, afterSeq }) => {
			const session = requireSession(socket);
			let id: string;
			if (session.role === 'controller') {
				if (!exerciseId) throw new RequestError('payload.exerciseId: required for controllers');
				id = knownExercise(exerciseId);
			} else {
				if (exerciseId && exerciseId !== session.exerciseId) throw new RequestError('your session belongs to another exercise');
				id = session.exerciseId;
			}
			const previous = socket.data.exerciseId;
			if (previous && previous !== id) {
				for (const room of socket.rooms) if (room.startsWith(`x:${previous}:`)) await socket.leave(room);
				announcePresence(previous);
			}
			socket.data.exerciseId = id;
			await socket.join([roomOf(id, session), `x:${id}:all`]);
			announcePresence(id);
			const reviewOpen = reviewOpenFor(registry.state(id)!);
			const opened = { events: eventsForAudience(registry.events(id, afterSeq ?? 0), audienceOf(session), reviewOpen), serverWall: now() };
			if (session.role !== 'controller') return opened;
			return { ...opened, codes: codesOf(await deps.store.codesFor(id)) };
		},
		'exercise:control': (socket, { exerciseId, action }) =>
			asController(socket, exerciseId, {
				type: ({ start: 'START', pause: 'PAUSE', resume: 'RESUME', end: 'END', close: 'CLOSE' } as const)[action]
			}),
		'clock:speed': (socket, { exerciseId, speed }) => asController(socket, exerciseId, { type: 'SET_SPEED', speed }),
		'inject:release': (socket, { exerciseId, injectId }) => asController(socket, exerciseId, { type: 'RELEASE_INJECT', injectId }),
		'inject:hold': (socket, { exerciseId, injectId }) => asController(socket, exerciseId, { type: 'HOLD_INJECT', injectId }),
		'inject:unhold': (socket, { exerciseId, injectId }) => asController(socket, exerciseId, { type: 'UNHOLD_INJECT', injectId }),
		'inject:skip': (socket, { exerciseId, injectId }) => asController(socket, exerciseId, { type: 'SKIP_INJECT', injectId }),
		'inject:add': async (socket, { exerciseId, inMinutes, inject }) => {
			requireController(socket);
			const state = registry.state(knownExercise(exerciseId))!;
			const injectId = `adhoc-${randomUUID().slice(0, 8)}`;
			const full = injectSchema.parse({ ...inject, id: injectId, at: 0 });
			const dueAt = exerciseTimeAt(state.clock, now()) + inMinutes * MINUTE;
			return { ...(await asController(socket, exerciseId, { type: 'ADD_INJECT', inject: { ...full, at: undefined }, dueAt })), injectId };
		},
		'decision:submit': async (socket, { injectId, optionId }) => {
			const session = requireSession(socket);
			if (session.role !== 'participant') throw new RequestError('only team members may submit decisions');
			return commandOutcome(
				await registry.command(session.exerciseId, {
					type: 'DECIDE',
					injectId,
					optionId,
					team: session.team,
					by: session.name,
					wall: now(),
					actor: actorOf(session)
				})
			);
		},
		'asset:task': async (socket, { entityId, order, speedKnots }) => {
			const session = requireSession(socket);
			if (session.role !== 'participant') throw new RequestError('only team members may task their assets');
			return commandOutcome(
				await registry.command(session.exerciseId, {
					type: 'TASK_ASSET',
					entityId,
					order,
					speedKnots,
					team: session.team,
					by: session.name,
					wall: now(),
					actor: actorOf(session)
				})
			);
		},
		'facility:set': async (socket, { entityId, open, staff }) => {
			const session = requireSession(socket);
			if (session.role !== 'participant') throw new RequestError('only team members may run ports and shelters');
			return commandOutcome(
				await registry.command(session.exerciseId, {
					type: 'SET_FACILITY',
					entityId,
					open,
					staff,
					team: session.team,
					by: session.name,
					wall: now(),
					actor: actorOf(session)
				})
			);
		},
		'message:send': async (socket, { to, channel, text, refInjectId }) => {
			const session = requireSession(socket);
			if (session.role !== 'participant') throw new RequestError('only team members may send team messages');
			return commandOutcome(
				await registry.command(session.exerciseId, {
					type: 'SEND_MESSAGE',
					messageId: randomUUID(),
					fromTeam: session.team,
					to,
					channel,
					text,
					refInjectId: refInjectId ?? null,
					by: session.name,
					wall: now(),
					actor: actorOf(session)
				})
			);
		},
		'evaluation:observe': (socket, { exerciseId, team, objective, text }) =>
			asEvaluator(socket, exerciseId, { type: 'OBSERVE', observationId: randomUUID(), team, objective, text, by: socket.data.session?.name ?? '' }),
		'evaluation:rate': (socket, { exerciseId, team, objective, rating, explanation }) =>
			asEvaluator(socket, exerciseId, { type: 'RATE', team, objective, rating, explanation, by: socket.data.session?.name ?? '' }),
		'evaluation:improvement': async (socket, { exerciseId, itemId, ...item }) => {
			const id = itemId ?? randomUUID().slice(0, 8);
			const done = await asEvaluator(socket, exerciseId, { type: 'UPDATE_IMPROVEMENT', itemId: id, ...item, by: socket.data.session?.name ?? '' });
			return { ...done, itemId: id };
		},
		'score:adjust': async (socket, { exerciseId, team, objective, points, reason }) => {
			const session = requireController(socket);
			return asController(socket, exerciseId, { type: 'ADJUST_SCORE', team, objective, points, reason, by: session.name });
		},
		'review:share': (socket, { exerciseId, participantsMaySee }) => asController(socket, exerciseId, { type: 'SHARE_REVIEW', participantsMaySee }),
		'review:history': (socket, { scenarioId }) => {
			const session = requireSession(socket);
			if (session.role !== 'controller' && session.role !== 'evaluator') throw new RequestError('only evaluators and controllers may do this');
			return registry
				.list()
				.filter((s) => s.scenario?.id === scenarioId)
				.sort((a, b) => a.createdWall - b.createdWall)
				.map((s) => ({
					exerciseId: s.id,
					title: s.title,
					status: s.status,
					createdWall: s.createdWall,
					scores: Object.fromEntries(
						teamScores(s).map((t) => [t.team, Object.fromEntries(Object.entries(t.objectives).map(([o, score]) => [o, percent(score)]))])
					)
				}));
		}
	};

	const limited = async (socketId: string): Promise<string | null> => {
		try {
			await requestLimiter.consume(socketId);
			return null;
		} catch (res) {
			const wait = res instanceof RateLimiterRes ? Math.ceil(res.msBeforeNext / 1000) : 10;
			return `rate limit: more than ${limits.requestsPer10s} requests in 10 s; try again in ${wait} s`;
		}
	};

	io.on('connection', (socket) => {
		// One listener for every event (not one per contract event): a connection then costs a few
		// hundred bytes of handlers instead of a closure per event name (see the memory benchmark).
		socket.onAny(async (name: string, ...args: unknown[]) => {
			const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: Ack<unknown>) => void) : null;
			const slowDown = await limited(socket.id);
			if (!Object.hasOwn(payloadSchemas, name)) {
				ack?.({ ok: false, error: slowDown ?? `unknown event "${String(name).slice(0, 60)}"` });
				return;
			}
			const event = name as ClientEventName;
			const reply = ack ?? (() => {});
			if (slowDown) return reply({ ok: false, error: slowDown });
			// Exactly one payload and an acknowledgement callback: anything else is refused unheard.
			if (!ack || args.length > 1) return reply({ ok: false, error: `${event}: send exactly one payload and ask for an acknowledgement` });
			const parsed = payloadSchemas[event].safeParse(args[0] ?? {});
			if (!parsed.success) return reply({ ok: false, error: `${event}: ${describeIssues(parsed.error)}` });
			try {
				const data = await (handlers[event] as Handler<typeof event>)(socket, parsed.data as never);
				reply({ ok: true, data });
			} catch (err) {
				if (err instanceof RequestError) return reply({ ok: false, error: err.message });
				deps.log?.(`error in ${event}: ${(err as Error).stack ?? err}`);
				reply({ ok: false, error: `${event}: internal error` });
			}
		});
		socket.on('disconnect', () => {
			if (socket.data.exerciseId) announcePresence(socket.data.exerciseId);
		});
	});

	return {
		io,
		registry,
		/** Drains: refuse new work, let commands in flight finish, tell clients why they are being disconnected. */
		async close(reason = 'the server is restarting') {
			await registry.close();
			await cluster?.quit();
			for (const timer of presenceTimers.values()) clearTimeout(timer);
			io.emit('server:shutdown', { reason });
			io.disconnectSockets(true);
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}
