/**
 * A loopback TCP proxy in front of a service (PostgreSQL, Redis) that a test can cut and restore: `cut()` drops
 * every open connection and refuses new ones (the service looks down to its clients), `restore()` lets connections
 * through again. Used by the storage-fault and chaos tests to make a database unreachable without stopping it.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
	/** The proxy's port on 127.0.0.1. */
	port: number;
	/** Rewrites a connection URL (postgres://…, redis://…) to go through the proxy. */
	via(url: string): string;
	/** Drops open connections and refuses new ones until `restore()`. */
	cut(): void;
	restore(): void;
	readonly isCut: boolean;
	close(): Promise<void>;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
	const open = new Set<Socket>();
	let isCut = false;
	const server: Server = createServer((inbound) => {
		if (isCut) return void inbound.destroy();
		const outbound = connect(target.port, target.host);
		open.add(inbound).add(outbound);
		const drop = () => {
			inbound.destroy();
			outbound.destroy();
			open.delete(inbound);
			open.delete(outbound);
		};
		inbound.on('error', drop).on('close', drop);
		outbound.on('error', drop).on('close', drop);
		inbound.pipe(outbound);
		outbound.pipe(inbound);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	return {
		port,
		via(url) {
			const u = new URL(url);
			u.hostname = '127.0.0.1';
			u.port = String(port);
			return u.toString();
		},
		cut() {
			isCut = true;
			for (const s of open) s.destroy();
			open.clear();
		},
		restore() {
			isCut = false;
		},
		get isCut() {
			return isCut;
		},
		close() {
			for (const s of open) s.destroy();
			return new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
