/**
 * Sessions and join codes. A session token is an HMAC-signed claim binding a
 * browser to one role (and, for teams, one exercise and team). The signing
 * secret persists in the store so sessions survive a server restart.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Session } from '../src/lib/realtime/contract';
import type { EventStore } from './event-store';

// No 0/O, 1/I/L: codes are read aloud and typed from slides.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code like "K7QM-4XTZ-P9RD": 12 symbols of 31 ≈ 59 bits. */
export function newJoinCode(): string {
	const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
	return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/** Accepts codes typed in lower case, with spaces or without dashes. */
export function normalizeJoinCode(input: string): string {
	const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
	return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** A random id for one sign-in: a controller names a browser to remove by it. */
export const newSessionId = (): string => randomBytes(12).toString('base64url');

/** How long a seat stays valid without joining again (covers multi-day exercises). */
export const SESSION_TTL_MS = 14 * 24 * 3600_000;

export class SessionSigner {
	constructor(private secret: Buffer) {}

	static async fromStore(store: EventStore, envSecret?: string): Promise<SessionSigner> {
		if (envSecret) return new SessionSigner(Buffer.from(envSecret));
		let secret = await store.getSetting('session_secret');
		if (!secret) {
			secret = randomBytes(32).toString('hex');
			await store.setSetting('session_secret', secret);
		}
		return new SessionSigner(Buffer.from(secret, 'hex'));
	}

	private mac(payload: string) {
		return createHmac('sha256', this.secret).update(payload).digest();
	}

	/**
	 * The fingerprint of a join code that a session joined with: keyed by the server's secret, so the log can name a
	 * retired code (to sign out its holders) without holding anything that leads back to the code.
	 */
	codeTag(code: string): string {
		return createHmac('sha256', this.secret).update(`join-code:${code}`).digest('base64url').slice(0, 22);
	}

	sign(session: Session, now: number): string {
		const payload = b64(JSON.stringify({ session, iat: now }));
		return `${payload}.${b64(this.mac(payload))}`;
	}

	verify(token: unknown, now: number): Session | null {
		if (typeof token !== 'string' || token.length > 2048) return null;
		const [payload, mac] = token.split('.');
		if (!payload || !mac) return null;
		const expected = this.mac(payload);
		const given = Buffer.from(mac, 'base64url');
		if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
		try {
			const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { session: Session; iat: number };
			if (typeof claim.iat !== 'number' || now - claim.iat > SESSION_TTL_MS) return null;
			// Signed before sessions had an id: one derived from the token, so that this browser too can be removed.
			if (typeof claim.session.sid !== 'string') claim.session.sid = `t-${createHash('sha256').update(payload).digest('base64url').slice(0, 16)}`;
			return claim.session;
		} catch {
			return null;
		}
	}
}

export function keysMatch(given: string, expected: string): boolean {
	const a = createHmac('sha256', 'cmp').update(given).digest();
	const b = createHmac('sha256', 'cmp').update(expected).digest();
	return timingSafeEqual(a, b);
}
