/**
 * fanout: time from an inject's release (the controller's `inject:release` emit) to its arrival at every addressed
 * client, against a bare socket.io server broadcasting a payload of the same size to as many clients:
 *
 * - one process: 100, 500, 1,000 and 2,000 participants of one exercise on one real server (SQLite), beside one
 *   bare socket.io process;
 * - a cluster: 4,000 participants across two real server processes on PostgreSQL joined by Redis (clients split
 *   evenly, the exercise owned by the first), beside two bare socket.io processes joined by the Redis adapter.
 *
 * The clients live in a few child processes (lib/client-worker.ts), so decoding N payloads is not all on the
 * benchmark's own core; send and arrival times are epoch ms (performance.timeOrigin + performance.now()).
 */
import os from 'node:os';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { loadScenarioFile } from '../../server/scenario-files';
import type { RunningServer } from '../integration/harness';
import { startClientPool, epochNow, type ClientPool } from './lib/client-pool';
import { mean, percentile, round, runBench, sleep, sortedCopy, type BenchContext, type Target } from './lib/common';
import {
	freshPostgresSchema,
	hasRedisServer,
	startBareServer,
	startRealServer,
	startRedis,
	serverErrors,
	SCENARIO_ID,
	TEAM,
	type BareServer
} from './lib/servers';
import { call, connect, controller, disconnectAll, ok, participant } from './lib/sockets';

const QUICK_SIZES = [50, 100];
const FULL_SIZES = [100, 500, 1000, 2000];
const QUICK_CLUSTER_SIZE = 200;
const FULL_CLUSTER_SIZE = 4000;
const BATCH = 50;
const DELIVERY_TIMEOUT_MS = 30_000;
const PAUSE_BETWEEN_MS = 750;
/** The first round's target, at 1,000 clients (p50 and p99). */
const RATIO_TARGET_1000 = 1.5;
/** Issue 14: p99 within 1.3× of bare at 2,000 on one process and 4,000 on two. */
const RATIO_TARGET = 1.3;
const CLIENT_PROCESSES = Math.max(1, Number(process.env.BENCH_CLIENT_PROCESSES ?? 2));
/** `BENCH_FANOUT=single` or `cluster` runs one of the two parts only (e.g. to time a change to the fan-out path). */
const PARTS = (process.env.BENCH_FANOUT ?? 'single,cluster').split(',').map((p) => p.trim());

/** One measured release/broadcast: every client's arrival time minus the send time. */
interface Shot {
	id: string;
	latencies: number[];
	lastMs: number;
	firstMs: number;
	ackMs: number | null;
	missing: number;
	/** Latencies of the clients of each server process (client i is on server i mod processes), ascending. */
	byServer: number[][];
}

interface Phase {
	shots: Shot[];
	connectS: number;
}

interface Measured {
	label: string;
	n: number;
	processes: number;
	real: Phase;
	bare: Phase;
	payloadBytes: number;
}

function summarize(shots: Shot[]) {
	const all = sortedCopy(shots.flatMap((s) => s.latencies));
	const lasts = shots.map((s) => s.lastMs);
	return {
		n: all.length,
		p50: percentile(all, 50),
		p95: percentile(all, 95),
		p99: percentile(all, 99),
		max: all.at(-1) ?? NaN,
		lastMedian: percentile(sortedCopy(lasts), 50),
		lastMax: Math.max(...lasts),
		lastMean: mean(lasts),
		ackMedian: percentile(sortedCopy(shots.flatMap((s) => (s.ackMs === null ? [] : [s.ackMs]))), 50),
		missing: shots.reduce((a, s) => a + s.missing, 0),
		/** p50 and p99 of the clients of each server process. */
		byServer: (shots[0]?.byServer ?? []).map((_, k) => {
			const mine = sortedCopy(shots.flatMap((s) => s.byServer[k]!));
			return { p50: round(percentile(mine, 50), 1), p99: round(percentile(mine, 99), 1) };
		})
	};
}

/** Sends (returning the epoch send time) and waits for every client of the pool to have `key`. */
async function shot(pool: ClientPool, key: string, servers: number, send: () => Promise<unknown>): Promise<Shot> {
	let acked: Promise<number> = Promise.resolve(NaN);
	const { sendT, times } = await pool.collect(key, DELIVERY_TIMEOUT_MS, () => {
		const t = epochNow();
		acked = send().then(() => epochNow() - t);
		return t;
	});
	const ackMs = await Promise.race([acked, sleep(5000).then(() => null)]);
	const latencies = times.filter((t) => !Number.isNaN(t)).map((t) => t - sendT);
	latencies.sort((a, b) => a - b);
	const byServer = Array.from({ length: servers }, (_, k) => sortedCopy(times.flatMap((t, i) => (i % servers === k && !Number.isNaN(t) ? [t - sendT] : []))));
	return { id: key, latencies, firstMs: latencies[0] ?? NaN, lastMs: latencies.at(-1) ?? NaN, ackMs, missing: times.length - latencies.length, byServer };
}

interface Setup {
	label: string;
	n: number;
	/** The real servers (the first owns the exercise and has the controller) and the bare ones. */
	real: RunningServer[];
	bare: BareServer[];
}

await runBench('fanout', async (ctx: BenchContext) => {
	const sizes = ctx.quick ? QUICK_SIZES : FULL_SIZES;
	const clusterSize = ctx.quick ? QUICK_CLUSTER_SIZE : FULL_CLUSTER_SIZE;
	const releases = ctx.quick ? 2 : 8;
	const loaded = await loadScenarioFile(`scenarios/${SCENARIO_ID}.yaml`);
	if (!('scenario' in loaded)) throw new Error(`scenario ${SCENARIO_ID} does not load`);
	// Injects for the coast guard that the start does not release by itself (minute 0 goes out on start).
	const injectIds = loaded.scenario.injects.filter((i) => i.to.includes(TEAM) && (i.at ?? 0) > 0).map((i) => i.id);
	if (injectIds.length < releases + 1) throw new Error(`only ${injectIds.length} injects for ${TEAM}, need ${releases + 1}`);
	ctx.details.config = {
		sizes,
		clusterSize,
		releasesPerSize: releases,
		warmUpReleases: 1,
		batch: BATCH,
		clientProcesses: CLIENT_PROCESSES,
		injects: injectIds.slice(0, releases + 1)
	};
	const pool = await startClientPool(ctx, CLIENT_PROCESSES);
	const measured: Measured[] = [];

	/** One size on one setup: the real server(s), then the bare one(s), to the same number of clients. */
	async function measure({ label, n, real, bare }: Setup): Promise<Measured> {
		// ---------------------------------------------------------- real server(s)
		const ctl = await controller(real[0]!.url);
		const created = await ok(ctl, 'exercise:create', { scenarioId: SCENARIO_ID, title: `Fan-out bench ${label}` });
		const exerciseId = created.exerciseId;
		await ok(ctl, 'exercise:open', { exerciseId });
		// Start releases the minute-0 inject; pause so the server's own timer releases nothing during the measurement.
		await ok(ctl, 'exercise:control', { exerciseId, action: 'start' });
		await ok(ctl, 'exercise:control', { exerciseId, action: 'pause' });
		const code = created.codes.teams[TEAM]!;
		// One more participant, in this process, keeps the payloads the participants get (the bare server sends one).
		const payloads = new Map<string, DomainEvent[]>();
		const probe = await participant(real[0]!.url, code, `probe-${label}`, (s) =>
			s.on('exercise:events', (events: DomainEvent[]) => {
				for (const e of events) if (e.type === 'inject.released' && !payloads.has(e.injectId)) payloads.set(e.injectId, events);
			})
		);
		const urls = real.map((s) => s.url);
		const realConnectS = await pool.join({ mode: 'real', urls, code, n, batch: BATCH });
		ctx.log(`${label}: ${n} participants joined and opened in ${realConnectS.toFixed(1)} s`);
		await sleep(1500); // presence updates settle
		const realShots: Shot[] = [];
		for (let k = 0; k <= releases; k++) {
			const injectId = injectIds[k]!;
			const s = await shot(pool, injectId, real.length, () => call(ctl, 'inject:release', { exerciseId, injectId }));
			if (s.missing > 0) ctx.note(`real ${label}: ${s.missing} clients did not get ${injectId} within ${DELIVERY_TIMEOUT_MS} ms`);
			if (k > 0) realShots.push(s); // k = 0 warms up
			ctx.log(
				`real ${label} ${k === 0 ? 'warm-up' : `release ${k}`}: first ${s.firstMs.toFixed(1)} ms, last ${s.lastMs.toFixed(1)} ms, ack ${s.ackMs?.toFixed(1)} ms`
			);
			await sleep(PAUSE_BETWEEN_MS);
		}
		await pool.leave();
		await disconnectAll([probe, ctl]);
		const received = injectIds
			.slice(1, releases + 1)
			.flatMap((id) => (payloads.has(id) ? [payloads.get(id)!] : []))
			.sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
		const payloadSample = received[Math.floor((received.length - 1) / 2)];
		if (!payloadSample) throw new Error('no exercise:events payload with an inject was received');
		const payloadBytes = Buffer.byteLength(JSON.stringify(payloadSample));

		// ---------------------------------------------------------- bare socket.io
		const trigger = await connect(bare[0]!.url);
		await new Promise((r) => trigger.emit('bench:payload', payloadSample, r));
		const bareConnectS = await pool.join({ mode: 'bare', urls: bare.map((b) => b.url), n, batch: BATCH });
		await sleep(1500);
		const bareShots: Shot[] = [];
		for (let k = 0; k <= releases; k++) {
			const marker = 1_000_000 * n + 1000 * measured.length + k;
			const s = await shot(pool, String(marker), bare.length, () => new Promise((r) => trigger.emit('bench:trigger', marker, r)));
			if (s.missing > 0) ctx.note(`bare ${label}: ${s.missing} clients did not get broadcast ${k} within ${DELIVERY_TIMEOUT_MS} ms`);
			if (k > 0) bareShots.push(s);
			ctx.log(`bare ${label} ${k === 0 ? 'warm-up' : `broadcast ${k}`}: first ${s.firstMs.toFixed(1)} ms, last ${s.lastMs.toFixed(1)} ms`);
			await sleep(PAUSE_BETWEEN_MS);
		}
		await pool.leave();
		await disconnectAll([trigger]);
		return {
			label,
			n,
			processes: real.length,
			real: { shots: realShots, connectS: realConnectS },
			bare: { shots: bareShots, connectS: bareConnectS },
			payloadBytes
		};
	}

	// ---------------------------------------------------------- one process
	ctx.log(`starting the real server and the bare socket.io server; clients in ${CLIENT_PROCESSES} child processes`);
	const singleErrors: string[] = [];
	if (PARTS.includes('single')) {
		const real = await startRealServer(ctx);
		const bare = await startBareServer(ctx);
		for (const n of sizes) measured.push(await measure({ label: `n=${n}`, n, real: [real], bare: [bare] }));
		singleErrors.push(...serverErrors(real.output()));
		await real.stop();
		await bare.stop();
	}

	// ---------------------------------------------------------- two processes, Redis, PostgreSQL
	const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
	const clusterErrors: string[] = [];
	if (!PARTS.includes('cluster')) ctx.note('cluster part not run (BENCH_FANOUT)');
	else if (!pgUrl) ctx.note('cluster phase skipped: no TEST_DATABASE_URL (run `eval "$(bash scripts/ci-services.sh)"` first)');
	else if (!hasRedisServer()) ctx.note('cluster phase skipped: redis-server is not installed');
	else {
		ctx.log('starting Redis, two real servers on PostgreSQL and two bare socket.io servers with the Redis adapter');
		const databaseUrl = await freshPostgresSchema(ctx, pgUrl);
		const redisUrl = await startRedis(ctx);
		const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
		const a = await startRealServer(ctx, env);
		const b = await startRealServer(ctx, env);
		if (!a.output().includes('cluster: joined through Redis')) throw new Error(`the real server did not join the cluster:\n${a.output()}`);
		const bareA = await startBareServer(ctx, [], { REDIS_URL: redisUrl });
		const bareB = await startBareServer(ctx, [], { REDIS_URL: redisUrl });
		const label = `cluster n=${clusterSize}`;
		measured.push(await measure({ label, n: clusterSize, real: [a, b], bare: [bareA, bareB] }));
		clusterErrors.push(...serverErrors(a.output()), ...serverErrors(b.output()));
		ctx.details.clusterStore = 'PostgreSQL (a schema of its own) + Redis (a redis-server of its own)';
		const last = measured.at(-1)!;
		for (const [side, phase] of [
			['real', last.real],
			['bare', last.bare]
		] as const)
			ctx.log(`${side} ${label} by server process: ${JSON.stringify(summarize(phase.shots).byServer)}`);
	}

	// ---------------------------------------------------------- figures
	const details: Record<string, unknown> = {};
	for (const x of measured) {
		const r = summarize(x.real.shots);
		const b = summarize(x.bare.shots);
		const key = x.processes > 1 ? `cluster${x.n}` : `n${x.n}`;
		const both: Target | undefined = x.n === 1000 && x.processes === 1 && !ctx.quick ? { op: '<=', value: RATIO_TARGET_1000 } : undefined;
		const p99Target: Target | undefined = !ctx.quick && ((x.n === 2000 && x.processes === 1) || x.processes > 1) ? { op: '<=', value: RATIO_TARGET } : both;
		const fig = (k: string, label: string, value: number, unit = 'ms', target?: Target) =>
			ctx.figure({ key: `${key}.${k}`, label: `${x.label} ${label}`, value: round(value, unit === 'x' ? 2 : 1), unit, target });
		fig('real.p50_ms', 'real  delivery p50', r.p50);
		fig('real.p95_ms', 'real  delivery p95', r.p95);
		fig('real.p99_ms', 'real  delivery p99', r.p99);
		fig('real.last_ms', `real  until last client (median of ${releases})`, r.lastMedian);
		fig('bare.p50_ms', 'bare  delivery p50', b.p50);
		fig('bare.p95_ms', 'bare  delivery p95', b.p95);
		fig('bare.p99_ms', 'bare  delivery p99', b.p99);
		fig('bare.last_ms', `bare  until last client (median of ${releases})`, b.lastMedian);
		fig('ratio.p50', 'ratio real/bare p50', r.p50 / b.p50, 'x', both);
		fig('ratio.p99', 'ratio real/bare p99', r.p99 / b.p99, 'x', p99Target);
		details[key] = {
			processes: x.processes,
			payloadBytes: x.payloadBytes,
			real: { ...r, connectS: round(x.real.connectS, 2), perInject: x.real.shots.map(({ latencies: _l, byServer: _b, ...s }) => s) },
			bare: { ...b, connectS: round(x.bare.connectS, 2), perInject: x.bare.shots.map(({ latencies: _l, byServer: _b, ...s }) => s) }
		};
	}
	ctx.details.results = details;
	if (measured[0]) ctx.figure({ key: 'payload_bytes', label: 'exercise:events payload (JSON, median inject)', value: measured[0].payloadBytes, unit: 'B' });
	ctx.note(
		`the clients run in ${CLIENT_PROCESSES} child processes (their share each), beside the server processes on the same ${os.cpus().length} cores; real and bare are measured with the same clients, so the ratio cancels the clients' own cost`
	);
	const errors = [...singleErrors, ...clusterErrors];
	if (errors.length > 0) ctx.note(`server error lines: ${errors.slice(0, 3).join(' | ')}${errors.length > 3 ? ` (+${errors.length - 3})` : ''}`);
});
