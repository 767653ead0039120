/** Server processes for the benchmarks: the real server (via the integration harness) and the bare socket.io baseline. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startServer, tempDir, type RunningServer } from '../../integration/harness';
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

export async function startBareServer(ctx: BenchContext, nodeArgs: string[] = []): Promise<BareServer & { output: () => string }> {
	const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'tests/bench/bare-server.ts'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
