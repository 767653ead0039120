/**
 * Runs the benchmarks one after the other, each in its own process, then
 * prints one table of every figure. Results: bench/results/<name>.json.
 *
 *   npm run bench                        # = node --import tsx tests/bench/run.ts
 *   BENCH_ONLY=fanout,replay npm run bench
 *   BENCH_QUICK=1 npm run bench          # smaller sizes, a smoke run
 *
 * Exits 0 even when targets are missed (they are printed as "TARGET MISSED");
 * non-zero only when a benchmark crashed, timed out or an unknown name was asked for.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { formatTable, machineInfo, QUICK, RESULTS_DIR, type BenchResult } from './lib/common';

/** Name → hard time limit (s) for a full run. Order is the run order. */
const BENCHES: Record<string, number> = {
	fanout: 900, // 100–2,000 clients on one process, then 4,000 on two (PostgreSQL + Redis)
	append: 120,
	replay: 600, // generating the 100,000-event log takes 1–4 minutes on 2 cores under load
	memory: 300,
	client: 900, // may have to run `vite build` first
	zones: 120,
	dryrun: 120,
	'weak-link': 480 // Chromium on emulated slow links against the built app: loads, an outage, an exercise hour at 60×
};

const only = (process.env.BENCH_ONLY ?? '')
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
const unknown = only.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
	console.error(`BENCH_ONLY: unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
	process.exit(2);
}
const selected = Object.keys(BENCHES).filter((n) => only.length === 0 || only.includes(n));

let current: ReturnType<typeof spawn> | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		// The benchmark cleans up its servers and browser on SIGTERM; its process group goes after that.
		if (current?.pid) {
			try {
				process.kill(-current.pid, 'SIGTERM');
			} catch {
				/* already gone */
			}
			setTimeout(() => {
				try {
					process.kill(-current!.pid!, 'SIGKILL');
				} catch {
					/* already gone */
				}
				process.exit(130);
			}, 10_000).unref();
		} else process.exit(130);
	});

function runOne(name: string, limitS: number): Promise<{ code: number | null; timedOut: boolean; seconds: number }> {
	const start = performance.now();
	return new Promise((resolve) => {
		// Its own process group, so a hung benchmark can be stopped with everything it started.
		const child = spawn(process.execPath, ['--import', 'tsx', `tests/bench/${name}.bench.ts`], { stdio: 'inherit', detached: true });
		current = child;
		let timedOut = false;
		const stopGroup = (signal: NodeJS.Signals) => {
			try {
				process.kill(-child.pid!, signal);
			} catch {
				/* already gone */
			}
		};
		const timer = setTimeout(() => {
			timedOut = true;
			console.error(`\n[bench] ${name}: time limit of ${limitS} s reached; stopping it`);
			stopGroup('SIGTERM');
			setTimeout(() => stopGroup('SIGKILL'), 15_000).unref();
		}, limitS * 1000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			current = null;
			// Whatever the benchmark started (servers, Chromium) goes with it.
			stopGroup('SIGKILL');
			resolve({ code, timedOut, seconds: (performance.now() - start) / 1000 });
		});
	});
}

const m = machineInfo();
console.log(`Crosscurrent benchmarks${QUICK ? ' (BENCH_QUICK: smaller sizes)' : ''}: ${selected.join(', ')}`);
console.log(`node ${m.node}, ${m.cpuCount} × ${m.cpuModel}, ${(m.totalMemoryMB / 1024).toFixed(1)} GB RAM, ${m.platform}, kernel ${m.kernel}\n`);

const started = performance.now();
const results: BenchResult[] = [];
const crashed: string[] = [];
for (const name of selected) {
	console.log(`\n======== ${name} ========`);
	const file = path.join(RESULTS_DIR, `${name}.json`);
	// A stale file from an earlier run must not pass for this run's result.
	if (existsSync(file)) unlinkSync(file);
	const limit = QUICK ? Math.max(120, Math.round(BENCHES[name]! / 2)) : BENCHES[name]!;
	const r = await runOne(name, limit);
	const result = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult) : null;
	if (result) results.push(result);
	if (r.code !== 0 || r.timedOut || !result) {
		crashed.push(`${name} (${r.timedOut ? `timed out after ${limit} s` : `exit ${r.code ?? 'signal'}`}${result ? '' : ', no result file'})`);
	}
}

const totalS = (performance.now() - started) / 1000;
console.log(`\n================ Crosscurrent benchmark summary${QUICK ? ' (BENCH_QUICK)' : ''} ================`);
console.log(formatTable(results.flatMap((r) => r.figures.map((figure, i) => ({ bench: i === 0 ? r.name : '', figure })))));
const missed = results.flatMap((r) => r.figures.filter((f) => f.met === false).map((f) => `${r.name}: ${f.label}`));
console.log('');
for (const line of missed) console.log(`target missed: ${line}`);
if (missed.length === 0 && results.some((r) => r.figures.some((f) => f.target))) console.log('all targets met');
for (const c of crashed) console.log(`CRASHED: ${c}`);
console.log(`total ${totalS.toFixed(0)} s; results in ${path.relative(process.cwd(), RESULTS_DIR)}/`);
process.exit(crashed.length > 0 ? 1 : 0);
