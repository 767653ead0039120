/**
 * weak-link: a team member of the maritime scenario on a slow link, on the built app and the real server.
 *
 * Chromium (the e2e launch flags) reaches the server through a counting TCP relay (weak-link-proxy.ts) and is
 * held to a network profile by the DevTools protocol (`Network.emulateNetworkConditions`, weak-link-network.ts):
 *
 * 1. first load of /play with an empty cache, per profile (regional broadband: 1.6 Mbps down, 750 kbps up,
 *    150 ms; bad link: 400 kbps both ways, 400 ms): time from navigation until the page is usable — the map
 *    drawn (MapLibre's `loaded()`: style, sources and tiles done), the injects listed, a decision answerable
 *    (its options enabled) — median of a few runs, each in a new browser context;
 * 2. the bytes of that first load and of a reload (with the cache) and the reload's time to usable;
 * 3. resync after an outage: the page goes offline (emulation `offline: true`) while the exercise runs at 10×
 *    for WEAK_LINK_OFFLINE_S real seconds (30 s: 5 exercise minutes, with injects, a vessel tasked by a team mate
 *    and messages from another team); the bytes from going back online until the page shows every inject and
 *    message the team has;
 * 4. bytes per participant per exercise hour: one exercise hour at 60× with the page connected, WebSocket
 *    frames both ways plus any HTTP after the load.
 *
 *   flock /tmp/cc-heavy.lock env BENCH_ONLY=weak-link npm run bench
 *   WEAK_LINK_RUNS=3 WEAK_LINK_OFFLINE_S=30  (defaults; BENCH_QUICK=1: 1 run, 12 s offline at 25×)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { client, CONTROLLER_KEY, type TestClient } from '../integration/harness';
import { median, round, runBench, sleep, type BenchContext } from './lib/common';
import { SCENARIO_ID, startRealServer, TEAM } from './lib/servers';
import { BAD_LINK, BROADBAND, NetworkRecorder, type RequestRecord } from './weak-link-network';
import { startCountingRelay, type CountingRelay } from './weak-link-proxy';

const RUNS = Number(process.env.WEAK_LINK_RUNS ?? (process.env.BENCH_QUICK ? 1 : 3));
const OFFLINE_S = Number(process.env.WEAK_LINK_OFFLINE_S ?? (process.env.BENCH_QUICK ? 12 : 30));
/** Exercise minutes the outage should span. */
const OFFLINE_EXERCISE_MIN = 5;
const USABLE_TIMEOUT_MS = 120_000;
const KB = 1024;

/** Launch options of the e2e tests (playwright.config.ts). */
async function e2eLaunch() {
	const config = (await import('../../playwright.config')).default as {
		use?: { viewport?: { width: number; height: number }; launchOptions?: { executablePath?: string; args?: string[] } };
	};
	return {
		executablePath: config.use?.launchOptions?.executablePath ?? '/usr/bin/chromium',
		args: config.use?.launchOptions?.args ?? ['--no-sandbox', '--disable-gpu'],
		viewport: config.use?.viewport ?? { width: 1400, height: 900 }
	};
}

function newestMtime(dir: string): number {
	let best = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		best = Math.max(best, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
	}
	return best;
}

/** The built app: built here when missing; a note when the sources are newer than it. */
function ensureBuild(ctx: BenchContext) {
	if (!existsSync('build/handler.js')) {
		ctx.log('no build/: running `npm run build`');
		const r = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', timeout: 600_000 });
		if (r.status !== 0) throw new Error(`npm run build failed (${r.status ?? r.signal})`);
	}
	const builtAt = statSync('build/handler.js').mtimeMs;
	if (newestMtime('src') > builtAt) ctx.note('the build is older than src/: run `npm run build` for figures of the current code');
	ctx.details.buildTime = new Date(builtAt).toISOString();
}

/** Milestones the page reaches, in ms since its navigation started (performance.now() of the document). */
interface Usable {
	map: number;
	injects: number;
	decision: number;
	usable: number;
	/** When each start-up phase ended (see startupPhases). */
	phases: Record<string, number>;
}

/**
 * Installed in every document of a context: polls (every 25 ms) for the three signs of a usable /play and
 * records when each first held, in `window.__weakLink`.
 */
function usableProbe() {
	const w = window as unknown as { __weakLink?: Partial<Record<'map' | 'injects' | 'decision' | 'usable', number>> };
	const seen: Partial<Record<'map' | 'injects' | 'decision' | 'usable', number>> = {};
	w.__weakLink = seen;
	const timer = setInterval(() => {
		const el = document.querySelector('[data-testid="exercise-map"]') as (HTMLElement & { __map?: { loaded(): boolean } }) | null;
		const now = performance.now();
		if (seen.map === undefined && el?.__map?.loaded() && el.querySelector('canvas')) seen.map = now;
		if (seen.injects === undefined && document.querySelector('[data-testid="inject-feed"] [data-testid="inject"]')) seen.injects = now;
		if (seen.decision === undefined && document.querySelector('[data-testid="decision"][data-status="open"] input[type="radio"]:enabled')) seen.decision = now;
		if (seen.map !== undefined && seen.injects !== undefined && seen.decision !== undefined) {
			seen.usable = Math.max(seen.map, seen.injects, seen.decision);
			clearInterval(timer);
		}
	}, 25);
}

/** When the page's start-up phases ended (ms from navigation): the document, the map's own marks, the largest script. */
function startupPhases(page: Page): Promise<Record<string, number>> {
	return page.evaluate(() => {
		const out: Record<string, number> = {};
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
		if (nav) {
			out['html'] = Math.round(nav.responseEnd);
			out['dom-content-loaded'] = Math.round(nav.domContentLoadedEventEnd);
		}
		const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
			(r) => r.initiatorType === 'script' || r.name.endsWith('.js')
		);
		const largest = scripts.sort((a, b) => b.decodedBodySize - a.decodedBodySize)[0];
		if (largest) out['largest-script'] = Math.round(largest.responseEnd);
		for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('map:')) out[m.name] = Math.round(m.startTime);
		return out;
	});
}

async function waitUsable(page: Page): Promise<Usable> {
	const handle = await page.waitForFunction(
		() => {
			const s = (window as unknown as { __weakLink?: { usable?: number } }).__weakLink;
			return s?.usable !== undefined ? s : null;
		},
		null,
		{ timeout: USABLE_TIMEOUT_MS, polling: 100 }
	);
	const s = (await handle.jsonValue()) as Usable;
	return { map: round(s.map, 0), injects: round(s.injects, 0), decision: round(s.decision, 0), usable: round(s.usable, 0), phases: await startupPhases(page) };
}

interface Exercise {
	id: string;
	codes: { teams: Record<string, string> };
}

async function createExercise(controller: TestClient, title: string, speed: number): Promise<Exercise> {
	const created = await controller.ok('exercise:create', { scenarioId: SCENARIO_ID, title });
	await controller.ok('exercise:control', { exerciseId: created.exerciseId, action: 'start' });
	if (speed !== 1) await controller.ok('clock:speed', { exerciseId: created.exerciseId, speed });
	return { id: created.exerciseId, codes: created.codes };
}

/** A session of `team` (token and what the browser keeps in its storage), joined by socket. */
async function joinAs(url: string, code: string, name: string) {
	const anon = await client(url);
	const joined = await anon.ok('session:join', { code, name });
	anon.disconnect();
	return joined;
}

/** A browser context (empty cache) already signed in as `joined`, and its page with the recorder attached. */
async function signedInPage(browser: Browser, origin: string, joined: { token: string; session: unknown }, viewport: { width: number; height: number }) {
	const context: BrowserContext = await browser.newContext({
		viewport,
		storageState: { cookies: [], origins: [{ origin, localStorage: [{ name: 'crosscurrent.session', value: JSON.stringify(joined) }] }] }
	});
	await context.addInitScript(usableProbe);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const recorder = await NetworkRecorder.attach(page);
	// MapLibre's worker fetches the basemap: Playwright sees those requests, the page's CDP session does not.
	context.on('requestfinished', async (r) => {
		if (!new URL(r.url()).pathname.startsWith('/basemap/')) return;
		const sizes = await r.sizes().catch(() => null);
		const response = await r.response().catch(() => null);
		const headers = response?.headers() ?? {};
		recorder.addWorkerRequest({
			url: r.url(),
			type: 'Fetch (worker)',
			status: response?.status() ?? null,
			bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
			fromCache: response ? response.fromServiceWorker() || (sizes?.responseBodySize ?? 0) === 0 : false,
			contentEncoding: headers['content-encoding'] ?? null,
			cacheControl: headers['cache-control'] ?? null,
			failed: null
		});
	});
	return { context, page, recorder, errors };
}

const kb = (bytes: number) => round(bytes / KB, 1);

function summariseRequests(list: RequestRecord[]) {
	return list
		.map((r) => ({
			url: r.url.replace(/^https?:\/\/[^/]+/, ''),
			type: r.type,
			status: r.status,
			kB: kb(r.bytes),
			cache: r.fromCache,
			encoding: r.contentEncoding,
			cacheControl: r.cacheControl,
			...(r.failed ? { failed: r.failed } : {})
		}))
		.sort((a, b) => b.kB - a.kB);
}

async function loadFigures(
	ctx: BenchContext,
	browser: Browser,
	server: { url: string },
	relay: CountingRelay,
	controller: TestClient,
	launch: { viewport: { width: number; height: number } }
) {
	const notLocal = new Set<string>();
	for (const profile of [BROADBAND, BAD_LINK]) {
		const exercise = await createExercise(controller, `Weak link ${profile.name}`, 1);
		const first: Usable[] = [];
		const reload: Usable[] = [];
		const firstBytes: number[] = [];
		const firstWire: number[] = [];
		const reloadBytes: number[] = [];
		const reloadWire: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const joined = await joinAs(server.url, exercise.codes.teams[TEAM]!, `Bench ${profile.name} ${run + 1}`);
			const { context, page, recorder, errors } = await signedInPage(browser, relay.url, joined, launch.viewport);
			page.on('request', (r) => {
				const u = new URL(r.url());
				if (u.hostname !== '127.0.0.1' && u.protocol !== 'blob:' && u.protocol !== 'data:') notLocal.add(r.url());
			});
			await recorder.emulate(profile);
			relay.reset();
			await page.goto(`${relay.url}/play`, { waitUntil: 'commit' });
			const u1 = await waitUsable(page);
			// Whatever the page was still fetching when it became usable counts too (it shares the link).
			await page.waitForLoadState('networkidle').catch(() => {});
			first.push(u1);
			firstBytes.push(recorder.totalBytes());
			firstWire.push(relay.count().up + relay.count().down);
			if (run === 0) {
				ctx.details[`${profile.name}.first_load.requests`] = summariseRequests(recorder.requestList());
				ctx.details[`${profile.name}.first_load.ws`] = { ...recorder.frameTotals(), receivedByEvent: recorder.receivedByEvent() };
			}
			ctx.log(`${profile.name} run ${run + 1}: first load phases ${JSON.stringify(u1.phases)}`);
			ctx.log(
				`${profile.name} run ${run + 1}: first load usable at ${u1.usable} ms (map ${u1.map}, injects ${u1.injects}, decision ${u1.decision}); ` +
					`${kb(recorder.httpBytes())} kB HTTP + ${kb(recorder.frameTotals().receivedBytes + recorder.frameTotals().sentBytes)} kB WebSocket payload; wire ${kb(firstWire.at(-1)!)} kB`
			);

			recorder.reset();
			relay.reset();
			await page.reload({ waitUntil: 'commit' });
			const u2 = await waitUsable(page);
			await page.waitForLoadState('networkidle').catch(() => {});
			reload.push(u2);
			reloadBytes.push(recorder.totalBytes());
			reloadWire.push(relay.count().up + relay.count().down);
			if (run === 0) ctx.details[`${profile.name}.reload.requests`] = summariseRequests(recorder.requestList());
			ctx.log(`${profile.name} run ${run + 1}: reload phases ${JSON.stringify(u2.phases)}`);
			ctx.log(`${profile.name} run ${run + 1}: reload usable at ${u2.usable} ms; ${kb(reloadBytes.at(-1)!)} kB (wire ${kb(reloadWire.at(-1)!)} kB)`);
			if (errors.length > 0) ctx.note(`${profile.name} run ${run + 1}: page errors: ${errors.slice(0, 3).join(' | ')}`);
			await context.close();
		}
		const goal = profile === BROADBAND ? 5000 : 15000;
		const p = profile.name;
		ctx.figure({
			key: `${p}.first_usable_ms`,
			label: `${p}: first load → usable /play (median)`,
			value: median(first.map((u) => u.usable)),
			unit: 'ms',
			target: { op: '<=', value: goal }
		});
		ctx.figure({ key: `${p}.first_map_ms`, label: `${p}: first load → map drawn (median)`, value: median(first.map((u) => u.map)), unit: 'ms' });
		ctx.figure({ key: `${p}.first_injects_ms`, label: `${p}: first load → injects listed (median)`, value: median(first.map((u) => u.injects)), unit: 'ms' });
		ctx.figure({ key: `${p}.first_kb`, label: `${p}: first load bytes (CDP: HTTP + WebSocket payload)`, value: kb(median(firstBytes)), unit: 'kB' });
		ctx.figure({ key: `${p}.first_wire_kb`, label: `${p}: first load bytes on the wire (relay)`, value: kb(median(firstWire)), unit: 'kB' });
		ctx.figure({
			key: `${p}.reload_usable_ms`,
			label: `${p}: reload (cache) → usable /play (median)`,
			value: median(reload.map((u) => u.usable)),
			unit: 'ms',
			target: { op: '<=', value: 2000 }
		});
		ctx.figure({ key: `${p}.reload_kb`, label: `${p}: reload bytes (CDP)`, value: kb(median(reloadBytes)), unit: 'kB' });
		ctx.figure({ key: `${p}.reload_wire_kb`, label: `${p}: reload bytes on the wire (relay)`, value: kb(median(reloadWire)), unit: 'kB' });
		ctx.details[`${p}.runs`] = { first, reload, firstBytes, firstWire, reloadBytes, reloadWire };
		await controller.ok('exercise:control', { exerciseId: exercise.id, action: 'pause' });
	}
	ctx.details.requestsOutside127 = [...notLocal];
	if (notLocal.size > 0) ctx.note(`requests outside 127.0.0.1: ${[...notLocal].slice(0, 5).join(', ')}`);
}

/** Inject and message ids the team has in the log (what its page must show), from a team mate's socket. */
function teamHas(events: DomainEvent[]) {
	const injects = new Set<string>();
	const messages = new Set<string>();
	for (const e of events) {
		if (e.type === 'inject.released' && e.inject.to.includes(TEAM)) injects.add(e.injectId);
		if (e.type === 'message.sent' && e.to.includes(TEAM) && e.fromTeam !== TEAM) messages.add(e.messageId);
	}
	return { injects: [...injects], messages: [...messages] };
}

async function pageShows(page: Page, want: { injects: string[]; messages: string[] }) {
	return page.evaluate(({ injects, messages }) => {
		const online = document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === 'online';
		const hasInjects = injects.every((id) => document.querySelector(`[data-testid="inject"][data-inject-id="${CSS.escape(id)}"]`));
		const hasMessages = messages.every((id) => document.querySelector(`[data-testid="message"][data-message-id="${CSS.escape(id)}"]`));
		return online && hasInjects && hasMessages;
	}, want);
}

async function resyncFigures(
	ctx: BenchContext,
	browser: Browser,
	server: { url: string },
	relay: CountingRelay,
	controller: TestClient,
	launch: { viewport: { width: number; height: number } }
) {
	const speed = Math.min(60, Math.ceil((OFFLINE_EXERCISE_MIN * 60) / OFFLINE_S));
	const exercise = await createExercise(controller, 'Weak link resync', 1);
	const joined = await joinAs(server.url, exercise.codes.teams[TEAM]!, 'Bench resync');
	const mate = await client(server.url, (await joinAs(server.url, exercise.codes.teams[TEAM]!, 'Bench team mate')).token);
	await mate.ok('exercise:open', {});
	const other = await client(server.url, (await joinAs(server.url, exercise.codes.teams['tt-customs']!, 'Bench customs')).token);
	await other.ok('exercise:open', {});
	const { context, page, recorder } = await signedInPage(browser, relay.url, joined, launch.viewport);
	ctx.onCleanup(() => context.close());
	await recorder.emulate(BROADBAND);
	await page.goto(`${relay.url}/play`, { waitUntil: 'commit' });
	await waitUsable(page);
	await page.waitForLoadState('networkidle').catch(() => {});

	await recorder.emulate(BROADBAND, true);
	const offlineAt = performance.now();
	await controller.ok('clock:speed', { exerciseId: exercise.id, speed });
	const seqBefore = mate.received.at(-1)?.seq ?? 0;
	// What happens while the page is away: a team mate sends the cutter out, another team writes, control releases.
	await mate.ok('asset:task', { entityId: 'cg-cutter-1', order: { type: 'goto', point: [-61.9, 11.2] } });
	for (let i = 0; i < 3; i++) {
		await other.ok('message:send', { to: [TEAM], channel: 'phone', text: `Customs to coast guard, update ${i + 1}: parcels sighted off Chacachacare.` });
		await sleep((OFFLINE_S * 1000) / 4);
	}
	await controller.ok('inject:release', { exerciseId: exercise.id, injectId: 'fisher-vhf-parcels' });
	await sleep(Math.max(0, OFFLINE_S * 1000 - (performance.now() - offlineAt)));
	const connectionWhileOffline = await page.getByTestId('connection').getAttribute('data-state');
	const missed = (mate.received.at(-1)?.seq ?? 0) - seqBefore;
	// Back online: count from here until the page shows everything the team has.
	recorder.reset();
	relay.reset();
	const onlineAt = performance.now();
	await controller.ok('clock:speed', { exerciseId: exercise.id, speed: 1 });
	await recorder.emulate(BROADBAND, false);
	const want = teamHas(mate.received);
	const deadline = Date.now() + 120_000;
	while (!(await pageShows(page, want))) {
		if (Date.now() > deadline) throw new Error(`the page did not show the current state within 120 s of going back online (${JSON.stringify(want)})`);
		await sleep(100);
	}
	const resyncMs = performance.now() - onlineAt;
	const ws = recorder.frameTotals();
	const wire = relay.count();
	ctx.figure({
		key: 'resync.kb',
		label: `resync after ${OFFLINE_S} s offline (${OFFLINE_EXERCISE_MIN} exercise min at ${speed}×): bytes (CDP)`,
		value: kb(recorder.totalBytes()),
		unit: 'kB'
	});
	ctx.figure({ key: 'resync.wire_kb', label: 'resync: bytes on the wire (relay)', value: kb(wire.up + wire.down), unit: 'kB' });
	ctx.figure({ key: 'resync.ms', label: 'resync: back online → current state shown (broadband)', value: round(resyncMs, 0), unit: 'ms' });
	ctx.details.resync = {
		offlineSeconds: OFFLINE_S,
		speed,
		eventsMissed: missed,
		connectionWhileOffline,
		teamHas: want,
		ws,
		receivedByEvent: recorder.receivedByEvent(),
		http: summariseRequests(recorder.requestList()),
		wire
	};
	ctx.log(
		`resync: ${missed} events while offline (page said "${connectionWhileOffline}"); ${kb(recorder.totalBytes())} kB (wire ${kb(wire.up + wire.down)} kB) in ${round(resyncMs, 0)} ms`
	);
	mate.disconnect();
	other.disconnect();
	await controller.ok('exercise:control', { exerciseId: exercise.id, action: 'pause' });
	await context.close();
}

async function hourFigures(
	ctx: BenchContext,
	browser: Browser,
	server: { url: string },
	relay: CountingRelay,
	controller: TestClient,
	launch: { viewport: { width: number; height: number } }
) {
	const speed = 60;
	const exercise = await createExercise(controller, 'Weak link hour', 1);
	const joined = await joinAs(server.url, exercise.codes.teams[TEAM]!, 'Bench hour');
	const other = await client(server.url, (await joinAs(server.url, exercise.codes.teams['tt-customs']!, 'Bench customs')).token);
	await other.ok('exercise:open', {});
	const { context, page, recorder } = await signedInPage(browser, relay.url, joined, launch.viewport);
	ctx.onCleanup(() => context.close());
	await recorder.emulate(BROADBAND);
	await page.goto(`${relay.url}/play`, { waitUntil: 'commit' });
	await waitUsable(page);
	await page.waitForLoadState('networkidle').catch(() => {});
	await controller.ok('exercise:control', { exerciseId: exercise.id, action: 'pause' });
	await sleep(500);
	recorder.reset();
	relay.reset();
	const wallStart = performance.now();
	await controller.ok('clock:speed', { exerciseId: exercise.id, speed });
	await controller.ok('exercise:control', { exerciseId: exercise.id, action: 'resume' });
	// Some play from another team: a message to this team every ten exercise minutes.
	for (let i = 0; i < 6; i++) {
		await other.ok('message:send', { to: [TEAM], channel: 'phone', text: `Customs to coast guard, hourly check ${i + 1}.` });
		await sleep((10 * 60_000) / speed);
	}
	const wallS = (performance.now() - wallStart) / 1000;
	await controller.ok('exercise:control', { exerciseId: exercise.id, action: 'pause' });
	await sleep(1000);
	const exerciseMinutes = (wallS * speed) / 60;
	const ws = recorder.frameTotals();
	const wire = relay.count();
	const perHour = (bytes: number) => (bytes * 60) / exerciseMinutes;
	ctx.figure({
		key: 'hour.kb',
		label: `bytes per participant per exercise hour (CDP: WebSocket both ways + HTTP after load; at ${speed}×)`,
		value: kb(perHour(recorder.totalBytes())),
		unit: 'kB',
		target: { op: '<=', value: 1024 }
	});
	ctx.figure({
		key: 'hour.wire_kb',
		label: 'bytes per participant per exercise hour on the wire (relay)',
		value: kb(perHour(wire.up + wire.down)),
		unit: 'kB',
		target: { op: '<=', value: 1024 }
	});
	ctx.details.hour = {
		speed,
		wallSeconds: round(wallS, 1),
		exerciseMinutes: round(exerciseMinutes, 1),
		ws,
		receivedByEvent: recorder.receivedByEvent(),
		http: summariseRequests(recorder.requestList()),
		wire
	};
	ctx.log(`hour: ${round(exerciseMinutes, 1)} exercise min in ${round(wallS, 1)} s; ${kb(recorder.totalBytes())} kB (wire ${kb(wire.up + wire.down)} kB)`);
	other.disconnect();
	await context.close();
}

await runBench('weak-link', async (ctx) => {
	ensureBuild(ctx);
	const launch = await e2eLaunch();
	if (!existsSync(launch.executablePath)) throw new Error(`no Chromium at ${launch.executablePath} (bash scripts/ensure-chromium.sh installs it)`);
	const server = await startRealServer(ctx);
	const relay = await startCountingRelay(server.port);
	ctx.onCleanup(() => relay.close());
	const controller = await client(server.url);
	ctx.onCleanup(() => controller.disconnect());
	await controller.ok('session:controller', { key: CONTROLLER_KEY, name: 'Bench control' });
	const browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args, timeout: 60_000 });
	ctx.onCleanup(() => browser.close());
	ctx.details.chromium = browser.version();
	ctx.details.profiles = [BROADBAND, BAD_LINK];
	ctx.note(
		`Chromium ${browser.version()}: Network.emulateNetworkConditions adds its latency once per request (not per round trip) and shapes throughput; its packetLoss applies to WebRTC only, so the bad link runs without loss (HTTP and WebSocket are TCP)`
	);
	await loadFigures(ctx, browser, server, relay, controller, launch);
	await resyncFigures(ctx, browser, server, relay, controller, launch);
	await hourFigures(ctx, browser, server, relay, controller, launch);
});
