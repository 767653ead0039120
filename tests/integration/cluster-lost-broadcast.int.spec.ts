/**
 * Found by the chaos test: in a cluster, a client on a process that is not the exercise's owner got its events
 * only from the owner's broadcast over Redis. When that broadcast was lost (Redis restarting, or the process cut
 * off from Redis for a moment), the client never got the event, and nothing told it so: its view carried on with
 * a hole. Now each process hands its clients what its own copy of the log takes in, and a copy that fell behind
 * catches up from the store. Here process B is cut off from Redis while the owner A releases an inject; B's
 * client must still get it, once, and its view must be the log's.
 * Runs when TEST_DATABASE_URL is set and redis-server is installed (CI does both).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsForAudience } from '../../src/lib/engine/exercise/audience';
import { client, CONTROLLER_KEY, freePort, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';
import { tcpProxy, type TcpProxy } from './tcp-proxy';

const pgUrl = process.env.TEST_DATABASE_URL;
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const SCENARIO = 'maritime-trafficking-southern-caribbean';

describe.runIf(pgUrl && hasRedis)('a process cut off from Redis', () => {
	const tmp = tempDir();
	const schema = `lb_${randomBytes(6).toString('hex')}`;
	let redis: ChildProcess;
	let bToRedis: TcpProxy;
	let a: RunningServer;
	let b: RunningServer;
	const sockets: TestClient[] = [];
	const keep = (s: TestClient) => (sockets.push(s), s);

	beforeAll(async () => {
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema}`);
		await admin.end();
		const db = new URL(pgUrl!);
		db.searchParams.set('options', `-c search_path=${schema}`);
		const redisPort = await freePort();
		redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
		await new Promise((r) => setTimeout(r, 300));
		bToRedis = await tcpProxy({ host: '127.0.0.1', port: redisPort });
		const env = { DATABASE_URL: db.toString(), RATE_LIMIT_REQUESTS_PER_10S: '10000' };
		a = await startServer({ dbFile: `${tmp.dir}/unused-a.db`, env: { ...env, REDIS_URL: `redis://127.0.0.1:${redisPort}` } });
		b = await startServer({ dbFile: `${tmp.dir}/unused-b.db`, env: { ...env, REDIS_URL: bToRedis.via(`redis://127.0.0.1:${redisPort}`) } });
	});
	afterAll(async () => {
		for (const s of sockets) s.disconnect();
		await a?.stop('SIGKILL');
		await b?.stop('SIGKILL');
		await bToRedis?.close();
		redis?.kill('SIGKILL');
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await admin.end();
		tmp.cleanup();
	});

	it("still hands its clients the owner's events, once each", async () => {
		const anon = keep(await client(a.url));
		const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
		const controller = keep(await client(a.url, token));
		const { exerciseId, codes } = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Lost broadcast' });
		await controller.ok('exercise:open', { exerciseId });
		await controller.ok('exercise:control', { exerciseId, action: 'start' });

		// A customs officer on B, which learns of the exercise from A's announcement a moment after it was created.
		let customs: TestClient | null = null;
		for (let i = 0; i < 50 && !customs; i++) {
			const joiner = keep(await client(b.url));
			const joined = await joiner.call('session:join', { code: codes.teams['tt-customs'], name: 'Officer' });
			joiner.disconnect();
			if (joined.ok) customs = keep(await client(b.url, joined.data.token));
			else await new Promise((r) => setTimeout(r, 100));
		}
		if (!customs) throw new Error('could not join on B');
		await customs.ok('exercise:open', {});
		await until(() => customs.received.some((e) => e.type === 'exercise.started'), 'the start on B');

		// B loses Redis; A releases an inject to customs. Its broadcast over Redis cannot reach B.
		bToRedis.cut();
		const { seq } = await controller.ok('inject:release', { exerciseId, injectId: 'customs-evidence' });
		const released = () => customs!.received.filter((e) => e.type === 'inject.released' && e.injectId === 'customs-evidence');
		await until(() => released().length > 0, 'the inject reaching the client on B while B is cut off from Redis', 15_000);
		expect(released()[0]!.seq).toBe(seq);

		// Redis back for B: nothing arrives twice, and the client's events are the log as customs may see it.
		bToRedis.restore();
		await controller.ok('inject:release', { exerciseId, injectId: 'customs-ciu-brief' });
		await until(() => customs!.received.some((e) => e.type === 'inject.released' && e.injectId === 'customs-ciu-brief'), 'the next inject on B', 15_000);
		const log = (await controller.ok('exercise:open', { exerciseId })).events;
		const want = eventsForAudience(log, { role: 'participant', team: 'tt-customs' }).map((e) => e.seq);
		expect(customs.received.map((e) => e.seq)).toEqual(want);
		expect(b.output()).not.toContain('unhandled rejection');
	});
});

it.skipIf(pgUrl && hasRedis)('the lost-broadcast test needs TEST_DATABASE_URL and redis-server (CI provides both)', () => {});
