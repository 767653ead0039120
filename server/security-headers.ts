/** Security headers for every HTTP response (the Content-Security-Policy itself comes from SvelteKit's `kit.csp`). */
import type { ServerResponse } from 'node:http';

export function setSecurityHeaders(res: ServerResponse) {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('X-Frame-Options', 'DENY');
	res.setHeader('Referrer-Policy', 'no-referrer');
	res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
	res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
	res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
}
