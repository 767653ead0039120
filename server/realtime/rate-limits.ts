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
	return async (socketId: string): Promise<RequestError | null> => {
		try {
			await limiter.consume(socketId);
			return null;
		} catch (res) {
			const wait = res instanceof RateLimiterRes ? Math.ceil(res.msBeforeNext / 1000) : 10;
			return new RequestError('rate-limited', `rate limit: more than ${limits.requestsPer10s} requests in 10 s; try again in ${wait} s`, { seconds: wait });
		}
	};
}

/** Runs a sign-in `attempt` (null: refused with `failure`); too many failures block the browser, or the whole address, for a while. */
export type SignInGuard = <T>(socket: ClientSocket, attempt: () => Promise<T | null>, failure: RequestError) => Promise<T>;

/**
 * How many more failures a whole address may make than one browser: a training room behind one NAT address
 * shares it, so one participant's typos must not lock the others out. Guessing stays hopeless: a code has 59 bits.
 */
export const ADDRESS_FAILURES_PER_BROWSER = 10;

/** The id a browser sends in its handshake (`auth.device`, random, kept in its storage), if it is a well-formed one. */
function deviceOf(socket: ClientSocket): string | null {
	const device: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.device;
	return typeof device === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(device) ? device : null;
}

export function signInGuard(limits: RateLimits): SignInGuard {
	const perBrowser = limits.failedJoinsPerMinute;
	const perAddress = limits.failedJoinsPerMinute * ADDRESS_FAILURES_PER_BROWSER;
	const browsers = new RateLimiterMemory({ keyPrefix: 'browser', points: perBrowser, duration: 60, blockDuration: 60 });
	const addresses = new RateLimiterMemory({ keyPrefix: 'address', points: perAddress, duration: 60, blockDuration: 60 });
	const blockedFor = async (limiter: RateLimiterMemory, key: string, points: number): Promise<number | null> => {
		const record = await limiter.get(key);
		return record && record.consumedPoints >= points ? Math.ceil(record.msBeforeNext / 1000) : null;
	};
	return async (socket, attempt, failure) => {
		const address = socket.handshake.address;
		// A client that names no browser is counted by its address alone, at the strict limit.
		const device = deviceOf(socket);
		const browser = device ? `${address}/${device}` : address;
		const browserWait = await blockedFor(browsers, browser, perBrowser);
		if (browserWait !== null)
			throw new RequestError('locked-browser', `too many failed attempts from this browser: try again in ${browserWait} s`, { seconds: browserWait });
		const addressWait = await blockedFor(addresses, address, perAddress);
		if (addressWait !== null)
			throw new RequestError('locked-network', `too many failed attempts from your network: try again in ${addressWait} s`, { seconds: addressWait });
		const result = await attempt();
		if (result === null) {
			await Promise.all([browsers.consume(browser), addresses.consume(address)].map((p) => p.catch(() => undefined)));
			throw failure;
		}
		return result;
	};
}
