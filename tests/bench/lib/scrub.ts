/**
 * Replay scrubbing figures (part of the replay benchmark, which already holds a 100,000-event log): the replay
 * index (src/lib/engine/review/replay-index.ts) built at several snapshot intervals, and for each its build time,
 * the memory its snapshots hold and the time of `replayStateAt` over seeded random times and over a drag of the
 * scrubber (consecutive times); then, at the interval the review uses, the whole scrubber step the Replay
 * component computes (state, map picture, displacement picture), and the old way (`stateAt`: a fold from the start).
 */
import { isDeepStrictEqual } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DomainEvent } from '../../../src/lib/engine/exercise/events';
import { buildReplayIndex, replayStateAt, SNAPSHOT_EVERY, type ReplayIndex } from '../../../src/lib/engine/review/replay-index';
import { lastTime, stateAt } from '../../../src/lib/engine/review/review';
import { displacementPictureAt } from '../../../src/lib/engine/sim/displacement-state';
import { mapPictureAt } from '../../../src/lib/engine/sim/map-picture';
import { Rng } from '../../fixtures/seeded-random';
import { percentile, round, sortedCopy, type BenchContext } from './common';

/** A frame at 60 Hz: the scrubber follows the mouse if a step fits in it. */
const TARGET_MS = 16;
const FULL_INTERVALS = [250, 500, 1000, 2000, 5000, 10_000];
const QUICK_INTERVALS = [500, SNAPSHOT_EVERY];

/** A full garbage collection, so heap figures show what stays reachable (flag set at run time, no --expose-gc needed). */
function collector(): () => void {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	return () => {
		gc();
		gc();
	};
}

function timesOf(run: () => void, count: number, next: (k: number) => number, query: (at: number) => unknown) {
	run();
	const ms: number[] = [];
	for (let k = 0; k < count; k++) {
		const at = next(k);
		const t = performance.now();
		query(at);
		ms.push(performance.now() - t);
	}
	const sorted = sortedCopy(ms);
	return {
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1)!,
		mean: ms.reduce((a, b) => a + b, 0) / ms.length
	};
}

type Timing = ReturnType<typeof timesOf>;
const rounded = (t: Timing) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v, 3)]));

export function measureScrub(ctx: BenchContext, events: readonly DomainEvent[]) {
	const gc = collector();
	const end = lastTime(events);
	const count = ctx.quick ? 300 : 1000;
	const randomTimes = (seed: number) => {
		const rng = new Rng(seed);
		return Array.from({ length: count }, () => Math.round(rng.float() * end));
	};
	const random = randomTimes(2026);
	// A drag across the whole scrubber, one step per frame: each time a little after the one before.
	const sweep = Array.from({ length: count }, (_, k) => Math.round((k / (count - 1)) * end));
	ctx.details.scrub = { events: events.length, endMs: end, queries: count, intervals: {} as Record<string, unknown> };
	const perInterval = (ctx.details.scrub as { intervals: Record<string, unknown> }).intervals;

	// The log's own heap, to set the snapshots' memory against: a copy of it, measured the same way.
	gc();
	let heapBefore = process.memoryUsage().heapUsed;
	let copy: DomainEvent[] | null = structuredClone(events as DomainEvent[]);
	gc();
	const logMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
	if (copy.length !== events.length) throw new Error('the log copy is incomplete');
	copy = null;

	// Warm the fold's and the index's code paths.
	replayStateAt(buildReplayIndex(events.slice(0, 10_000), 500), end);

	let chosen: { index: ReplayIndex; buildMs: number; heapMB: number; random: Timing; sweep: Timing } | null = null;
	for (const every of ctx.quick ? QUICK_INTERVALS : FULL_INTERVALS) {
		gc();
		heapBefore = process.memoryUsage().heapUsed;
		const t = performance.now();
		const index = buildReplayIndex(events, every);
		const buildMs = performance.now() - t;
		gc();
		const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
		const r = timesOf(
			gc,
			count,
			(k) => random[k]!,
			(at) => replayStateAt(index, at)
		);
		const s = timesOf(
			gc,
			count,
			(k) => sweep[k]!,
			(at) => replayStateAt(index, at)
		);
		perInterval[every] = { snapshots: index.snapshots.length, buildMs: round(buildMs, 1), heapMB: round(heapMB, 1), random: rounded(r), sweep: rounded(s) };
		ctx.log(
			`every ${every}: ${index.snapshots.length} snapshots, build ${buildMs.toFixed(0)} ms, ${heapMB.toFixed(1)} MB; ` +
				`random p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} max ${r.max.toFixed(2)} ms; sweep p99 ${s.p99.toFixed(2)} max ${s.max.toFixed(2)} ms`
		);
		if (every === SNAPSHOT_EVERY) chosen = { index, buildMs, heapMB, random: r, sweep: s };
	}
	if (!chosen) throw new Error(`SNAPSHOT_EVERY (${SNAPSHOT_EVERY}) is not among the measured intervals`);
	const { index } = chosen;

	// The answers are the old ones (a fold from the start), checked on a few times.
	const check = randomTimes(7).slice(0, 8);
	const old = timesOf(
		gc,
		check.length,
		(k) => check[k]!,
		(at) => stateAt(events, at)
	);
	for (const at of check) if (!isDeepStrictEqual(replayStateAt(index, at), stateAt(events, at))) throw new Error(`replayStateAt(${at}) differs from stateAt`);

	// What the Replay component derives at each scrubber step: the state, then the map and displacement pictures.
	const frame = timesOf(
		gc,
		count,
		(k) => random[k]!,
		(at) => {
			const past = replayStateAt(index, at);
			mapPictureAt(past, at, undefined, displacementPictureAt(past, at), true);
		}
	);

	const size = events.length.toLocaleString('en-US');
	const target = ctx.quick ? undefined : { op: '<=' as const, value: TARGET_MS };
	const fig = (key: string, label: string, value: number, withTarget = false) =>
		ctx.figure({ key: `scrub.${key}`, label, value: round(value, 2), unit: 'ms', target: withTarget ? target : undefined });
	ctx.figure({ key: 'scrub.every', label: `replay index: a snapshot every … events`, value: SNAPSHOT_EVERY, unit: 'events' });
	fig('build_ms', `replay index build, ${size} events`, chosen.buildMs);
	ctx.figure({ key: 'scrub.snapshots_mb', label: `replay index snapshots, heap`, value: round(chosen.heapMB, 1), unit: 'MB' });
	ctx.figure({ key: 'scrub.log_mb', label: `the log itself, heap (for comparison)`, value: round(logMB, 1), unit: 'MB' });
	fig('random.p50_ms', `replayStateAt, ${count} random times, p50`, chosen.random.p50);
	fig('random.p95_ms', `replayStateAt, random times, p95`, chosen.random.p95);
	fig('random.p99_ms', `replayStateAt, random times, p99`, chosen.random.p99, true);
	fig('random.max_ms', `replayStateAt, random times, max`, chosen.random.max);
	fig('sweep.p50_ms', `replayStateAt, drag (${count} consecutive times), p50`, chosen.sweep.p50);
	fig('sweep.p95_ms', `replayStateAt, drag, p95`, chosen.sweep.p95);
	fig('sweep.p99_ms', `replayStateAt, drag, p99`, chosen.sweep.p99, true);
	fig('sweep.max_ms', `replayStateAt, drag, max`, chosen.sweep.max);
	fig('frame.p50_ms', `scrubber step (state + map + displacement), p50`, frame.p50);
	fig('frame.p99_ms', `scrubber step (state + map + displacement), p99`, frame.p99);
	fig('old.p50_ms', `before: stateAt (fold from the start), p50 of ${check.length}`, old.p50);
	Object.assign(ctx.details.scrub as object, { every: SNAPSHOT_EVERY, logMB: round(logMB, 1), frame: rounded(frame), old: rounded(old) });
	ctx.note(
		"scrub: a query copies the snapshot's lists (tens of thousands of messages and notes) before folding the events after it, " +
			"so below a few thousand events per snapshot the time hardly falls while the snapshots' memory doubles with each halving; " +
			`intervals measured: ${Object.entries(perInterval)
				.map(([every, v]) => {
					const x = v as { heapMB: number; random: { p99: number } };
					return `${every}: p99 ${x.random.p99} ms, ${x.heapMB} MB`;
				})
				.join('; ')}`
	);
}
