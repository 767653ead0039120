/**
 * fanout: time from an inject's release (the controller's `inject:release`
 * emit) to its arrival at every addressed client, at 100, 500 and 1,000
 * connected participants of one exercise on one server process, against a bare
 * socket.io server broadcasting a payload of the same size to as many clients.
 * All clients live in this process, so send and receive times come from the
 * same clock (performance.now()).
 */
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { loadScenarioFile } from '../../server/scenario-files';
import { mean, percentile, round, runBench, sleep, sortedCopy, type BenchContext } from './lib/common';
import { startBareServer, startRealServer, serverErrors, SCENARIO_ID, TEAM } from './lib/servers';
import { call, connect, controller, disconnectAll, inBatches, ok, participant } from './lib/sockets';

const QUICK_SIZES = [50, 100];
const FULL_SIZES = [100, 500, 1000];
const BATCH = 50;
const DELIVERY_TIMEOUT_MS = 30_000;
const PAUSE_BETWEEN_MS = 750;
const RATIO_TARGET = 1.5;
const TARGET_SIZE = 1000;

interface Pending {
	sendT: number;
	arrivals: Float64Array;
	count: number;
	done: () => void;
}

/** One measured release/broadcast: every client's arrival time minus the send time. */
interface Shot {
	id: string;
	latencies: number[];
	lastMs: number;
	firstMs: number;
	ackMs: number | null;
	missing: number;
}

interface Phase {
	shots: Shot[];
	connectS: number;
}

class Tracker {
	private pending = new Map<string | number, Pending>();

	/** The listener for client i. */
	arrived(key: string | number, i: number, t: number) {
		const p = this.pending.get(key);
		if (!p || !Number.isNaN(p.arrivals[i]!)) return;
		p.arrivals[i] = t;
		if (++p.count === p.arrivals.length) p.done();
	}

	/** Sends via `send` and waits until all `n` clients got `key` (or the timeout). */
	async shot(key: string | number, n: number, send: () => Promise<unknown>): Promise<Shot> {
		let done!: () => void;
		const all = new Promise<void>((r) => (done = r));
		const p: Pending = { sendT: 0, arrivals: new Float64Array(n).fill(NaN), count: 0, done };
		this.pending.set(key, p);
		p.sendT = performance.now();
		let ackMs: number | null = null;
		const acked = send().then(() => (ackMs = performance.now() - p.sendT));
		const timeout = sleep(DELIVERY_TIMEOUT_MS).then(() => 'timeout' as const);
		await Promise.race([all, timeout]);
		await Promise.race([acked, sleep(5000)]);
		this.pending.delete(key);
		const latencies: number[] = [];
		for (const t of p.arrivals) if (!Number.isNaN(t)) latencies.push(t - p.sendT);
		latencies.sort((a, b) => a - b);
		return {
			id: String(key),
			latencies,
			firstMs: latencies[0] ?? NaN,
			lastMs: latencies.at(-1) ?? NaN,
			ackMs,
			missing: n - latencies.length
		};
	}
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
		missing: shots.reduce((a, s) => a + s.missing, 0)
	};
}

await runBench('fanout', async (ctx: BenchContext) => {
	const sizes = ctx.quick ? QUICK_SIZES : FULL_SIZES;
	const releases = ctx.quick ? 2 : 8;
	const loaded = await loadScenarioFile(`scenarios/${SCENARIO_ID}.yaml`);
	if (!('scenario' in loaded)) throw new Error(`scenario ${SCENARIO_ID} does not load`);
	// Injects for the coast guard that the start does not release by itself (minute 0 goes out on start).
	const injectIds = loaded.scenario.injects.filter((i) => i.to.includes(TEAM) && (i.at ?? 0) > 0).map((i) => i.id);
	if (injectIds.length < releases + 1) throw new Error(`only ${injectIds.length} injects for ${TEAM}, need ${releases + 1}`);
	ctx.details.config = { sizes, releasesPerSize: releases, warmUpReleases: 1, batch: BATCH, injects: injectIds.slice(0, releases + 1) };

	ctx.log('starting the real server and the bare socket.io server');
	const real = await startRealServer(ctx);
	const bare = await startBareServer(ctx);
	const ctl = await controller(real.url);
	ctx.onCleanup(() => ctl.disconnect());
	const tracker = new Tracker();
	/** The first `exercise:events` payload seen for each released inject; the bare server sends the median-sized one. */
	const payloads = new Map<string, DomainEvent[]>();
	const results: Record<number, { real: Phase; bare: Phase; payloadBytes: number }> = {};

	for (const n of sizes) {
		// ---------------------------------------------------------- real server
		const created = await ok(ctl, 'exercise:create', { scenarioId: SCENARIO_ID, title: `Fan-out bench ${n}` });
		const exerciseId = created.exerciseId;
		await ok(ctl, 'exercise:open', { exerciseId });
		// Start releases the minute-0 inject; pause so the server's own timer releases nothing during the measurement.
		await ok(ctl, 'exercise:control', { exerciseId, action: 'start' });
		await ok(ctl, 'exercise:control', { exerciseId, action: 'pause' });
		const code = created.codes.teams[TEAM]!;
		let t = performance.now();
		const clients: Socket[] = await inBatches(n, BATCH, (i) =>
			participant(real.url, code, `bench-${n}-${i}`, (s) =>
				s.on('exercise:events', (events: DomainEvent[]) => {
					const now = performance.now();
					for (const e of events)
						if (e.type === 'inject.released') {
							if (!payloads.has(e.injectId)) payloads.set(e.injectId, events);
							tracker.arrived(e.injectId, i, now);
						}
				})
			)
		);
		const realConnectS = (performance.now() - t) / 1000;
		ctx.log(`${n} participants joined and opened in ${realConnectS.toFixed(1)} s`);
		await sleep(1500); // presence updates settle
		const realShots: Shot[] = [];
		for (let k = 0; k <= releases; k++) {
			const injectId = injectIds[k]!;
			const shot = await tracker.shot(injectId, n, () => call(ctl, 'inject:release', { exerciseId, injectId }));
			if (shot.missing > 0) ctx.note(`real n=${n}: ${shot.missing} clients did not get ${injectId} within ${DELIVERY_TIMEOUT_MS} ms`);
			if (k > 0) realShots.push(shot); // k = 0 warms up
			ctx.log(
				`real n=${n} ${k === 0 ? 'warm-up' : `release ${k}`}: first ${shot.firstMs.toFixed(1)} ms, last ${shot.lastMs.toFixed(1)} ms, ack ${shot.ackMs?.toFixed(1)} ms`
			);
			await sleep(PAUSE_BETWEEN_MS);
		}
		await disconnectAll(clients);
		const received = injectIds
			.slice(1, releases + 1)
			.flatMap((id) => (payloads.has(id) ? [payloads.get(id)!] : []))
			.sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
		const payloadSample = received[Math.floor((received.length - 1) / 2)];
		if (!payloadSample) throw new Error('no exercise:events payload with an inject was received');
		const payloadBytes = Buffer.byteLength(JSON.stringify(payloadSample));
		ctx.details.payloadBytesPerInject = Object.fromEntries([...payloads].map(([id, p]) => [id, Buffer.byteLength(JSON.stringify(p))]));

		// ---------------------------------------------------------- bare socket.io
		const trigger = await connect(bare.url);
		await new Promise((r) => trigger.emit('bench:payload', payloadSample, r));
		t = performance.now();
		const bareClients: Socket[] = await inBatches(n, BATCH, async (i) => {
			const s = await connect(bare.url);
			s.on('exercise:events', (events: { seq: number }[]) => tracker.arrived(events[0]!.seq, i, performance.now()));
			return s;
		});
		const bareConnectS = (performance.now() - t) / 1000;
		await sleep(1500);
		const bareShots: Shot[] = [];
		for (let k = 0; k <= releases; k++) {
			const marker = 1_000_000 * n + k;
			const shot = await tracker.shot(marker, n, () => new Promise((r) => trigger.emit('bench:trigger', marker, r)));
			if (shot.missing > 0) ctx.note(`bare n=${n}: ${shot.missing} clients did not get broadcast ${k} within ${DELIVERY_TIMEOUT_MS} ms`);
			if (k > 0) bareShots.push(shot);
			ctx.log(`bare n=${n} ${k === 0 ? 'warm-up' : `broadcast ${k}`}: first ${shot.firstMs.toFixed(1)} ms, last ${shot.lastMs.toFixed(1)} ms`);
			await sleep(PAUSE_BETWEEN_MS);
		}
		await disconnectAll([...bareClients, trigger]);
		results[n] = { real: { shots: realShots, connectS: realConnectS }, bare: { shots: bareShots, connectS: bareConnectS }, payloadBytes };
	}

	// ---------------------------------------------------------- figures
	const details: Record<string, unknown> = {};
	for (const n of sizes) {
		const r = summarize(results[n]!.real.shots);
		const b = summarize(results[n]!.bare.shots);
		const target = n === TARGET_SIZE ? { op: '<=' as const, value: RATIO_TARGET } : undefined;
		ctx.figure({ key: `n${n}.real.p50_ms`, label: `n=${n} real  delivery p50`, value: round(r.p50, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.real.p95_ms`, label: `n=${n} real  delivery p95`, value: round(r.p95, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.real.p99_ms`, label: `n=${n} real  delivery p99`, value: round(r.p99, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.real.last_ms`, label: `n=${n} real  until last client (median of ${releases})`, value: round(r.lastMedian, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.bare.p50_ms`, label: `n=${n} bare  delivery p50`, value: round(b.p50, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.bare.p95_ms`, label: `n=${n} bare  delivery p95`, value: round(b.p95, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.bare.p99_ms`, label: `n=${n} bare  delivery p99`, value: round(b.p99, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.bare.last_ms`, label: `n=${n} bare  until last client (median of ${releases})`, value: round(b.lastMedian, 1), unit: 'ms' });
		ctx.figure({ key: `n${n}.ratio.p50`, label: `n=${n} ratio real/bare p50`, value: round(r.p50 / b.p50, 2), unit: 'x', target });
		ctx.figure({ key: `n${n}.ratio.p99`, label: `n=${n} ratio real/bare p99`, value: round(r.p99 / b.p99, 2), unit: 'x', target });
		details[`n${n}`] = {
			payloadBytes: results[n]!.payloadBytes,
			real: { ...r, connectS: round(results[n]!.real.connectS, 2), perInject: results[n]!.real.shots.map(({ latencies: _l, ...s }) => s) },
			bare: { ...b, connectS: round(results[n]!.bare.connectS, 2), perInject: results[n]!.bare.shots.map(({ latencies: _l, ...s }) => s) }
		};
	}
	ctx.details.results = details;
	const payloadBytes = results[sizes[0]!]!.payloadBytes;
	ctx.figure({ key: 'payload_bytes', label: 'exercise:events payload (JSON, median inject)', value: payloadBytes, unit: 'B' });
	ctx.note(
		`all clients run in this one Node process, so the figures include decoding the payload ${sizes.at(-1)} times on one core; ` +
			'the ratio against the bare server cancels that cost out'
	);
	const errors = serverErrors(real.output());
	if (errors.length > 0) ctx.note(`server error lines: ${errors.slice(0, 3).join(' | ')}${errors.length > 3 ? ` (+${errors.length - 3})` : ''}`);
});
