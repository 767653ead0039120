/**
 * A child process holding some of the fan-out benchmark's clients, so that decoding N payloads is spread over
 * more than one Node process (the benchmark's own process would otherwise decode all of them on one core).
 * Driven by its parent over the IPC channel (`fork`); it stops when the parent goes away.
 *
 * Parent → child:
 *   { type: 'join', id, mode: 'real' | 'bare', urls, code?, first, count, batch }
 *       connect clients first … first+count−1, client i to urls[i % urls.length]: a participant joining with
 *       `code` (real) or a plain socket (bare); replies { type: 'joined', id, seconds } or { type: 'failed', id, error }
 *   { type: 'flush', key }   report what arrived for `key` so far (after a timeout)
 *   { type: 'leave', id }    disconnect every client; replies { type: 'left', id }
 * Child → parent:
 *   { type: 'arrivals', key, times }   when each of its clients has `key` (or on flush): arrival times, epoch ms
 *       (performance.timeOrigin + performance.now(), the parent's clock too), NaN where none arrived
 *
 * The key of an arrival: the released inject's id (real server) or the broadcast's marker, `seq` of its first event (bare).
 */
import type { Socket } from 'socket.io-client';
import type { DomainEvent } from '../../../src/lib/engine/exercise/events';
import { connect, disconnectAll, inBatches, participant } from './sockets';

export type WorkerRequest =
	| { type: 'join'; id: number; mode: 'real' | 'bare'; urls: string[]; code?: string; first: number; count: number; batch: number }
	| { type: 'flush'; key: string }
	| { type: 'leave'; id: number };
export type WorkerReply =
	| { type: 'joined'; id: number; seconds: number }
	| { type: 'failed'; id: number; error: string }
	| { type: 'left'; id: number }
	| { type: 'arrivals'; key: string; times: number[] };

const now = () => performance.timeOrigin + performance.now();
const send = (reply: WorkerReply) => process.send?.(reply);

let clients: Socket[] = [];
const arrivals = new Map<string, { times: Float64Array; count: number }>();

function arrived(key: string, i: number, t: number) {
	let entry = arrivals.get(key);
	if (!entry) arrivals.set(key, (entry = { times: new Float64Array(clients.length).fill(NaN), count: 0 }));
	if (!Number.isNaN(entry.times[i]!)) return;
	entry.times[i] = t;
	if (++entry.count === entry.times.length) report(key);
}

function report(key: string) {
	const entry = arrivals.get(key);
	arrivals.delete(key);
	send({ type: 'arrivals', key, times: entry ? [...entry.times] : new Array<number>(clients.length).fill(NaN) });
}

/** A participant on a process that may not know the exercise yet (a second process learns of it from the first): retried. */
async function joinWithRetry(url: string, code: string, name: string, listen: (s: Socket) => void): Promise<Socket> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await participant(url, code, name, listen);
		} catch (err) {
			if (attempt >= 30) throw err;
			await new Promise((r) => setTimeout(r, 200));
		}
	}
}

async function join(req: Extract<WorkerRequest, { type: 'join' }>) {
	const t = performance.now();
	arrivals.clear();
	// Listeners index into `clients`; its length is the number of clients while they connect.
	clients = new Array<Socket>(req.count);
	const made = await inBatches(req.count, req.batch, async (k) => {
		const i = req.first + k;
		const url = req.urls[i % req.urls.length]!;
		if (req.mode === 'bare') {
			const s = await connect(url);
			s.on('exercise:events', (events: { seq: number }[]) => arrived(String(events[0]!.seq), k, now()));
			return s;
		}
		return joinWithRetry(url, req.code!, `bench-${i}`, (s) =>
			s.on('exercise:events', (events: DomainEvent[]) => {
				const at = now();
				for (const e of events) if (e.type === 'inject.released') arrived(e.injectId, k, at);
			})
		);
	});
	clients = made;
	return (performance.now() - t) / 1000;
}

process.on('message', (req: WorkerRequest) => {
	if (req.type === 'join')
		join(req).then(
			(seconds) => send({ type: 'joined', id: req.id, seconds }),
			(err: Error) => send({ type: 'failed', id: req.id, error: err.message })
		);
	else if (req.type === 'flush') report(req.key);
	else if (req.type === 'leave')
		void disconnectAll(clients).then(() => {
			clients = [];
			send({ type: 'left', id: req.id });
		});
});
process.on('disconnect', () => process.exit(0));
