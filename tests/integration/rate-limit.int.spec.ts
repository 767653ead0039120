/** Per-socket request limits and the failed sign-in guard, with clear errors and nothing else affected. */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { client, CONTROLLER_KEY, startServer, tempDir, type RunningServer, type TestClient } from './harness';

const tmp = tempDir();
let server: RunningServer;
const sockets: TestClient[] = [];
const keep = async (p: Promise<TestClient>) => {
	const s = await p;
	sockets.push(s);
	return s;
};
beforeAll(async () => {
	server = await startServer({
		dbFile: path.join(tmp.dir, 'rl.db'),
		env: { RATE_LIMIT_REQUESTS_PER_10S: '20', RATE_LIMIT_FAILED_JOINS_PER_MINUTE: '3' }
	});
});
afterAll(async () => {
	for (const s of sockets) s.disconnect();
	await server?.stop();
	tmp.cleanup();
});

it('answers a socket that floods requests with a rate-limit error, and only that socket', async () => {
	const anon = await keep(client(server.url));
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
	const flooder = await keep(client(server.url, token));
	const calm = await keep(client(server.url, token));
	const replies = await Promise.all(Array.from({ length: 30 }, () => flooder.call('scenario:list', {})));
	expect(replies.filter((r) => r.ok)).toHaveLength(20);
	const refused = replies.filter((r) => !r.ok);
	expect(refused).toHaveLength(10);
	expect(refused[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^rate limit: more than 20 requests in 10 s; try again in \d+ s$/) });
	// Unknown events count too, and other sockets are unaffected.
	expect(await flooder.raw('no:such', {})).toMatchObject({ ok: false, error: expect.stringMatching(/^rate limit/) });
	expect(await calm.call('scenario:list', {})).toMatchObject({ ok: true });
});

it('blocks a client that names no browser after repeated failed sign-ins, even with a correct key', async () => {
	const guesser = await keep(client(server.url));
	for (let i = 0; i < 3; i++)
		expect(await guesser.call('session:join', { code: `WRONG-CODE-${i}`, name: 'x' })).toEqual({
			ok: false,
			error: 'unknown join code: check it with your controller',
			code: 'wrong-code',
			params: {}
		});
	const blocked = await guesser.call('session:controller', { key: CONTROLLER_KEY, name: 'x' });
	expect(blocked).toMatchObject({ ok: false, error: expect.stringMatching(/^too many failed attempts from this browser: try again in \d+ s$/) });
});

it('locks out only the mistyping browser of a room behind one address, and the address only after ten browsers’ worth', async () => {
	// Every socket here comes from 127.0.0.1, like a training room behind one NAT; each browser sends its own id.
	const browser = async (device: string) => keep(client(server.url, undefined, { device }));
	const wrong = (s: TestClient) => s.call('session:join', { code: 'WRONG-CODE-X', name: 'x' });
	const typist = await browser('room-browser-typist');
	for (let i = 0; i < 3; i++) expect(await wrong(typist)).toMatchObject({ ok: false, error: 'unknown join code: check it with your controller' });
	expect(await wrong(typist)).toMatchObject({ ok: false, error: expect.stringMatching(/^too many failed attempts from this browser/) });
	// The rest of the room still gets in.
	const neighbour = await browser('room-browser-neighbour');
	expect(await neighbour.call('session:controller', { key: CONTROLLER_KEY, name: 'Neighbour' })).toMatchObject({ ok: true });

	// Someone rotating browser ids to guess: the address as a whole is stopped after 10 × 3 failures.
	let refusal = '';
	for (let i = 0; i < 12 && !refusal.includes('network'); i++) {
		const rotating = await browser(`rotating-guesser-${i}`);
		for (let j = 0; j < 3; j++) {
			const reply = await wrong(rotating);
			if (!reply.ok) refusal = reply.error;
		}
	}
	expect(refusal).toMatch(/^too many failed attempts from your network: try again in \d+ s$/);
});
