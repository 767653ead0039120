/** Starts the real server as a child process and connects real socket.io clients to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import type { Ack, ClientEventName, Payload, Replies } from '../../src/lib/realtime/contract';

export const CONTROLLER_KEY = 'test-controller-key';

/**
 * Node flags the server runs with in production, read from `npm run serve` so tests and
 * benchmarks run it the same way (e.g. a 1 MB young-generation semi-space: see the memory benchmark).
 */
export const SERVER_NODE_FLAGS: string[] = (() => {
	const serve: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.serve;
	const m = /^node\s+(.*?)\s*--import tsx server\/index\.ts$/.exec(serve);
	if (!m) throw new Error(`unexpected "serve" script: ${serve}`);
	return m[1].split(/\s+/).filter(Boolean);
})();

/** A loopback port nobody listens on at the moment of asking (for a server a test starts, stops and starts again). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

// A failing test must not leave servers behind.
const children = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of children) child.kill('SIGKILL');
});

export interface RunningServer {
	url: string;
	port: number;
	process: ChildProcess;
	output: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export function tempDir(): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(path.join(tmpdir(), 'crosscurrent-'));
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(opts: { dbFile: string; port?: number; scenariosDir?: string; env?: Record<string, string> }): Promise<RunningServer> {
	const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/index.ts'], {
		env: {
			...process.env,
			PORT: String(opts.port ?? 0),
			HOST: '127.0.0.1',
			DATABASE_FILE: opts.dbFile,
			CONTROLLER_KEY,
			SCENARIOS_DIR: opts.scenariosDir ?? 'scenarios',
			...opts.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	child.once('exit', () => children.delete(child));
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
		const check = () => {
			const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(Number(m[1]));
			}
		};
		child.stdout!.on('data', check);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${out}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		process: child,
		output: () => out,
		stop: (signal = 'SIGTERM') =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}

export type TestClient = Socket & {
	received: DomainEvent[];
	call<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Ack<Replies[E]>>;
	ok<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Replies[E]>;
	raw(event: string, payload: unknown): Promise<Ack<unknown>>;
};

/** `auth` adds handshake fields beside the token (e.g. the browser id `device` a real browser sends). */
export async function client(url: string, token?: string, auth: Record<string, string> = {}): Promise<TestClient> {
	const socket = io(url, { auth: { ...auth, ...(token ? { token } : {}) }, forceNew: true, transports: ['websocket'], reconnectionDelay: 100 }) as TestClient;
	socket.received = [];
	socket.on('exercise:events', (events: DomainEvent[]) => socket.received.push(...events));
	socket.raw = (event, payload) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<unknown>>;
	socket.call = (event, payload) => socket.raw(event, payload) as never;
	socket.ok = async (event, payload) => {
		const reply = await socket.call(event, payload);
		if (!reply.ok) throw new Error(`${event} refused: ${reply.error}`);
		if (event === 'exercise:open') {
			// Keep `received` as the session's whole log, like the browser's view does.
			const last = socket.received.at(-1)?.seq ?? 0;
			socket.received.push(...(reply.data as Replies['exercise:open']).events.filter((e) => e.seq > last));
		}
		return reply.data;
	};
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

/** Waits until `predicate` holds, polling; fails with `what` after the timeout. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const start = Date.now();
	while (!predicate()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}
