/**
 * The Socket.IO edge: authenticates sockets, validates every payload against
 * the shared contract, checks role and team, turns requests into engine
 * commands and fans stored events out to rooms, filtered per audience.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { eventsForAudience, type Audience } from '../src/lib/engine/audience';
import type { DomainEvent } from '../src/lib/engine/events';
import type { Command, CommandBody } from '../src/lib/engine/exercise-machine';
import type { ExerciseState } from '../src/lib/engine/exercise-state';
import type { Scenario } from '../src/lib/engine/scenario-schema';
import {
	describeIssues,
	payloadSchemas,
	type Ack,
	type ClientEventName,
	type ClientToServerEvents,
	type Payload,
	type Replies,
	type ServerToClientEvents,
	type Session,
	type SocketData
} from '../src/lib/realtime/contract';
import { keysMatch, normalizeJoinCode, SessionSigner } from './auth';
import type { EventStore } from './event-store';
import { codesOf, ExerciseRegistry, type CommandResult } from './exercise-registry';

type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Sock = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeDeps {
	store: EventStore;
	signer: SessionSigner;
	controllerKey: string;
	scenarios: () => Scenario[];
	log?: (message: string) => void;
	now?: () => number;
}

class RequestError extends Error {}

const rooms = {
	controller: (x: string) => `x:${x}:controller`,
	evaluator: (x: string) => `x:${x}:evaluator`,
	team: (x: string, team: string) => `x:${x}:team:${team}`
};

function audienceOf(session: Session): Audience {
	return session.role === 'participant' ? { role: 'participant', team: session.team } : { role: session.role };
}

export async function createRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
	const now = deps.now ?? Date.now;
	const io: IO = new Server(httpServer, {
		maxHttpBufferSize: 256 * 1024,
		serveClient: false,
		connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 }
	});

	const publish = (exerciseId: string, events: DomainEvent[], state: ExerciseState) => {
		io.to([rooms.controller(exerciseId), rooms.evaluator(exerciseId)]).emit('exercise:events', events);
		for (const team of state.scenario?.teams ?? []) {
			const visible = eventsForAudience(events, { role: 'participant', team: team.id });
			if (visible.length > 0) io.to(rooms.team(exerciseId, team.id)).emit('exercise:events', visible);
		}
	};

	const registry = new ExerciseRegistry({ store: deps.store, publish, log: deps.log, now });
	const recovered = await registry.recover();
	if (recovered > 0) deps.log?.(`resumed ${recovered} unfinished exercise(s) from the event log`);

	io.use((socket, next) => {
		const token = socket.handshake.auth?.token;
		socket.data.session = null;
		socket.data.exerciseId = null;
		if (token === undefined || token === null || token === '') return next();
		const session = deps.signer.verify(token);
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
		requireController(socket);
		const cmd = { ...body, wall: now(), actor: 'controller' } as Command;
		return commandOutcome(await registry.command(knownExercise(exerciseId), cmd));
	};

	type Handler<E extends ClientEventName> = (socket: Sock, payload: Payload<E>) => Promise<Replies[E]> | Replies[E];
	const handlers: { [E in ClientEventName]: Handler<E> } = {
		'session:join': async (socket, { code, name }) => {
			const found = await deps.store.findCode(normalizeJoinCode(code));
			if (!found || !registry.has(found.exerciseId)) throw new RequestError('unknown join code: check it with your controller');
			const session: Session =
				found.role === 'evaluator'
					? { role: 'evaluator', name, exerciseId: found.exerciseId }
					: { role: 'participant', name, exerciseId: found.exerciseId, team: found.team! };
			socket.data.session = session;
			return { token: deps.signer.sign(session), session };
		},
		'session:controller': (socket, { key, name }) => {
			if (!keysMatch(key, deps.controllerKey)) throw new RequestError('wrong controller key');
			const session: Session = { role: 'controller', name };
			socket.data.session = session;
			return { token: deps.signer.sign(session), session };
		},
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
			requireController(socket);
			const scenario = deps.scenarios().find((s) => s.id === scenarioId);
			if (!scenario) throw new RequestError(`unknown scenario "${scenarioId}"`);
			return registry.create(scenario, title ?? scenario.title);
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
			if (previous && previous !== id) for (const room of socket.rooms) if (room.startsWith(`x:${previous}:`)) await socket.leave(room);
			socket.data.exerciseId = id;
			const audience = audienceOf(session);
			await socket.join(audience.role === 'participant' ? rooms.team(id, audience.team) : rooms[audience.role](id));
			const opened = { events: eventsForAudience(registry.events(id, afterSeq ?? 0), audience), serverWall: now() };
			if (session.role !== 'controller') return opened;
			return { ...opened, codes: codesOf(await deps.store.codesFor(id)) };
		},
		'exercise:control': (socket, { exerciseId, action }) =>
			asController(socket, exerciseId, { type: ({ start: 'START', pause: 'PAUSE', resume: 'RESUME', end: 'END' } as const)[action] }),
		'clock:speed': (socket, { exerciseId, speed }) => asController(socket, exerciseId, { type: 'SET_SPEED', speed }),
		'inject:release': (socket, { exerciseId, injectId }) => asController(socket, exerciseId, { type: 'RELEASE_INJECT', injectId }),
		'inject:hold': (socket, { exerciseId, injectId }) => asController(socket, exerciseId, { type: 'HOLD_INJECT', injectId }),
		'inject:unhold': (socket, { exerciseId, injectId }) => asController(socket, exerciseId, { type: 'UNHOLD_INJECT', injectId }),
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
					actor: `team:${session.team}`
				})
			);
		}
	};

	io.on('connection', (socket) => {
		for (const name of Object.keys(payloadSchemas) as ClientEventName[]) {
			socket.on(name, async (payload: unknown, ack: unknown) => {
				const reply = typeof ack === 'function' ? (ack as (r: Ack<unknown>) => void) : () => {};
				const parsed = payloadSchemas[name].safeParse(payload ?? {});
				if (!parsed.success) return reply({ ok: false, error: `${name}: ${describeIssues(parsed.error)}` });
				try {
					const data = await (handlers[name] as Handler<typeof name>)(socket, parsed.data as never);
					reply({ ok: true, data });
				} catch (err) {
					if (err instanceof RequestError) return reply({ ok: false, error: err.message });
					deps.log?.(`error in ${name}: ${(err as Error).stack ?? err}`);
					reply({ ok: false, error: `${name}: internal error` });
				}
			});
		}
		socket.onAny((name: string, ...args: unknown[]) => {
			if (name in payloadSchemas) return;
			const ack = args.at(-1);
			if (typeof ack === 'function') ack({ ok: false, error: `unknown event "${String(name).slice(0, 60)}"` });
		});
	});

	return {
		io,
		registry,
		async close() {
			await registry.close();
			io.disconnectSockets(true);
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}
