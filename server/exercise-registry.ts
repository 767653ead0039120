/**
 * The exercise registry: one live actor per exercise, the single writer of its
 * log. Commands are serialized per exercise; each one runs through the pure
 * machine, its events are appended durably, and only then is the new snapshot
 * committed and the events published. A timer re-arms from the exercise clock
 * for the next due inject or deadline, so pauses and speed changes just work
 * and a restart resumes from the log.
 *
 * In a cluster, each exercise is run by the process holding its lease (see
 * ownership.ts); the others keep a read copy, fed by the owner's stored
 * events, and forward commands to the owner. When an owner dies, another
 * process takes over from the log.
 */
import { randomBytes } from 'node:crypto';
import { exerciseTimeAt, wallTimeFor } from '../src/lib/engine/exercise/clock';
import type { DomainEvent, NewEvent } from '../src/lib/engine/exercise/events';
import { committed, decide, nextWakeAt, snapshotFor, type ExerciseSnapshot } from '../src/lib/engine/exercise/machine';
import type { Command } from '../src/lib/engine/exercise/commands';
import { foldEvents, type ExerciseState } from '../src/lib/engine/exercise/state';
import type { Scenario } from '../src/lib/engine/scenario/schema';
import type { JoinCodes } from '../src/lib/realtime/contract';
import { newJoinCode } from './auth';
import { ConcurrencyError, type EventStore, type JoinCode } from './event-store';
import { soleOwner, type CommandResult, type Ownership } from './ownership';
import { StorageFault } from './storage-fault';
import { anonymiseEvents } from '../src/lib/engine/review/personal-data';
import type { ErrorReply } from '../src/lib/realtime/errors';

export type { CommandResult } from './ownership';

export interface RegistryDeps {
	store: EventStore;
	now?: () => number;
	/** Called after events are durably stored, in order (on the owning process only). */
	publish: (exerciseId: string, events: DomainEvent[], state: ExerciseState) => void;
	log?: (message: string) => void;
	ownership?: Ownership;
	/** How often leases are renewed and orphaned exercises looked for (cluster only). */
	leaseCheckMs?: number;
}

interface LiveExercise {
	snapshot: ExerciseSnapshot;
	events: DomainEvent[];
	queue: Promise<unknown>;
	timer: NodeJS.Timeout | null;
	/** This process runs the exercise; otherwise it keeps a read copy. */
	owned: boolean;
	/** Appends that failed in a row: the retry of the clock's due work waits longer each time (RETRY_MS). */
	failures: number;
	/** The last append failed in a way that may have stored it anyway (a connection lost at COMMIT, another writer). */
	unsure: boolean;
}

const MAX_TIMER_MS = 60_000;
/** Pauses before the clock's due work is tried again after a failed save, growing with each failure in a row. */
const RETRY_MS = [250, 500, 1_000, 2_000, 4_000];
const HEARTBEAT_MS = 2_000;
const finished = (state: ExerciseState) => state.status === 'ended' || state.status === 'closed';

export class ExerciseRegistry {
	private live = new Map<string, LiveExercise>();
	private now: () => number;
	private closed = false;
	private heartbeat: NodeJS.Timeout;
	private leaseCheck: NodeJS.Timeout | null = null;
	private refreshing = false;
	private ownership: Ownership;

	constructor(private deps: RegistryDeps) {
		this.now = deps.now ?? Date.now;
		this.ownership = deps.ownership ?? soleOwner;
		this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
		this.heartbeat.unref();
		if (this.ownership !== soleOwner) {
			this.leaseCheck = setInterval(() => {
				void this.maintainLeases();
				void this.refreshCopies();
			}, deps.leaseCheckMs ?? 1_500);
			this.leaseCheck.unref();
		}
	}

	/** Records that running exercises are alive now, so a crash costs them at most one interval of clock. */
	private async beat() {
		const running = [...this.live.entries()].filter(([, l]) => l.owned && l.snapshot.context.state.status === 'running').map(([id]) => id);
		try {
			await this.deps.store.heartbeat(running, this.now());
		} catch (err) {
			this.deps.log?.(`heartbeat failed: ${(err as Error).message}`);
		}
	}

	/** Keeps our leases and takes over unfinished exercises whose owner has gone. */
	private async maintainLeases() {
		if (this.closed) return;
		try {
			const owned = [...this.live.entries()].filter(([, l]) => l.owned).map(([id]) => id);
			for (const id of await this.ownership.renew(owned)) this.demote(id, 'lease lost');
			for (const [id, live] of this.live)
				if (!live.owned && !finished(live.snapshot.context.state) && (await this.ownership.acquire(id))) await this.takeOver(id);
		} catch (err) {
			this.deps.log?.(`lease check failed: ${(err as Error).message}`);
		}
	}

	private follow(id: string, events: DomainEvent[], owned: boolean): LiveExercise {
		const live: LiveExercise = {
			snapshot: snapshotFor(foldEvents(id, events)),
			events,
			queue: Promise.resolve(),
			timer: null,
			owned,
			failures: 0,
			unsure: false
		};
		this.live.set(id, live);
		return live;
	}

	private demote(id: string, why: string) {
		const live = this.live.get(id);
		if (!live || !live.owned) return;
		live.owned = false;
		if (live.timer) clearTimeout(live.timer);
		live.timer = null;
		this.deps.log?.(`no longer running ${id}: ${why}`);
	}

	/** Becomes the writer of an exercise: catches up from the store, then carries on its clock. */
	private takeOver(id: string): Promise<unknown> {
		const live = this.live.get(id)!;
		const run = live.queue.then(async () => {
			if (live.owned) return;
			const loaded = await this.deps.store.load(id, live.events.length);
			// Peers' announcements may have filled the copy in while the store was read.
			const missed = loaded.filter((e) => e.seq > live.snapshot.context.state.lastSeq);
			live.events = [...live.events, ...missed];
			const state = foldEvents(id, live.events);
			live.snapshot = snapshotFor(state);
			live.owned = true;
			// Our clients have seen only what our copy had: announcements lost on the way (Redis down) reach them now.
			if (missed.length > 0) this.deps.publish(id, missed, state);
			if (this.ownership !== soleOwner) this.deps.log?.(`running ${id}`);
			if (state.status === 'running') {
				const record = await this.deps.store.getExercise(id);
				const aliveWall = Math.max(record?.aliveWall ?? 0, live.events.at(-1)?.wall ?? 0);
				await this.apply(id, live, { type: 'RECOVER', aliveWall, wall: this.now(), actor: 'system' });
			} else this.schedule(id, live);
		});
		live.queue = run.catch(() => undefined);
		return run;
	}

	/** Loads every exercise from the store; runs the unfinished ones this process can own. */
	async recover(): Promise<number> {
		let count = 0;
		for (const record of await this.deps.store.listExercises()) {
			const events = await this.deps.store.load(record.id);
			const live = this.follow(record.id, events, false);
			if (finished(live.snapshot.context.state)) continue;
			if (await this.ownership.acquire(record.id)) {
				count++;
				void this.takeOver(record.id);
			}
		}
		return count;
	}

	/** A new exercise of `scenario` (version `scenarioVersion` of its library entry, kept in its first event). */
	async create(scenario: Scenario, title: string, actor = 'controller', scenarioVersion?: number): Promise<{ exerciseId: string; codes: JoinCodes }> {
		const exerciseId = `${scenario.id.slice(0, 40)}-${randomBytes(4).toString('hex')}`;
		const wall = this.now();
		const codes: JoinCode[] = [
			{ code: newJoinCode(), exerciseId, role: 'evaluator', team: null },
			{ code: newJoinCode(), exerciseId, role: 'observer', team: null },
			...scenario.teams.map((t) => ({ code: newJoinCode(), exerciseId, role: 'participant' as const, team: t.id }))
		];
		const created: NewEvent = { type: 'exercise.created', title, scenario, ...(scenarioVersion ? { scenarioVersion } : {}), exerciseId, at: 0, wall, actor };
		await this.ownership.acquire(exerciseId);
		const stored = await this.deps.store.createExercise({ id: exerciseId, scenarioId: scenario.id, title, createdWall: wall }, created, codes);
		const live = this.follow(exerciseId, [stored], true);
		this.ownership.announce(exerciseId, [stored]);
		this.deps.publish(exerciseId, [stored], live.snapshot.context.state);
		return { exerciseId, codes: codesOf(codes) };
	}

	has(exerciseId: string): boolean {
		return this.live.has(exerciseId);
	}

	owns(exerciseId: string): boolean {
		return this.live.get(exerciseId)?.owned ?? false;
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

	/** Runs a command where the exercise is run; resolves once its events are durable and published. */
	async command(exerciseId: string, cmd: Command): Promise<CommandResult> {
		const live = this.live.get(exerciseId);
		if (!live) return { ok: false, code: 'unknown-exercise', error: `unknown exercise "${exerciseId}"` };
		if (!live.owned) {
			const forwarded = await this.ownership.forward(exerciseId, cmd);
			if (forwarded) return forwarded;
			// Nobody answered as owner: the owner has gone. Take the exercise over if its lease is free.
			if (!(await this.ownership.acquire(exerciseId)))
				return { ok: false, code: 'owner-unreachable', error: 'the server running this exercise is not answering; try again in a moment' };
			await this.takeOver(exerciseId);
		}
		const run = live.queue.then(() => this.apply(exerciseId, live, cmd));
		live.queue = run.catch(() => undefined);
		return run;
	}

	/** A peer forwarded a command: run it if this process owns the exercise. */
	async onPeerCommand(exerciseId: string, cmd: Command): Promise<CommandResult | null> {
		return this.owns(exerciseId) ? this.command(exerciseId, cmd) : null;
	}

	/** A peer stored events: keep the read copy current (reloading from the store if any were missed). */
	async onPeerEvents(exerciseId: string, events: DomainEvent[]) {
		let live = this.live.get(exerciseId);
		if (live?.owned) return;
		if (!live) {
			live = this.follow(exerciseId, events[0]?.seq === 1 ? [] : await this.deps.store.load(exerciseId), false);
			if (events[0]?.seq !== 1) return;
		}
		const fresh = events.filter((e) => e.seq > live.snapshot.context.state.lastSeq);
		if (fresh.length === 0) return;
		// Announcements missed (Redis was down): the store fills the gap.
		if (fresh.some((e, i) => e.seq !== live.snapshot.context.state.lastSeq + 1 + i)) return this.refreshCopy(exerciseId, live);
		this.takeIn(exerciseId, live, fresh);
	}

	/**
	 * Folds stored events that follow our read copy into it and hands them to our own clients: each process sends
	 * its clients what its copy holds (fan-out is local), so a client never sees an event its server's copy lacks,
	 * and a resync from that copy never skips one.
	 */
	private takeIn(exerciseId: string, live: LiveExercise, fresh: DomainEvent[]) {
		live.events.push(...fresh);
		live.snapshot = snapshotFor(foldEvents(exerciseId, fresh, live.snapshot.context.state));
		this.deps.publish(exerciseId, fresh, live.snapshot.context.state);
	}

	/** Brings a read copy up to the store (after a missed announcement), in turn with the exercise's other work. */
	private refreshCopy(exerciseId: string, live: LiveExercise): Promise<void> {
		const run = live.queue.then(async () => {
			if (live.owned || this.live.get(exerciseId) !== live) return;
			const loaded = await this.deps.store.load(exerciseId, live.snapshot.context.state.lastSeq);
			if (live.owned) return;
			const fresh = loaded.filter((e) => e.seq > live.snapshot.context.state.lastSeq);
			if (fresh.length > 0 && fresh[0]!.seq === live.snapshot.context.state.lastSeq + 1) this.takeIn(exerciseId, live, fresh);
		});
		live.queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * Read copies that fell behind the store catch up, as when Redis dropped the owner's announcements (cluster only;
	 * with the lease check, and apart from it, so that neither Redis nor the store being down holds the other up).
	 */
	private async refreshCopies() {
		if (this.closed || this.refreshing) return;
		this.refreshing = true;
		try {
			for (const record of await this.deps.store.listExercises()) {
				const live = this.live.get(record.id);
				if (live && !live.owned && record.lastSeq > live.snapshot.context.state.lastSeq) await this.refreshCopy(record.id, live);
			}
		} catch (err) {
			this.deps.log?.(`read copies not refreshed: ${(err as Error).message}`);
		} finally {
			this.refreshing = false;
		}
	}

	/** Another process rewrote or deleted an exercise's log: reload our read copy from the store, or drop it. */
	async onPeerReset(exerciseId: string) {
		const live = this.live.get(exerciseId);
		const run = (live?.queue ?? Promise.resolve()).then(() => this.reload(exerciseId));
		if (live) live.queue = run.catch(() => undefined);
		await run;
	}

	/** Our copy of an exercise made afresh from the store (gone if the store no longer has it). */
	private async reload(exerciseId: string) {
		const events = await this.deps.store.load(exerciseId);
		const live = this.live.get(exerciseId);
		if (events.length === 0) {
			if (live?.timer) clearTimeout(live.timer);
			this.live.delete(exerciseId);
			return;
		}
		if (!live) return void this.follow(exerciseId, events, false);
		live.events = events;
		live.snapshot = snapshotFor(foldEvents(exerciseId, events));
	}

	/**
	 * Deletes an exercise that is not in play (never started, or ended) with everything recorded in it, here, in the
	 * store and on the other processes. Runs after the commands queued on it.
	 */
	async erase(exerciseId: string): Promise<{ ok: true } | ErrorReply> {
		const live = this.live.get(exerciseId);
		if (!live) return { ok: false, code: 'unknown-exercise', error: `unknown exercise "${exerciseId}"` };
		const run = live.queue.then(async (): Promise<{ ok: true } | ErrorReply> => {
			const status = live.snapshot.context.state.status;
			if (status === 'running' || status === 'paused') return { ok: false, code: 'exercise-in-play', error: 'end the exercise before deleting it' };
			await this.deps.store.deleteExercise(exerciseId);
			if (live.timer) clearTimeout(live.timer);
			this.live.delete(exerciseId);
			if (live.owned) await this.ownership.release(exerciseId).catch(() => undefined);
			this.ownership.announceReset(exerciseId);
			this.deps.log?.(`deleted ${exerciseId}`);
			return { ok: true };
		});
		live.queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * Replaces every person's name in a closed exercise's log by a pseudonym (`anonymiseEvents`), in the store, here
	 * and on the other processes; scores, choices and the timeline stay. Runs after the commands queued on it.
	 */
	async anonymise(exerciseId: string): Promise<{ ok: true; people: number; events: number } | ErrorReply> {
		const live = this.live.get(exerciseId);
		if (!live) return { ok: false, code: 'unknown-exercise', error: `unknown exercise "${exerciseId}"` };
		const run = live.queue.then(async (): Promise<{ ok: true; people: number; events: number } | ErrorReply> => {
			if (live.snapshot.context.state.status !== 'closed')
				return { ok: false, code: 'review-not-closed', error: 'close the review before anonymising the exercise' };
			const stored = await this.deps.store.load(exerciseId);
			const { events, people } = anonymiseEvents(stored);
			const changed = events.filter((e, i) => JSON.stringify(e) !== JSON.stringify(stored[i]));
			await this.deps.store.rewriteEvents(exerciseId, changed);
			live.events = events;
			live.snapshot = snapshotFor(foldEvents(exerciseId, events));
			this.ownership.announceReset(exerciseId);
			this.deps.log?.(`anonymised ${exerciseId}: ${people} people, ${changed.length} events rewritten`);
			return { ok: true, people, events: changed.length };
		});
		live.queue = run.catch(() => undefined);
		return run;
	}

	private async apply(exerciseId: string, live: LiveExercise, cmd: Command): Promise<CommandResult> {
		if (this.closed) return { ok: false, code: 'shutting-down', error: 'server is shutting down' };
		if (live.unsure) {
			const refused = await this.catchUp(exerciseId, live);
			if (refused) return refused;
		}
		const result = decide(live.snapshot, cmd);
		if (!result.ok) return result;
		let stored: DomainEvent[] = [];
		if (result.events.length > 0) {
			try {
				stored = await this.deps.store.append(exerciseId, live.snapshot.context.state.lastSeq, result.events);
			} catch (err) {
				this.deps.log?.(`append failed for ${exerciseId}: ${(err as Error).message}`);
				// Someone else wrote this exercise: we are not its writer any more.
				if (err instanceof ConcurrencyError && this.ownership !== soleOwner) this.demote(exerciseId, 'another process wrote to it');
				live.unsure = live.owned && (err instanceof StorageFault || err instanceof ConcurrencyError);
				this.retryLater(exerciseId, live);
				// Nothing was applied: the snapshot stays as it was, and the store holds no part of the batch.
				if (err instanceof StorageFault) return { ok: false, code: err.code, error: err.message };
				return { ok: false, code: 'not-saved', error: 'could not save the change; nothing was applied' };
			}
			live.failures = 0;
		}
		live.snapshot = committed(result.snapshot, stored);
		live.events.push(...stored);
		if (stored.length > 0) {
			this.ownership.announce(exerciseId, stored);
			this.deps.publish(exerciseId, stored, live.snapshot.context.state);
		}
		this.schedule(exerciseId, live);
		return { ok: true, events: stored };
	}

	/**
	 * After an append whose outcome is not known for sure, takes in whatever the store holds beyond our copy
	 * (published like any stored events), so the live state stays the fold of the stored log. A refusal when the
	 * store cannot be read either.
	 */
	private async catchUp(exerciseId: string, live: LiveExercise): Promise<ErrorReply | null> {
		let missed: DomainEvent[];
		try {
			missed = await this.deps.store.load(exerciseId, live.snapshot.context.state.lastSeq);
		} catch (err) {
			if (err instanceof StorageFault) return { ok: false, code: err.code, error: err.message };
			return { ok: false, code: 'not-saved', error: 'could not read the exercise back; nothing was applied' };
		}
		live.unsure = false;
		if (missed.length === 0) return null;
		live.events.push(...missed);
		live.snapshot = snapshotFor(foldEvents(exerciseId, missed, live.snapshot.context.state));
		this.deps.log?.(`${exerciseId}: ${missed.length} event(s) were stored by an append that reported a failure; taken in`);
		this.ownership.announce(exerciseId, missed);
		this.deps.publish(exerciseId, missed, live.snapshot.context.state);
		return null;
	}

	/**
	 * A save failed: tries the clock's due work again after a pause that grows with each failure in a row, so a
	 * running exercise carries on releasing injects by itself once the storage takes writes again.
	 */
	private retryLater(exerciseId: string, live: LiveExercise) {
		if (this.closed || !live.owned || live.snapshot.context.state.status !== 'running') return;
		live.failures++;
		if (live.timer) clearTimeout(live.timer);
		live.timer = setTimeout(
			() => {
				live.timer = null;
				void this.command(exerciseId, { type: 'TICK', wall: this.now(), actor: 'system' });
			},
			RETRY_MS[Math.min(live.failures, RETRY_MS.length) - 1]
		);
	}

	/** The storage takes writes again: the exercises waiting to retry a save try now rather than after their pause. */
	retryNow() {
		for (const [id, live] of this.live) {
			if (live.failures === 0 || !live.owned || this.closed) continue;
			if (live.timer) clearTimeout(live.timer);
			live.timer = null;
			void this.command(id, { type: 'TICK', wall: this.now(), actor: 'system' });
		}
	}

	/** Arms the timer for the next thing due on the exercise clock. */
	private schedule(exerciseId: string, live: LiveExercise) {
		if (live.timer) clearTimeout(live.timer);
		live.timer = null;
		const state = live.snapshot.context.state;
		if (this.closed || !live.owned || state.status !== 'running') return;
		const dueAt = nextWakeAt(state, exerciseTimeAt(state.clock, this.now()));
		if (dueAt === null) return;
		const wall = wallTimeFor(state.clock, dueAt)!;
		const delay = Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(wall - this.now())));
		live.timer = setTimeout(() => {
			live.timer = null;
			void this.command(exerciseId, { type: 'TICK', wall: this.now(), actor: 'system' });
		}, delay);
	}

	/** Refuses new commands, lets those in flight finish, records a last heartbeat and hands leases back. */
	async close(): Promise<void> {
		clearInterval(this.heartbeat);
		if (this.leaseCheck) clearInterval(this.leaseCheck);
		this.closed = true;
		for (const live of this.live.values()) {
			if (live.timer) clearTimeout(live.timer);
			await live.queue;
		}
		await this.beat();
		for (const [id, live] of this.live) if (live.owned) await this.ownership.release(id).catch(() => undefined);
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
