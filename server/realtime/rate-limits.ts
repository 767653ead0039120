/**
 * Rate limits: requests per socket, and failed sign-ins per address (the
 * brute-force guard on join codes and the controller key).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RequestError } from './access';
import type { ClientSocket } from './socket-types';

export interface RateLimits {
	/** Requests one socket may make per 10 seconds. */
	requestsPer10s: number;
	/** Failed join or controller-key attempts one address may make per minute before it is blocked for a minute. */
	failedJoinsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { requestsPer10s: 60, failedJoinsPerMinute: 10 };

/** Counts a socket's requests; answers why it must slow down, or null. */
export function requestLimiter(limits: RateLimits) {
	const limiter = new RateLimiterMemory({ points: limits.requestsPer10s, duration: 10 });
	return async (socketId: string): Promise<string | null> => {
		try {
			await limiter.consume(socketId);
			return null;
		} catch (res) {
			const wait = res instanceof RateLimiterRes ? Math.ceil(res.msBeforeNext / 1000) : 10;
			return `rate limit: more than ${limits.requestsPer10s} requests in 10 s; try again in ${wait} s`;
		}
	};
}

/** Runs a sign-in `attempt` (null: refused with `failure`); too many failures from one address block it for a while. */
export type SignInGuard = <T>(socket: ClientSocket, attempt: () => Promise<T | null>, failure: string) => Promise<T>;

export function signInGuard(limits: RateLimits): SignInGuard {
	const failures = new RateLimiterMemory({ points: limits.failedJoinsPerMinute, duration: 60, blockDuration: 60 });
	return async (socket, attempt, failure) => {
		const address = socket.handshake.address;
		const record = await failures.get(address);
		if (record && record.consumedPoints >= limits.failedJoinsPerMinute)
			throw new RequestError(`too many failed attempts from your address: try again in ${Math.ceil(record.msBeforeNext / 1000)} s`);
		const result = await attempt();
		if (result === null) {
			await failures.consume(address).catch(() => undefined);
			throw new RequestError(failure);
		}
		return result;
	};
}
