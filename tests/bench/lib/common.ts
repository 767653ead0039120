/**
 * Shared pieces of the benchmarks: figures with optional targets, percentiles,
 * machine information, the result file (bench/results/<name>.json) and the
 * printed table. Each benchmark is a standalone script run by tests/bench/run.ts;
 * `runBench` wraps it so that a missed target never fails it, only a crash does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
export const RESULTS_DIR = path.resolve('bench/results');

export interface Target {
	op: '<=' | '>=';
	value: number;
}

export interface Figure {
	/** Stable machine key, e.g. "n1000.real.p99_ms". */
	key: string;
	/** Human label for the table. */
	label: string;
	value: number | null;
	unit: string;
	target?: Target;
	/** Set when a target is given and the value is known. */
	met?: boolean;
}

export interface BenchResult {
	name: string;
	quick: boolean;
	date: string;
	durationS: number;
	machine: MachineInfo;
	figures: Figure[];
	notes: string[];
	/** Anything else worth keeping (raw samples, sizes, configuration). */
	details: Record<string, unknown>;
}

export interface MachineInfo {
	node: string;
	platform: string;
	kernel: string;
	cpuModel: string;
	cpuCount: number;
	totalMemoryMB: number;
	hostname: string;
}

export function machineInfo(): MachineInfo {
	const cpus = os.cpus();
	return {
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		kernel: os.release(),
		cpuModel: cpus[0]?.model ?? 'unknown',
		cpuCount: cpus.length,
		totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
		hostname: os.hostname()
	};
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i]!;
}

export function sortedCopy(values: Iterable<number>): number[] {
	return [...values].sort((a, b) => a - b);
}

export function mean(values: readonly number[]): number {
	return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number {
	return percentile(sortedCopy(values), 50);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function round(n: number, digits = 1): number {
	const f = 10 ** digits;
	return Math.round(n * f) / f;
}

/** VmRSS of a process in kB, or null if it cannot be read. */
export function readRssKb(pid: number): number | null {
	try {
		const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : null;
	} catch {
		return null;
	}
}

/** Filesystem type and device of the folder (df -T), for the append figures. */
export function filesystemOf(dir: string): string {
	try {
		const lines = execFileSync('df', ['-T', dir], { encoding: 'utf8' }).trim().split('\n');
		const cols = lines.at(-1)!.split(/\s+/);
		return `${cols[1]} on ${cols[0]} (mounted at ${cols.at(-1)})`;
	} catch {
		return 'unknown';
	}
}

export function log(name: string, message: string) {
	const t = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6);
	console.log(`[bench ${name} ${t} s] ${message}`);
}
const startedAt = performance.now();

export function checkTarget(f: Figure): Figure {
	if (f.target && f.value !== null && Number.isFinite(f.value)) f.met = f.target.op === '<=' ? f.value <= f.target.value : f.value >= f.target.value;
	return f;
}

function fmtValue(v: number | null): string {
	if (v === null || !Number.isFinite(v)) return 'n/a';
	const abs = Math.abs(v);
	if (abs >= 1000) return Math.round(v).toLocaleString('en-US');
	if (abs >= 100) return v.toFixed(0);
	if (abs >= 10) return v.toFixed(1);
	return v.toFixed(2);
}

export function statusOf(f: Figure): string {
	if (!f.target) return '';
	if (f.met === undefined) return 'n/a';
	return f.met ? 'ok' : 'TARGET MISSED';
}

/** A plain-text table of figures (used by each benchmark and by the runner's summary). */
export function formatTable(rows: { bench?: string; figure: Figure }[]): string {
	const header = ['benchmark', 'figure', 'value', 'unit', 'target', 'status'];
	const body = rows.map(({ bench, figure: f }) => [
		bench ?? '',
		f.label,
		fmtValue(f.value),
		f.unit,
		f.target ? `${f.target.op} ${fmtValue(f.target.value)}` : '',
		statusOf(f)
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export interface BenchContext {
	name: string;
	quick: boolean;
	figure(f: Omit<Figure, 'met'>): Figure;
	note(message: string): void;
	details: Record<string, unknown>;
	log(message: string): void;
	/** Registered clean-up, run on success, failure and SIGTERM/SIGINT (children, temp dirs). */
	onCleanup(fn: () => unknown): void;
}

/**
 * Runs one benchmark: collects figures, writes bench/results/<name>.json, prints
 * its table and exits 0 (even with missed targets); exits 1 only if it threw.
 */
export async function runBench(name: string, body: (ctx: BenchContext) => Promise<void>): Promise<never> {
	const t0 = performance.now();
	const figures: Figure[] = [];
	const notes: string[] = [];
	const details: Record<string, unknown> = {};
	const cleanups: (() => unknown)[] = [];
	const cleanup = async () => {
		while (cleanups.length > 0) {
			const fn = cleanups.pop()!;
			try {
				await fn();
			} catch (err) {
				console.error(`[bench ${name}] clean-up failed: ${(err as Error).message}`);
			}
		}
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => {
			console.error(`[bench ${name}] ${signal}: stopping`);
			void cleanup().finally(() => process.exit(1));
		});
	const ctx: BenchContext = {
		name,
		quick: QUICK,
		figure: (f) => {
			const fig = checkTarget({ ...f });
			figures.push(fig);
			return fig;
		},
		note: (m) => {
			notes.push(m);
			log(name, `note: ${m}`);
		},
		details,
		log: (m) => log(name, m),
		onCleanup: (fn) => cleanups.push(fn)
	};
	let crashed: unknown = null;
	try {
		await body(ctx);
	} catch (err) {
		crashed = err;
	}
	await cleanup();
	const result: BenchResult = {
		name,
		quick: QUICK,
		date: new Date().toISOString(),
		durationS: round((performance.now() - t0) / 1000, 1),
		machine: machineInfo(),
		figures,
		notes: crashed ? [...notes, `CRASHED: ${(crashed as Error).stack ?? crashed}`] : notes,
		details
	};
	mkdirSync(RESULTS_DIR, { recursive: true });
	writeFileSync(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(result, null, '\t') + '\n');
	console.log(`\n${name}: ${result.durationS} s${QUICK ? ' (BENCH_QUICK)' : ''}`);
	if (figures.length > 0) console.log(formatTable(figures.map((figure) => ({ figure }))));
	for (const n of result.notes) console.log(`  note: ${n}`);
	const missed = figures.filter((f) => f.met === false);
	for (const f of missed) console.log(`  target missed: ${f.label} = ${fmtValue(f.value)} ${f.unit} (target ${f.target!.op} ${f.target!.value})`);
	if (crashed) {
		console.error(`\n[bench ${name}] CRASHED: ${(crashed as Error).stack ?? crashed}`);
		process.exit(1);
	}
	process.exit(0);
}
