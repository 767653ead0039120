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
	io.adapter(createAdapter(publishingCaught(pub, log), sub, { requestsTimeout: FORWARD_TIMEOUT_MS }));
	const ownership = redisOwnership(pub as never, io, log);
	log(`cluster: joined through Redis as ${ownership.processId}`);
	return {
		ownership,
		async quit() {
			await Promise.allSettled([pub.quit(), sub.quit()]);
		}
	};
}

/**
 * The Redis client as the adapter sees it, with each publish's failure logged. The adapter publishes without
 * waiting on the reply, so when Redis drops while a publish is on the wire, the client's rejection would be an
 * unhandled one; what is lost is a broadcast to other processes, which they catch up on from the store.
 */
function publishingCaught<C extends { publish: (...args: never[]) => Promise<unknown> }>(client: C, log: (m: string) => void): C {
	return new Proxy(client, {
		get(target, prop) {
			const value: unknown = Reflect.get(target, prop, target);
			if (prop === 'publish')
				return (...args: Parameters<C['publish']>) =>
					target.publish(...args).catch((err: Error) => {
						log(`redis: a broadcast to the other processes was lost (${err.message})`);
						return 0;
					});
			// Methods run on the client itself (it keeps private fields); its class is left as it is.
			return typeof value === 'function' && prop !== 'constructor' ? value.bind(target) : value;
		}
	});
}
