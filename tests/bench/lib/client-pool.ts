/**
 * The fan-out benchmark's clients, spread over a few child processes (lib/client-worker.ts): each holds a share of
 * the clients and reports when all of its clients have a given broadcast. Arrival and send times are epoch ms
 * (performance.timeOrigin + performance.now()) so the parent can compare them with its own send time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { WorkerReply, WorkerRequest } from './client-worker';
import type { BenchContext } from './common';

export const epochNow = () => performance.timeOrigin + performance.now();

export interface ClientPool {
	readonly processes: number;
	/** Connects `n` clients (client i to urls[i % urls.length]), spread evenly over the processes; resolves with the seconds it took. */
	join(opts: { mode: 'real' | 'bare'; urls: string[]; code?: string; n: number; batch: number }): Promise<number>;
	/**
	 * Calls `send`, then waits until every client has `key` (or `timeoutMs`): the arrival times of all clients
	 * (NaN: none), epoch ms. `send` returns its send time, epoch ms.
	 */
	collect(key: string, timeoutMs: number, send: () => number): Promise<{ sendT: number; times: number[] }>;
	leave(): Promise<void>;
}

export async function startClientPool(ctx: BenchContext, processes: number): Promise<ClientPool> {
	const children: ChildProcess[] = [];
	const waiting = new Map<string, (reply: WorkerReply, from: number) => void>();
	let nextId = 1;
	for (let w = 0; w < processes; w++) {
		// A larger old generation: a child may hold 2,000 socket.io clients.
		const child = fork('tests/bench/lib/client-worker.ts', [], {
			execArgv: ['--import', 'tsx', '--max-old-space-size=2048'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		child.on('message', (reply: WorkerReply) => {
			const key = reply.type === 'arrivals' ? `arrivals:${reply.key}` : `${reply.type === 'failed' ? 'joined' : reply.type}:${reply.id}`;
			waiting.get(key)?.(reply, w);
		});
		children.push(child);
		ctx.onCleanup(() => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		});
	}
	const ask = (w: number, req: WorkerRequest) => children[w]!.send(req);
	/** Sends `req(w)` to every process and waits for one reply from each under `key`. */
	const everyone = <R extends WorkerReply>(key: string, req: (w: number) => WorkerRequest | null): Promise<R[]> =>
		new Promise((resolve) => {
			const replies: R[] = [];
			waiting.set(key, (reply) => {
				replies.push(reply as R);
				if (replies.length === children.length) {
					waiting.delete(key);
					resolve(replies);
				}
			});
			for (let w = 0; w < children.length; w++) {
				const r = req(w);
				if (r) ask(w, r);
			}
		});
	let shares: number[] = [];

	return {
		processes,
		async join({ mode, urls, code, n, batch }) {
			const t = performance.now();
			const id = nextId++;
			const per = Math.ceil(n / processes);
			shares = children.map((_, w) => Math.max(0, Math.min(per, n - w * per)));
			// Each process joins in batches of its share of `batch`, so at most `batch` joins are in flight overall.
			const replies = await everyone<Extract<WorkerReply, { type: 'joined' | 'failed' }>>(`joined:${id}`, (w) => ({
				type: 'join',
				id,
				mode,
				urls,
				code,
				first: w * per,
				count: shares[w]!,
				batch: Math.max(1, Math.round(batch / processes))
			}));
			const failed = replies.find((r) => r.type === 'failed');
			if (failed && failed.type === 'failed') throw new Error(`a client process could not join: ${failed.error}`);
			return (performance.now() - t) / 1000;
		},
		async collect(key, timeoutMs, send) {
			// A process without clients has nothing to wait for.
			const byProcess = new Map<number, number[]>(shares.flatMap((share, w) => (share === 0 ? [[w, []] as [number, number[]]] : [])));
			let sendT = 0;
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					// Ask the processes still waiting for what they have.
					for (let w = 0; w < children.length; w++) if (!byProcess.has(w)) ask(w, { type: 'flush', key });
				}, timeoutMs);
				waiting.set(`arrivals:${key}`, (reply, w) => {
					if (reply.type !== 'arrivals' || byProcess.has(w)) return;
					byProcess.set(w, reply.times);
					if (byProcess.size === children.length) {
						clearTimeout(timer);
						waiting.delete(`arrivals:${key}`);
						resolve();
					}
				});
				sendT = send();
			});
			return { sendT, times: children.flatMap((_, w) => byProcess.get(w)!) };
		},
		async leave() {
			const id = nextId++;
			await everyone(`left:${id}`, () => ({ type: 'leave', id }));
		}
	};
}
