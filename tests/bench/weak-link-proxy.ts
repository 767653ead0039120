/**
 * A TCP relay between the browser and the server that counts the bytes that cross it, both ways: HTTP
 * requests and responses as sent (compressed bodies, headers), WebSocket frames as framed on the wire (after
 * permessage-deflate, when it is on). Chromium's own counters (CDP) see WebSocket payloads after
 * decompression, so the relay is the wire figure; the weak-link benchmark reports both.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ByteCount {
	/** Browser → server. */
	up: number;
	/** Server → browser. */
	down: number;
	/** TCP connections opened through the relay. */
	connections: number;
}

export interface CountingRelay {
	/** http://127.0.0.1:<port> of the relay. */
	url: string;
	/** The bytes counted since the relay started or since the last `reset()`. */
	count(): ByteCount;
	reset(): void;
	close(): Promise<void>;
}

/** Starts a relay on a free loopback port forwarding to `targetPort` on 127.0.0.1. */
export function startCountingRelay(targetPort: number): Promise<CountingRelay> {
	let counted: ByteCount = { up: 0, down: 0, connections: 0 };
	const open = new Set<Socket>();
	const server: Server = createServer((browserSide) => {
		counted.connections++;
		const serverSide = connect(targetPort, '127.0.0.1');
		open.add(browserSide);
		open.add(serverSide);
		browserSide.on('data', (chunk) => {
			counted.up += chunk.length;
			serverSide.write(chunk);
		});
		serverSide.on('data', (chunk) => {
			counted.down += chunk.length;
			browserSide.write(chunk);
		});
		const closeBoth = () => {
			browserSide.destroy();
			serverSide.destroy();
			open.delete(browserSide);
			open.delete(serverSide);
		};
		browserSide.on('close', closeBoth);
		serverSide.on('close', closeBoth);
		browserSide.on('error', closeBoth);
		serverSide.on('error', closeBoth);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({
				url: `http://127.0.0.1:${port}`,
				count: () => ({ ...counted }),
				reset: () => {
					counted = { up: 0, down: 0, connections: 0 };
				},
				close: () =>
					new Promise<void>((done) => {
						for (const s of open) s.destroy();
						server.close(() => done());
					})
			});
		});
	});
}
