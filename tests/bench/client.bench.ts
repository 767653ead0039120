/**
 * client: what a browser has to load and draw.
 *
 * 1. First-load JavaScript per route (/, /control, /play, /review, /review/aar),
 *    gzip: SvelteKit's entry (start + app), the route's layout and page nodes
 *    and everything they import statically, from the Vite manifest of the
 *    production build. maplibre-gl is reported on its own (it is loaded with a
 *    dynamic import when a map mounts).
 * 2. The map with 1,000 moving entities: headless Chromium (the e2e launch
 *    flags) on a static page served from 127.0.0.1 with the same sources and
 *    layers as ExerciseMap.svelte; each frame moves every entity, calls
 *    setData on the three sources and waits for the map's 'idle' event.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { mean, percentile, round, runBench, sortedCopy, type BenchContext } from './lib/common';
import { loadBaseScenario } from './lib/replay-log';

const ROUTES = ['/', '/control', '/play', '/review', '/review/aar'];
const TARGET_KB = 150;
const CLIENT_OUT = '.svelte-kit/output/client';
const MANIFEST = `${CLIENT_OUT}/.vite/manifest.json`;
const SERVER_MANIFEST = '.svelte-kit/output/server/manifest-full.js';
const START_ENTRY = 'node_modules/@sveltejs/kit/src/runtime/client/entry.js';
const APP_ENTRY = '.svelte-kit/generated/client-optimized/app.js';
const nodeKey = (i: number) => `.svelte-kit/generated/client-optimized/nodes/${i}.js`;

interface ManifestChunk {
	file: string;
	name?: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}

/** The newest file under `dir` (recursively), for the build-age check. */
function newestFile(dir: string): { file: string; mtimeMs: number } {
	let best = { file: dir, mtimeMs: 0 };
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		const found = entry.isDirectory() ? newestFile(p) : { file: p, mtimeMs: statSync(p).mtimeMs };
		if (found.mtimeMs > best.mtimeMs) best = found;
	}
	return best;
}

/** Route id → node indices (layouts + leaf), from the server manifest SvelteKit writes next to the client build. */
function routeNodes(): Map<string, number[]> {
	const text = readFileSync(SERVER_MANIFEST, 'utf8');
	const out = new Map<string, number[]>();
	const re = /id:\s*"([^"]+)"[\s\S]*?page:\s*\{\s*layouts:\s*\[([^\]]*)\][\s\S]*?leaf:\s*(\d+)/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const layouts = m[2]!
			.split(',')
			.map((s) => s.trim())
			.filter((s) => s !== '' && s !== 'undefined')
			.map(Number);
		out.set(m[1]!, [...layouts, Number(m[3])]);
	}
	return out;
}

function bundleFigures(ctx: BenchContext) {
	if (!existsSync(MANIFEST) || !existsSync('build/handler.js')) {
		ctx.log('no production build found: running `npx vite build`');
		const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', timeout: 600_000 });
		if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.signal})`);
	}
	const builtAt = statSync(MANIFEST).mtimeMs;
	const newest = newestFile('src');
	ctx.details.build = { manifestMtime: new Date(builtAt).toISOString(), newestSource: newest.file, newestSourceMtime: new Date(newest.mtimeMs).toISOString() };
	if (newest.mtimeMs > builtAt) ctx.note(`the build is older than the sources (${newest.file} changed after it): run \`npm run build\` for current sizes`);

	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
	const gz = new Map<string, { raw: number; gzip: number }>();
	const sizeOf = (file: string) => {
		let s = gz.get(file);
		if (!s) {
			const buf = readFileSync(path.join(CLIENT_OUT, file));
			s = { raw: buf.length, gzip: gzipSync(buf).length };
			gz.set(file, s);
		}
		return s;
	};
	const maplibreKeys = Object.keys(manifest).filter((k) => /maplibre-gl/.test(k) || /maplibre/.test(manifest[k]!.name ?? ''));
	const maplibreFiles = new Set(maplibreKeys.map((k) => manifest[k]!.file));
	/** Static import closure of manifest keys (dynamic imports excluded). */
	const closure = (roots: string[]) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key)) return;
			const chunk = manifest[key];
			if (!chunk) throw new Error(`manifest has no entry "${key}"`);
			seen.add(key);
			for (const k of chunk.imports ?? []) visit(k);
		};
		roots.forEach(visit);
		return [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
	};

	const nodes = routeNodes();
	const perRoute: Record<string, unknown> = {};
	for (const route of ROUTES) {
		const indices = nodes.get(route);
		if (!indices) {
			ctx.note(`route ${route} is not in ${SERVER_MANIFEST}`);
			continue;
		}
		const files = closure([START_ENTRY, APP_ENTRY, ...indices.map(nodeKey)]);
		const withoutMap = files.filter((f) => !maplibreFiles.has(f));
		const gzip = withoutMap.reduce((a, f) => a + sizeOf(f).gzip, 0);
		const raw = withoutMap.reduce((a, f) => a + sizeOf(f).raw, 0);
		if (withoutMap.length !== files.length) ctx.note(`${route}: maplibre-gl is in the first-load set (statically imported)`);
		ctx.figure({
			key: `route${route}.first_load_js_gzip_kb`,
			label: `${route} first-load JS, gzip (no maplibre)`,
			value: round(gzip / 1024, 1),
			unit: 'KB',
			target: { op: '<=', value: TARGET_KB }
		});
		perRoute[route] = { nodes: indices, files: withoutMap.map((f) => ({ file: f, ...sizeOf(f) })), gzipBytes: gzip, rawBytes: raw };
	}
	for (const file of maplibreFiles) {
		const s = sizeOf(file);
		ctx.figure({ key: 'maplibre.gzip_kb', label: `maplibre-gl chunk, gzip (dynamic import)`, value: round(s.gzip / 1024, 1), unit: 'KB' });
		ctx.details.maplibre = { file, ...s };
	}
	if (maplibreFiles.size === 0) ctx.note('no maplibre-gl chunk found in the manifest');
	ctx.details.routes = perRoute;
}

/** Launch options of the e2e tests (playwright.config.ts), with the same fallbacks. */
async function e2eLaunch(): Promise<{ executablePath: string; args: string[]; viewport: { width: number; height: number } }> {
	const fallback = {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			'--no-first-run'
		],
		viewport: { width: 1400, height: 900 }
	};
	try {
		const config = (await import('../../playwright.config')).default as {
			use?: { viewport?: { width: number; height: number }; launchOptions?: { executablePath?: string; args?: string[] } };
		};
		return {
			executablePath: config.use?.launchOptions?.executablePath ?? fallback.executablePath,
			args: config.use?.launchOptions?.args ?? fallback.args,
			viewport: config.use?.viewport ?? fallback.viewport
		};
	} catch {
		return fallback;
	}
}

function serveMapPage(): Promise<{ server: Server; url: string }> {
	const files: Record<string, [string, string]> = {
		'/': ['tests/bench/map-page.html', 'text/html; charset=utf-8'],
		'/maplibre-gl.js': ['node_modules/maplibre-gl/dist/maplibre-gl.js', 'text/javascript'],
		'/maplibre-gl.css': ['node_modules/maplibre-gl/dist/maplibre-gl.css', 'text/css'],
		'/basemap/caribbean-countries.geojson': ['static/basemap/caribbean-countries.geojson', 'application/geo+json']
	};
	const server = createServer((req, res) => {
		const hit = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
		if (!hit) return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': hit[1], 'cache-control': 'no-store' }).end(readFileSync(hit[0]));
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const a = server.address();
			resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
		})
	);
}

async function mapFigures(ctx: BenchContext) {
	const count = ctx.quick ? 300 : 1000;
	const frames = ctx.quick ? 15 : 60;
	const warmUp = 5;
	const scenario = loadBaseScenario();
	const launch = await e2eLaunch();
	if (!existsSync(launch.executablePath)) {
		ctx.note(`map skipped: no Chromium at ${launch.executablePath} (npm run test:e2e installs it)`);
		return;
	}
	const { server, url } = await serveMapPage();
	ctx.onCleanup(() => new Promise<void>((r) => server.close(() => r())));
	const browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args, timeout: 60_000 });
	ctx.onCleanup(() => browser.close());
	const page = await browser.newPage({ viewport: launch.viewport });
	// Nothing leaves 127.0.0.1.
	let blocked = 0;
	await page.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.hostname === '127.0.0.1' || u.protocol === 'blob:' || u.protocol === 'data:') return route.continue();
		blocked++;
		return route.abort();
	});
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.setDefaultTimeout(120_000);
	await page.goto(url);
	const info = (await page.evaluate((cfg) => (window as unknown as { bench: { init(c: unknown): Promise<unknown> } }).bench.init(cfg), {
		center: scenario.map.center,
		zoom: scenario.map.zoom
	})) as { renderer: string; version: string };
	ctx.log(`map ready: maplibre ${info.version}, renderer ${info.renderer}`);
	type Frames = { total: number[]; sync: number[]; drawn: number[]; circles: number };
	const run = async (n: number, withLabels: boolean): Promise<Frames> => {
		const frames = page.evaluate((cfg) => (window as unknown as { bench: { frames(c: unknown): Promise<Frames> } }).bench.frames(cfg), {
			frames: n,
			withLabels
		});
		const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('map frames took longer than 5 minutes')), 300_000).unref());
		return Promise.race([frames, timeout]);
	};
	const place = (n: number) =>
		page.evaluate((cfg) => (window as unknown as { bench: { place(c: unknown): void } }).bench.place(cfg), { count: n, center: scenario.map.center, seed: 7 });

	// The floor: the same updates with no entities at all (rendering the basemap, the fade).
	await place(0);
	await run(warmUp, false);
	const floor = await run(ctx.quick ? 5 : 20, false);
	ctx.figure({ key: 'map.empty.frame_mean_ms', label: 'map 0 entities (floor): update→idle mean', value: round(mean(floor.total), 1), unit: 'ms' });
	ctx.details.map_empty = { totalMs: floor.total.map((t) => round(t, 1)), drawnMs: floor.drawn.map((t) => round(t, 1)) };

	await place(count);
	for (const withLabels of [false, true]) {
		await run(warmUp, withLabels);
		const r = await run(frames, withLabels);
		const total = sortedCopy(r.total);
		const drawn = sortedCopy(r.drawn);
		const variant = withLabels ? 'with_labels' : 'layers';
		const label = `map ${count} entities${withLabels ? ' + labels' : ''}`;
		ctx.figure({ key: `map.${variant}.frame_mean_ms`, label: `${label}: update→idle mean`, value: round(mean(r.total), 1), unit: 'ms' });
		ctx.figure({ key: `map.${variant}.frame_p95_ms`, label: `${label}: update→idle p95`, value: round(percentile(total, 95), 1), unit: 'ms' });
		ctx.figure({ key: `map.${variant}.drawn_mean_ms`, label: `${label}: update→drawn mean`, value: round(mean(r.drawn), 1), unit: 'ms' });
		ctx.figure({ key: `map.${variant}.drawn_p95_ms`, label: `${label}: update→drawn p95`, value: round(percentile(drawn, 95), 1), unit: 'ms' });
		ctx.figure({ key: `map.${variant}.sync_mean_ms`, label: `${label}: main-thread JS (build+setData) mean`, value: round(mean(r.sync), 1), unit: 'ms' });
		ctx.details[`map_${variant}`] = {
			frames,
			entities: count,
			circlesDrawn: r.circles,
			totalMs: r.total.map((t) => round(t, 1)),
			drawnMs: r.drawn.map((t) => round(t, 1)),
			syncMs: r.sync.map((t) => round(t, 1))
		};
		ctx.log(
			`${label}: idle mean ${mean(r.total).toFixed(1)} ms, p95 ${percentile(total, 95).toFixed(1)} ms; drawn mean ${mean(r.drawn).toFixed(1)} ms (${r.circles} circles drawn)`
		);
		if (r.circles < count * 0.5) ctx.note(`${label}: only ${r.circles} circles rendered in view`);
	}
	ctx.details.map = {
		renderer: info.renderer,
		maplibre: info.version,
		chromium: browser.version(),
		viewport: launch.viewport,
		args: launch.args,
		blockedRequests: blocked,
		pageErrors: errors
	};
	ctx.note(`map: Chromium ${browser.version()} headless, ${launch.args.join(' ')}; WebGL renderer: ${info.renderer}`);
	ctx.note(
		"map: 'idle' includes MapLibre's default 300 ms tile fade (fadeDuration, which ExerciseMap keeps); 'drawn' is the first frame showing the new positions"
	);
	if (blocked > 0) ctx.note(`map page tried ${blocked} request(s) outside 127.0.0.1 (blocked)`);
	if (errors.length > 0) ctx.note(`map page errors: ${errors.slice(0, 3).join(' | ')}`);
}

await runBench('client', async (ctx) => {
	bundleFigures(ctx);
	await mapFigures(ctx);
});
