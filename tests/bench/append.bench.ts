/**
 * append: durable append rate (events/s) to the event store.
 *
 * - single:  one exercise, one event per append, each awaited before the next;
 * - 20x:     20 exercises appending at once, each awaiting its own appends;
 * - batch10: one exercise, ten events per append.
 *
 * SQLite (`SqliteEventStore`, WAL with synchronous=FULL as configured) in a
 * temporary folder; PostgreSQL too when DATABASE_URL is set (127.0.0.1 only)
 * and server/postgres-event-store.ts exports `PostgresEventStore`.
 * Events are realistic: inject.released, decision.submitted (scored as the
 * machine scores them), message.sent and observation.recorded bodies built
 * from the maritime scenario.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DomainEvent, NewEvent } from '../../src/lib/engine/exercise/events';
import type { Scenario } from '../../src/lib/engine/scenario/schema';
import { scoreDecision } from '../../src/lib/engine/review/score-decision';
import type { EventStore, JoinCode } from '../../server/event-store';
import { SqliteEventStore } from '../../server/sqlite-event-store';
import { tempDir } from '../integration/harness';
import { filesystemOf, percentile, round, runBench, sortedCopy, type BenchContext } from './lib/common';
import { loadBaseScenario } from './lib/replay-log';

const CONCURRENT = 20;
const BATCH = 10;

function eventFactory(scenario: Scenario) {
	const decided = scenario.injects.filter((i) => i.decision);
	const teams = scenario.teams.map((t) => t.id);
	const byId = new Map(scenario.entities.map((e) => [e.id, e]));
	let n = 0;
	return (exerciseId: string): NewEvent => {
		const k = n++;
		const meta = { exerciseId, at: k * 15_000, wall: Date.now(), actor: 'controller:bench' };
		switch (k % 4) {
			case 0: {
				const inject = scenario.injects[k % scenario.injects.length]!;
				return { type: 'inject.released', injectId: inject.id, manual: false, inject, reveals: inject.reveals.flatMap((id) => byId.get(id) ?? []), ...meta };
			}
			case 1: {
				const inject = decided[k % decided.length]!;
				const decision = inject.decision!;
				const option = decision.options[k % decision.options.length]!;
				const team = (decision.teams ?? inject.to)[0]!;
				return {
					type: 'decision.submitted',
					injectId: inject.id,
					team,
					optionId: option.id,
					by: `${team}-lead`,
					latencyMs: 240_000,
					...scoreDecision(decision, option.id, 240_000),
					...meta,
					actor: `team:${team}:lead`
				};
			}
			case 2: {
				const fromTeam = teams[k % teams.length]!;
				return {
					type: 'message.sent',
					messageId: `m-${k}`,
					fromTeam,
					to: teams.filter((t) => t !== fromTeam).slice(0, 1),
					channel: 'secure-chat',
					text: 'Passing on the RIFC tip-off: suspect go-fast may transfer parcels near Point Salines before dawn; request overflight.',
					refInjectId: scenario.injects[0]!.id,
					by: `${fromTeam}-watch`,
					...meta,
					actor: `team:${fromTeam}:watch`
				};
			}
			default:
				return {
					type: 'observation.recorded',
					observationId: `o-${k}`,
					team: teams[k % teams.length]!,
					objective: scenario.objectives[0]!.id,
					text: 'Team shared the radar track within five minutes, good use of the secure channel.',
					by: 'evaluator-1',
					...meta,
					actor: 'evaluator:evaluator-1'
				};
		}
	};
}

interface ModeResult {
	events: number;
	appends: number;
	seconds: number;
	eventsPerS: number;
	appendMsP50: number;
	appendMsP99: number;
}

async function createExercises(store: EventStore, scenario: Scenario, count: number, tag: string): Promise<{ id: string; seq: number }[]> {
	const out: { id: string; seq: number }[] = [];
	const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	for (let i = 0; i < count; i++) {
		const id = `bench-${tag}-${run}-${i}`;
		const wall = Date.now();
		const created: NewEvent = { type: 'exercise.created', title: 'Append bench', scenario, exerciseId: id, at: 0, wall, actor: 'controller:bench' };
		const codes: JoinCode[] = [{ code: `B${run}${tag}${i}`.toUpperCase().slice(0, 40), exerciseId: id, role: 'evaluator', team: null }];
		const stored: DomainEvent = await store.createExercise({ id, scenarioId: scenario.id, title: 'Append bench', createdWall: wall }, created, codes);
		out.push({ id, seq: stored.seq });
	}
	return out;
}

/** Appends for `durationMs` (or `maxAppends` per exercise), `perAppend` events at a time, on each exercise concurrently. */
async function measure(
	store: EventStore,
	exercises: { id: string; seq: number }[],
	perAppend: number,
	make: (id: string) => NewEvent,
	durationMs: number,
	maxAppends: number
): Promise<ModeResult> {
	const latencies: number[] = [];
	let events = 0;
	const start = performance.now();
	const deadline = start + durationMs;
	await Promise.all(
		exercises.map(async (x) => {
			for (let i = 0; i < maxAppends && performance.now() < deadline; i++) {
				const batch = Array.from({ length: perAppend }, () => make(x.id));
				const t = performance.now();
				const stored = await store.append(x.id, x.seq, batch);
				latencies.push(performance.now() - t);
				x.seq = stored.at(-1)!.seq;
				events += stored.length;
			}
		})
	);
	const seconds = (performance.now() - start) / 1000;
	const sorted = sortedCopy(latencies);
	return {
		events,
		appends: latencies.length,
		seconds: round(seconds, 2),
		eventsPerS: Math.round(events / seconds),
		appendMsP50: round(percentile(sorted, 50), 2),
		appendMsP99: round(percentile(sorted, 99), 2)
	};
}

async function runModes(ctx: BenchContext, label: string, store: EventStore, scenario: Scenario) {
	const durationMs = ctx.quick ? 1000 : 4000;
	const maxAppends = ctx.quick ? 2000 : 50_000;
	const make = eventFactory(scenario);
	// Warm-up: prepared statements, page cache, JIT.
	await measure(store, await createExercises(store, scenario, 1, 'warm'), 1, make, 300, 200);
	const modes = {
		single: await measure(store, await createExercises(store, scenario, 1, 'single'), 1, make, durationMs, maxAppends),
		[`concurrent${CONCURRENT}`]: await measure(store, await createExercises(store, scenario, CONCURRENT, 'conc'), 1, make, durationMs, maxAppends),
		[`batch${BATCH}`]: await measure(store, await createExercises(store, scenario, 1, 'batch'), BATCH, make, durationMs, maxAppends)
	};
	const key = label.toLowerCase();
	const m = modes as Record<string, ModeResult>;
	ctx.figure({ key: `${key}.single.events_per_s`, label: `${label}: 1 exercise, 1 event/append`, value: m.single!.eventsPerS, unit: 'ev/s' });
	ctx.figure({ key: `${key}.single.append_p50_ms`, label: `${label}: 1 exercise, append latency p50`, value: m.single!.appendMsP50, unit: 'ms' });
	ctx.figure({ key: `${key}.single.append_p99_ms`, label: `${label}: 1 exercise, append latency p99`, value: m.single!.appendMsP99, unit: 'ms' });
	ctx.figure({
		key: `${key}.concurrent${CONCURRENT}.events_per_s`,
		label: `${label}: ${CONCURRENT} exercises at once, 1 event/append`,
		value: m[`concurrent${CONCURRENT}`]!.eventsPerS,
		unit: 'ev/s'
	});
	ctx.figure({
		key: `${key}.concurrent${CONCURRENT}.append_p99_ms`,
		label: `${label}: ${CONCURRENT} exercises, append latency p99`,
		value: m[`concurrent${CONCURRENT}`]!.appendMsP99,
		unit: 'ms'
	});
	ctx.figure({
		key: `${key}.batch${BATCH}.events_per_s`,
		label: `${label}: 1 exercise, ${BATCH} events/append`,
		value: m[`batch${BATCH}`]!.eventsPerS,
		unit: 'ev/s'
	});
	ctx.details[key] = modes;
}

function isLocalDatabaseUrl(url: string): boolean {
	try {
		const u = new URL(url);
		const host = u.hostname.replace(/^\[|\]$/g, '');
		// An empty host means a Unix socket (host= in the query string, or the default).
		const socketHost = u.searchParams.get('host');
		if (host === '') return socketHost === null || socketHost.startsWith('/');
		return host === '127.0.0.1' || host === 'localhost' || host === '::1';
	} catch {
		return false;
	}
}

await runBench('append', async (ctx) => {
	const scenario = loadBaseScenario();
	const make = eventFactory(scenario);
	const sample = [0, 1, 2, 3].map(() => make('sample'));
	ctx.details.eventJsonBytes = Object.fromEntries(sample.map((e) => [e.type, Buffer.byteLength(JSON.stringify(e))]));

	// ---------------------------------------------------------- SQLite
	const tmp = tempDir();
	ctx.onCleanup(() => tmp.cleanup());
	const file = path.join(tmp.dir, 'append.db');
	const store = new SqliteEventStore(file);
	ctx.onCleanup(() => store.close());
	ctx.note(`SQLite file in ${tmp.dir}: ${filesystemOf(tmp.dir)}; journal_mode=WAL, synchronous=FULL (every commit waits for fsync)`);
	await runModes(ctx, 'SQLite', store, scenario);
	ctx.details.sqliteFileBytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

	// ---------------------------------------------------------- PostgreSQL (optional)
	const url = process.env.DATABASE_URL;
	const pgFile = path.resolve('server/postgres-event-store.ts');
	if (!url) ctx.note('PostgreSQL skipped: DATABASE_URL is not set');
	else if (!existsSync(pgFile)) ctx.note('PostgreSQL skipped: server/postgres-event-store.ts does not exist');
	else if (!isLocalDatabaseUrl(url)) ctx.note('PostgreSQL skipped: DATABASE_URL does not point at 127.0.0.1/localhost (benchmarks stay on this machine)');
	else {
		const mod = (await import(pathToFileURL(pgFile).href)) as Record<string, unknown>;
		const Pg = mod.PostgresEventStore as (((new (url: string) => EventStore) | object) & { connect?: (url: string) => Promise<EventStore> }) | undefined;
		if (!Pg) ctx.note('PostgreSQL skipped: server/postgres-event-store.ts does not export PostgresEventStore');
		else {
			const pg: EventStore = typeof Pg.connect === 'function' ? await Pg.connect(url) : new (Pg as new (url: string) => EventStore)(url);
			ctx.onCleanup(() => pg.close());
			await runModes(ctx, 'PostgreSQL', pg, scenario);
			ctx.note('PostgreSQL: the benchmark exercises (ids "bench-…") stay in that database');
		}
	}
});
