/** Joins this process to the others through Redis: the Socket.IO Redis adapter for broadcasts, leases for exercise ownership. */
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { FORWARD_TIMEOUT_MS, redisOwnership } from './redis-ownership';

export async function joinCluster(io: Server, redisUrl: string, log: (m: string) => void) {
	const pub = createClient({ url: redisUrl });
	const sub = pub.duplicate();
	for (const client of [pub, sub]) client.on('error', (err: Error) => log(`redis: ${err.message}`));
	await Promise.all([pub.connect(), sub.connect()]);
	io.adapter(createAdapter(pub, sub, { requestsTimeout: FORWARD_TIMEOUT_MS }));
	const ownership = redisOwnership(pub as never, io, log);
	log(`cluster: joined through Redis as ${ownership.processId}`);
	return {
		ownership,
		async quit() {
			await Promise.allSettled([pub.quit(), sub.quit()]);
		}
	};
}
