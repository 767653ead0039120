/**
 * replay: events/s rebuilding an exercise's state with `foldEvents` from a
 * long, valid log (100,000 events; see lib/replay-log.ts for the mix), the
 * end-to-end restart cost: the log read back from SQLite (`store.load`) and folded,
 * and replay scrubbing over the same log (the replay index; see lib/scrub.ts).
 */
import path from 'node:path';
import { statSync } from 'node:fs';
import { foldEvents } from '../../src/lib/engine/exercise/state';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { SqliteEventStore } from '../../server/sqlite-event-store';
import { tempDir } from '../integration/harness';
import { median, round, runBench } from './lib/common';
import { generateLog } from './lib/replay-log';
import { measureScrub } from './lib/scrub';

const TARGET_EVENTS_PER_S = 200_000;

function timeFold(events: readonly DomainEvent[], runs: number) {
	const times: number[] = [];
	let lastSeq = 0;
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		const state = foldEvents('bench-replay', events);
		times.push(performance.now() - t);
		lastSeq = state.lastSeq;
	}
	if (lastSeq !== events.at(-1)!.seq) throw new Error(`fold ended at seq ${lastSeq}, expected ${events.at(-1)!.seq}`);
	const ms = median(times);
	return { ms, eventsPerS: Math.round(events.length / (ms / 1000)), times: times.map((t) => round(t, 1)) };
}

await runBench('replay', async (ctx) => {
	const size = ctx.quick ? 10_000 : 100_000;
	const small = ctx.quick ? 2_000 : 10_000;

	let t = performance.now();
	const log = generateLog(size);
	ctx.log(`generated ${log.events.length} events in ${((performance.now() - t) / 1000).toFixed(1)} s (${log.commands} commands, ${log.refused} refused)`);
	ctx.details.mix = log.counts;
	ctx.details.scenario = { injects: log.scenario.injects.length, durationMinutes: log.scenario.durationMinutes };
	ctx.details.logJsonBytes = Buffer.byteLength(JSON.stringify(log.events));

	// Warm the reducer's code paths before timing.
	foldEvents('bench-replay', log.events.slice(0, 2000));
	const smallFold = timeFold(log.events.slice(0, small), 3);
	ctx.log(`fold ${small}: ${smallFold.ms.toFixed(1)} ms`);
	const fullFold = timeFold(log.events, 1);
	ctx.log(`fold ${size}: ${fullFold.ms.toFixed(1)} ms`);

	ctx.figure({ key: `fold_${small}.events_per_s`, label: `foldEvents, ${small.toLocaleString('en-US')} events`, value: smallFold.eventsPerS, unit: 'ev/s' });
	ctx.figure({
		key: `fold_${size}.events_per_s`,
		label: `foldEvents, ${size.toLocaleString('en-US')} events`,
		value: fullFold.eventsPerS,
		unit: 'ev/s',
		// The target is set for 100,000 events; a quick run's smaller log is only a smoke test.
		target: ctx.quick ? undefined : { op: '>=', value: TARGET_EVENTS_PER_S }
	});
	ctx.figure({ key: `fold_${size}.ms`, label: `foldEvents, ${size.toLocaleString('en-US')} events, time`, value: round(fullFold.ms, 0), unit: 'ms' });
	const perEventSmall = smallFold.ms / small;
	const perEventFull = fullFold.ms / size;
	if (perEventFull > 2 * perEventSmall)
		ctx.note(
			`the fold does not scale linearly: ${(perEventFull * 1000).toFixed(1)} µs/event at ${size} vs ${(perEventSmall * 1000).toFixed(1)} µs/event at ${small}; ` +
				'each message/observation/rating copies the whole list it appends to (evolve spreads arrays), so the cost per event grows with the log'
		);

	// ---------------------------------------------------------- from SQLite
	const tmp = tempDir();
	ctx.onCleanup(() => tmp.cleanup());
	const file = path.join(tmp.dir, 'replay.db');
	let store = new SqliteEventStore(file);
	const [created, ...rest] = log.events;
	t = performance.now();
	await store.createExercise({ id: 'bench-replay', scenarioId: log.scenario.id, title: 'Replay bench', createdWall: created!.wall }, created!, []);
	for (let i = 0; i < rest.length; i += 1000) await store.append('bench-replay', i + 1, rest.slice(i, i + 1000));
	const writeS = (performance.now() - t) / 1000;
	await store.close();
	// A fresh connection, as after a restart (the file is in the OS page cache).
	store = new SqliteEventStore(file);
	ctx.onCleanup(() => store.close());
	t = performance.now();
	const loaded = await store.load('bench-replay');
	const loadMs = performance.now() - t;
	if (loaded.length !== size) throw new Error(`loaded ${loaded.length} events, expected ${size}`);
	t = performance.now();
	const state = foldEvents('bench-replay', loaded);
	const foldMs = performance.now() - t;
	if (state.lastSeq !== size) throw new Error(`fold of the loaded log ended at seq ${state.lastSeq}`);
	ctx.figure({ key: 'sqlite.load_ms', label: `store.load of ${size.toLocaleString('en-US')} events`, value: round(loadMs, 0), unit: 'ms' });
	ctx.figure({ key: 'sqlite.fold_ms', label: 'foldEvents of the loaded events', value: round(foldMs, 0), unit: 'ms' });
	ctx.figure({ key: 'sqlite.restart_ms', label: 'restart cost: load + fold', value: round(loadMs + foldMs, 0), unit: 'ms' });
	ctx.figure({ key: 'sqlite.load_events_per_s', label: 'store.load rate', value: Math.round(size / (loadMs / 1000)), unit: 'ev/s' });
	ctx.details.sqlite = { writeS: round(writeS, 2), fileBytes: statSync(file).size, loadMs: round(loadMs, 1), foldMs: round(foldMs, 1) };
	ctx.details.folds = { small: { events: small, ...smallFold }, full: { events: size, ...fullFold } };
	measureScrub(ctx, log.events);
	ctx.note(
		`log: ${log.scenario.injects.length} injects over ${log.scenario.durationMinutes / 60} h of exercise time; ` +
			Object.entries(log.counts)
				.sort((a, b) => b[1] - a[1])
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')
	);
});
