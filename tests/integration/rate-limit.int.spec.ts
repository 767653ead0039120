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

it('blocks an address after repeated failed sign-ins, even with a correct key', async () => {
	const guesser = await keep(client(server.url));
	for (let i = 0; i < 3; i++)
		expect(await guesser.call('session:join', { code: `WRONG-CODE-${i}`, name: 'x' })).toEqual({
			ok: false,
			error: 'unknown join code: check it with your controller'
		});
	const blocked = await guesser.call('session:controller', { key: CONTROLLER_KEY, name: 'x' });
	expect(blocked).toMatchObject({ ok: false, error: expect.stringMatching(/^too many failed attempts from your address: try again in \d+ s$/) });
});
