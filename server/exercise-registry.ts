/**
 * The exercise registry: one live actor per exercise, the single writer of its
 * log. Commands are serialized per exercise; each one runs through the pure
 * machine, its events are appended durably, and only then is the new snapshot
 * committed and the events published. A timer re-arms from the exercise clock
 * for the next due inject or deadline, so pauses and speed changes just work
 * and a restart resumes from the log.
 */
import { randomBytes } from 'node:crypto';
import { wallTimeFor } from '../src/lib/engine/clock';
import type { DomainEvent, NewEvent } from '../src/lib/engine/events';
import { decide, snapshotFor, type Command, type ExerciseSnapshot } from '../src/lib/engine/exercise-machine';
import { foldEvents, nextDueAt, type ExerciseState } from '../src/lib/engine/exercise-state';
import type { Scenario } from '../src/lib/engine/scenario-schema';
import type { JoinCodes } from '../src/lib/realtime/contract';
import { newJoinCode } from './auth';
import type { EventStore, JoinCode } from './event-store';

export interface RegistryDeps {
	store: EventStore;
	now?: () => number;
	/** Called after events are durably stored, in order. */
	publish: (exerciseId: string, events: DomainEvent[], state: ExerciseState) => void;
	log?: (message: string) => void;
}

interface LiveExercise {
	snapshot: ExerciseSnapshot;
	events: DomainEvent[];
	queue: Promise<unknown>;
	timer: NodeJS.Timeout | null;
}

export type CommandResult = { ok: true; events: DomainEvent[] } | { ok: false; error: string };

const MAX_TIMER_MS = 60_000;
const HEARTBEAT_MS = 2_000;

export class ExerciseRegistry {
	private live = new Map<string, LiveExercise>();
	private now: () => number;
	private closed = false;
	private heartbeat: NodeJS.Timeout;

	constructor(private deps: RegistryDeps) {
		this.now = deps.now ?? Date.now;
		this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
		this.heartbeat.unref();
	}

	/** Records that running exercises are alive now, so a crash costs them at most one interval of clock. */
	private async beat() {
		const running = [...this.live.entries()].filter(([, l]) => l.snapshot.context.state.status === 'running').map(([id]) => id);
		try {
			await this.deps.store.heartbeat(running, this.now());
		} catch (err) {
			this.deps.log?.(`heartbeat failed: ${(err as Error).message}`);
		}
	}

	/** Loads every unfinished exercise from the store and carries on with it. */
	async recover(): Promise<number> {
		let count = 0;
		for (const record of await this.deps.store.listExercises()) {
			const events = await this.deps.store.load(record.id);
			const state = foldEvents(record.id, events);
			this.live.set(record.id, { snapshot: snapshotFor(state), events, queue: Promise.resolve(), timer: null });
			if (state.status !== 'ended') {
				count++;
				// Downtime is not exercise time: the clock carries on from the last heartbeat, then due work runs.
				if (state.status === 'running') {
					const aliveWall = Math.max(record.aliveWall ?? 0, events.at(-1)?.wall ?? 0);
					void this.command(record.id, { type: 'RECOVER', aliveWall, wall: this.now(), actor: 'system' });
				}
			}
		}
		return count;
	}

	async create(scenario: Scenario, title: string, actor = 'controller'): Promise<{ exerciseId: string; codes: JoinCodes }> {
		const exerciseId = `${scenario.id.slice(0, 40)}-${randomBytes(4).toString('hex')}`;
		const wall = this.now();
		const codes: JoinCode[] = [
			{ code: newJoinCode(), exerciseId, role: 'evaluator', team: null },
			{ code: newJoinCode(), exerciseId, role: 'observer', team: null },
			...scenario.teams.map((t) => ({ code: newJoinCode(), exerciseId, role: 'participant' as const, team: t.id }))
		];
		const created: NewEvent = { type: 'exercise.created', title, scenario, exerciseId, at: 0, wall, actor };
		const stored = await this.deps.store.createExercise(
			{ id: exerciseId, scenarioId: scenario.id, title, createdWall: wall },
			created,
			codes
		);
		const state = foldEvents(exerciseId, [stored]);
		this.live.set(exerciseId, { snapshot: snapshotFor(state), events: [stored], queue: Promise.resolve(), timer: null });
		this.deps.publish(exerciseId, [stored], state);
		return { exerciseId, codes: codesOf(codes) };
	}

	has(exerciseId: string): boolean {
		return this.live.has(exerciseId);
	}

	state(exerciseId: string): ExerciseState | null {
		return this.live.get(exerciseId)?.snapshot.context.state ?? null;
	}

	/** Events after `afterSeq` (served from memory: the log is also in the store). */
	events(exerciseId: string, afterSeq = 0): DomainEvent[] {
		const live = this.live.get(exerciseId);
		return live ? live.events.slice(afterSeq) : [];
	}

	list() {
		return [...this.live.values()].map((l) => l.snapshot.context.state);
	}

	/** Runs a command in the exercise's queue; resolves once its events are durable and published. */
	command(exerciseId: string, cmd: Command): Promise<CommandResult> {
		const live = this.live.get(exerciseId);
		if (!live) return Promise.resolve({ ok: false, error: `unknown exercise "${exerciseId}"` });
		const run = live.queue.then(() => this.apply(exerciseId, live, cmd));
		live.queue = run.catch(() => undefined);
		return run;
	}

	private async apply(exerciseId: string, live: LiveExercise, cmd: Command): Promise<CommandResult> {
		if (this.closed) return { ok: false, error: 'server is shutting down' };
		const result = decide(live.snapshot, cmd);
		if (!result.ok) return result;
		let stored: DomainEvent[] = [];
		if (result.events.length > 0) {
			try {
				stored = await this.deps.store.append(exerciseId, live.snapshot.context.state.lastSeq, result.events);
			} catch (err) {
				this.deps.log?.(`append failed for ${exerciseId}: ${(err as Error).message}`);
				return { ok: false, error: 'could not save the change; nothing was applied' };
			}
		}
		const last = stored.at(-1);
		const state = last ? { ...result.snapshot.context.state, lastSeq: last.seq } : result.snapshot.context.state;
		live.snapshot = { ...result.snapshot, context: { state, outbox: [] } } as ExerciseSnapshot;
		live.events.push(...stored);
		if (stored.length > 0) this.deps.publish(exerciseId, stored, state);
		this.schedule(exerciseId, live);
		return { ok: true, events: stored };
	}

	/** Arms the timer for the next thing due on the exercise clock. */
	private schedule(exerciseId: string, live: LiveExercise) {
		if (live.timer) clearTimeout(live.timer);
		live.timer = null;
		const state = live.snapshot.context.state;
		if (this.closed || state.status !== 'running') return;
		const dueAt = nextDueAt(state);
		if (dueAt === null) return;
		const wall = wallTimeFor(state.clock, dueAt)!;
		const delay = Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(wall - this.now())));
		live.timer = setTimeout(() => {
			live.timer = null;
			void this.command(exerciseId, { type: 'TICK', wall: this.now(), actor: 'system' });
		}, delay);
	}

	/** Stops timers and waits for in-flight commands. */
	/** Refuses new commands, lets those in flight finish, and records a last heartbeat. */
	async close(): Promise<void> {
		clearInterval(this.heartbeat);
		this.closed = true;
		for (const live of this.live.values()) {
			if (live.timer) clearTimeout(live.timer);
			await live.queue;
		}
		await this.beat();
	}
}

export function codesOf(codes: JoinCode[]): JoinCodes {
	const out: JoinCodes = { evaluator: '', teams: {} };
	for (const c of codes) {
		if (c.role === 'evaluator') out.evaluator = c.code;
		else if (c.role === 'observer') out.observer = c.code;
		else if (c.team) out.teams[c.team] = c.code;
	}
	return out;
}
