/**
 * The baseline for the fan-out benchmark: a bare socket.io server (a plain
 * `new Server(http)`, no rooms, no auth, no store) that broadcasts a stored
 * payload to every connected client when a client asks for it.
 *
 *   node --import tsx tests/bench/bare-server.ts   → prints "bare listening on <port>"
 *   REDIS_URL=redis://127.0.0.1:N node …           → the same, joined to the other bare processes through the
 *                                                    Socket.IO Redis adapter (as the real server's cluster is):
 *                                                    `io.emit` then reaches the clients of every process
 *
 * Client events:
 *   'bench:payload' (payload, ack)  keep `payload` (an `exercise:events` array) to broadcast
 *   'bench:trigger' (marker, ack)   set payload[0].seq = marker, then io.emit('exercise:events', payload)
 *
 * Listens on 127.0.0.1 only. Stops on SIGTERM/SIGINT, when its stdin closes
 * (the parent went away) or after 20 minutes at the latest.
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

const http = createServer((_req, res) => res.writeHead(404).end());
const io = new Server(http);
const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? createClient({ url: redisUrl }) : null;
if (redis) {
	const sub = redis.duplicate();
	await Promise.all([redis.connect(), sub.connect()]);
	io.adapter(createAdapter(redis, sub));
}

let payload: { seq?: number }[] = [];

io.on('connection', (socket) => {
	socket.on('bench:payload', (p: { seq?: number }[], ack?: (r: { ok: true }) => void) => {
		payload = p;
		ack?.({ ok: true });
	});
	socket.on('bench:trigger', (marker: number, ack?: (r: { ok: true }) => void) => {
		if (payload[0]) payload[0].seq = marker;
		io.emit('exercise:events', payload);
		ack?.({ ok: true });
	});
});

const stop = () => {
	io.close();
	void redis?.quit().catch(() => undefined);
	process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
setTimeout(stop, 20 * 60_000).unref();

http.listen(0, '127.0.0.1', () => {
	const address = http.address();
	console.log(`bare listening on ${typeof address === 'object' && address ? address.port : '?'}${redis ? ' (Redis adapter)' : ''}`);
});
