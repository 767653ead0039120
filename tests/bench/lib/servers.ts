/** Server processes for the benchmarks: the real server (via the integration harness) and the bare socket.io baseline. */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { freePort, startServer, tempDir, type RunningServer } from '../../integration/harness';

export { freePort };
import type { BenchContext } from './common';

export const SCENARIO_ID = 'maritime-trafficking-southern-caribbean';
export const TEAM = 'tt-coast-guard';

/**
 * The real server in a child process, with a temporary SQLite database (never
 * DATABASE_URL) and rate limits raised: every benchmark client comes from 127.0.0.1.
 */
export async function startRealServer(ctx: BenchContext, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
	const tmp = tempDir();
	ctx.onCleanup(() => tmp.cleanup());
	const server = await startServer({
		dbFile: path.join(tmp.dir, 'bench.db'),
		env: {
			DATABASE_URL: '',
			RATE_LIMIT_FAILED_JOINS_PER_MINUTE: '1000000',
			RATE_LIMIT_REQUESTS_PER_10S: '1000000',
			...extraEnv
		}
	});
	ctx.onCleanup(async () => {
		const stopped = server.stop();
		const timedOut = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
		if ((await Promise.race([stopped, timedOut])) === 'timeout') server.process.kill('SIGKILL');
	});
	return server;
}

/** Error lines in a server's output (the load test's pattern). */
export function serverErrors(output: string): string[] {
	return output.split('\n').filter((l) => /error in |append failed|heartbeat failed|uncaught|unhandled/i.test(l));
}

export interface BareServer {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

/** The bare baseline in a child process; `env.REDIS_URL` joins it to other bare processes through the Redis adapter. */
export async function startBareServer(
	ctx: BenchContext,
	nodeArgs: string[] = [],
	env: Record<string, string> = {}
): Promise<BareServer & { output: () => string }> {
	const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'tests/bench/bare-server.ts'], {
		stdio: ['pipe', 'pipe', 'pipe'],
		env: { ...process.env, ...env }
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
			child.once('exit', () => {
				clearTimeout(kill);
				resolve();
			});
			child.kill('SIGTERM');
		});
	ctx.onCleanup(stop);
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`bare server did not start:\n${out}`)), 30_000);
		child.stdout!.on('data', () => {
			const m = /bare listening on (\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(Number(m[1]));
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`bare server exited with ${code}:\n${out}`));
		});
	});
	return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop, output: () => out };
}

export const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

/** A throw-away redis-server on a free loopback port (no persistence), stopped at clean-up; resolves with its URL. */
export async function startRedis(ctx: BenchContext): Promise<string> {
	const port = await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	ctx.onCleanup(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
		child.stdout!.on('data', () => {
			if (/Ready to accept connections/i.test(out)) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${out}`)));
	});
	return `redis://127.0.0.1:${port}`;
}

/**
 * A PostgreSQL URL for a fresh schema of its own in the database at `url` (a loopback server only), dropped at
 * clean-up: the servers of one benchmark run share it, nothing else sees it.
 */
export async function freshPostgresSchema(ctx: BenchContext, url: string): Promise<string> {
	const host = new URL(url).hostname;
	if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`refusing PostgreSQL at ${host}: benchmarks only talk to 127.0.0.1`);
	const schema = `bench_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	await admin.end();
	ctx.onCleanup(async () => {
		const c = new pg.Client({ connectionString: url });
		await c.connect();
		await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await c.end();
	});
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	return scoped.toString();
}
