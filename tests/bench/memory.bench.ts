/**
 * memory: server RSS (VmRSS of the server child) per connected client. N
 * participants join and open one exercise; RSS is read before and after, each
 * time after a settle period (median of several samples). The server runs with
 * the inspector on 127.0.0.1 so a second reading can be taken after a forced
 * full GC (what stays retained per client). A bare socket.io server gives the
 * floor one WebSocket connection costs.
 */
import type { Socket } from 'socket.io-client';
import { median, readRssKb, round, runBench, sleep, type BenchContext } from './lib/common';
import { Inspector } from './lib/inspector';
import { startBareServer, startRealServer, serverErrors, SCENARIO_ID, TEAM } from './lib/servers';
import { connect, controller, disconnectAll, inBatches, ok, participant } from './lib/sockets';

const TARGET_KB = 30;
const BATCH = 50;
const STABLE_WINDOW_MS = 12_000;
const STABLE_TOLERANCE_KB = 512;
const STABLE_MAX_MS = 45_000;

/**
 * VmRSS once it has settled: sampled every second until it stays within
 * STABLE_TOLERANCE_KB for STABLE_WINDOW_MS (V8 hands freed pages back to the OS
 * lazily, some seconds after a GC), at most STABLE_MAX_MS.
 */
async function settledRssKb(pid: number): Promise<{ kb: number; waitedMs: number; stable: boolean }> {
	const start = performance.now();
	const samples: { t: number; kb: number }[] = [];
	for (;;) {
		const kb = readRssKb(pid);
		if (kb === null) throw new Error(`cannot read VmRSS of pid ${pid}`);
		const t = performance.now() - start;
		samples.push({ t, kb });
		const window = samples.filter((s) => s.t >= t - STABLE_WINDOW_MS);
		const spread = Math.max(...window.map((s) => s.kb)) - Math.min(...window.map((s) => s.kb));
		if (t >= STABLE_WINDOW_MS && spread <= STABLE_TOLERANCE_KB) return { kb: median(window.map((s) => s.kb)), waitedMs: t, stable: true };
		if (t >= STABLE_MAX_MS) return { kb: median(window.map((s) => s.kb)), waitedMs: t, stable: false };
		await sleep(1000);
	}
}

async function forceGc(inspector: Inspector): Promise<number> {
	await inspector.collectGarbage();
	await inspector.collectGarbage();
	return (await inspector.heapUsed()) / 1024;
}

await runBench('memory', async (ctx: BenchContext) => {
	const n = ctx.quick ? 200 : 1000;
	ctx.details.config = { clients: n, batch: BATCH, stableWindowMs: STABLE_WINDOW_MS, stableToleranceKb: STABLE_TOLERANCE_KB };

	// ---------------------------------------------------------- real server
	const server = await startRealServer(ctx, { NODE_OPTIONS: '--inspect=127.0.0.1:0' });
	const pid = server.process.pid!;
	const inspector = await Inspector.fromOutput(server.output());
	ctx.onCleanup(() => inspector.close());
	const ctl = await controller(server.url);
	ctx.onCleanup(() => ctl.disconnect());
	const created = await ok(ctl, 'exercise:create', { scenarioId: SCENARIO_ID, title: 'Memory bench' });
	const exerciseId = created.exerciseId;
	await ok(ctl, 'exercise:open', { exerciseId });
	await ok(ctl, 'exercise:control', { exerciseId, action: 'start' });
	await ok(ctl, 'exercise:control', { exerciseId, action: 'pause' });
	// Warm the join path once, so lazily loaded code is not counted per client.
	const warm = await inBatches(10, 10, (i) => participant(server.url, created.codes.teams[TEAM]!, `warm-${i}`));
	await disconnectAll(warm);

	// Baseline on a clean heap: a forced full GC, then RSS once it has settled.
	// Two rounds: the pages the start-up (TypeScript transpiling) freed go back to the OS only some time after a GC.
	await forceGc(inspector);
	const early = await settledRssKb(pid);
	const beforeHeapKb = await forceGc(inspector);
	const before = await settledRssKb(pid);
	ctx.details.baselineRounds = [early.kb, before.kb];
	ctx.log(
		`before: RSS ${(before.kb / 1024).toFixed(1)} MB (settled after ${(before.waitedMs / 1000).toFixed(0)} s), V8 heap ${(beforeHeapKb / 1024).toFixed(1)} MB after GC`
	);

	const t = performance.now();
	const clients: Socket[] = await inBatches(n, BATCH, (i) => participant(server.url, created.codes.teams[TEAM]!, `mem-${i}`));
	const connectS = (performance.now() - t) / 1000;
	ctx.log(`${n} participants joined and opened in ${connectS.toFixed(1)} s`);
	// RSS as the OS sees it once it has settled (the server's own GCs only) ...
	const after = await settledRssKb(pid);
	// ... and the V8 heap that stays retained once a full GC has run.
	const afterHeapKb = await forceGc(inspector);
	const afterGc = await settledRssKb(pid);
	ctx.log(
		`after: RSS ${(after.kb / 1024).toFixed(1)} MB (settled after ${(after.waitedMs / 1000).toFixed(0)} s), V8 heap ${(afterHeapKb / 1024).toFixed(1)} MB after GC`
	);
	if (!before.stable || !after.stable) ctx.note(`RSS did not settle within ${STABLE_MAX_MS / 1000} s; the RSS figure is less reliable`);

	await disconnectAll(clients);
	await sleep(1000);
	const releasedHeapKb = await forceGc(inspector);
	const released = await settledRssKb(pid);
	ctx.log(`after all left: RSS ${(released.kb / 1024).toFixed(1)} MB after GC, V8 heap ${(releasedHeapKb / 1024).toFixed(1)} MB`);

	ctx.figure({ key: 'real.rss_before_mb', label: 'server RSS before (settled)', value: round(before.kb / 1024, 1), unit: 'MB' });
	ctx.figure({ key: 'real.rss_after_mb', label: `server RSS with ${n} clients (settled)`, value: round(after.kb / 1024, 1), unit: 'MB' });
	ctx.figure({
		key: 'real.rss_per_client_kb',
		label: 'server RSS per client (settled)',
		value: round((after.kb - before.kb) / n, 1),
		unit: 'KB',
		// The target is set for 1,000 clients; with fewer, RSS noise dominates.
		target: ctx.quick ? undefined : { op: '<=', value: TARGET_KB }
	});
	ctx.figure({
		key: 'real.rss_per_client_vs_left_kb',
		label: 'server RSS per client (GC; with clients vs after they left)',
		value: round((afterGc.kb - released.kb) / n, 1),
		unit: 'KB'
	});
	ctx.figure({
		key: 'real.heap_per_client_kb',
		label: 'server V8 heap per client (after forced GC)',
		value: round((afterHeapKb - beforeHeapKb) / n, 1),
		unit: 'KB'
	});
	ctx.figure({
		key: 'real.heap_left_after_disconnect_kb',
		label: 'server V8 heap left after all disconnected',
		value: round(releasedHeapKb - beforeHeapKb, 0),
		unit: 'KB'
	});
	ctx.details.real = { before, beforeHeapKb, after, afterGc, afterHeapKb, released, releasedHeapKb, connectS: round(connectS, 2) };
	const errors = serverErrors(server.output());
	if (errors.length > 0) ctx.note(`server error lines: ${errors.slice(0, 3).join(' | ')}`);
	await disconnectAll([ctl]);
	// Close the inspector first: a process with a debugger attached waits for it before exiting.
	inspector.close();
	await server.stop();

	// ---------------------------------------------------------- bare socket.io floor
	const bare = await startBareServer(ctx, ['--inspect=127.0.0.1:0']);
	const bareInspector = await Inspector.fromOutput(bare.output());
	ctx.onCleanup(() => bareInspector.close());
	const warmBare = await inBatches(10, 10, () => connect(bare.url));
	await disconnectAll(warmBare);
	const bareBeforeHeapKb = await forceGc(bareInspector);
	const bareBefore = await settledRssKb(bare.pid);
	const bareClients = await inBatches(n, BATCH, () => connect(bare.url));
	const bareAfter = await settledRssKb(bare.pid);
	const bareAfterHeapKb = await forceGc(bareInspector);
	await disconnectAll(bareClients);
	ctx.figure({
		key: 'bare.rss_per_client_kb',
		label: 'bare socket.io RSS per client (settled)',
		value: round((bareAfter.kb - bareBefore.kb) / n, 1),
		unit: 'KB'
	});
	ctx.figure({
		key: 'bare.heap_per_client_kb',
		label: 'bare socket.io V8 heap per client (GC)',
		value: round((bareAfterHeapKb - bareBeforeHeapKb) / n, 1),
		unit: 'KB'
	});
	ctx.details.bare = { before: bareBefore, beforeHeapKb: bareBeforeHeapKb, after: bareAfter, afterHeapKb: bareAfterHeapKb };
	ctx.note(
		'RSS moves by up to ~15-20 MB on its own (V8 and malloc return memory freed at start-up some seconds after a GC), ' +
			`i.e. ~${Math.round(17_000 / n)} KB per client at n=${n}; the V8 heap figure is the stable one`
	);
	ctx.note('both servers run with --inspect on 127.0.0.1 (to force a GC through the DevTools protocol); that adds a constant, not a per-client cost');
});
