/**
 * Cluster test: two server processes joined by Redis over one PostgreSQL
 * store. The controller and team 1 use process A, team 2 and the evaluator
 * process B; play goes through decisions on both; A is killed; its clients
 * reconnect to B, which takes the exercise over from the log with nothing lost.
 * Runs when TEST_DATABASE_URL is set and redis-server is installed (CI does both).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { client, CONTROLLER_KEY, freePort, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const pgUrl = process.env.TEST_DATABASE_URL;
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const SCENARIO = 'maritime-trafficking-southern-caribbean';

describe.runIf(pgUrl && hasRedis)('two server processes, Redis and PostgreSQL', () => {
	const tmp = tempDir();
	const schema = `c_${randomBytes(6).toString('hex')}`;
	let redis: ChildProcess;
	let env: Record<string, string>;
	let a: RunningServer;
	let b: RunningServer;
	const sockets: TestClient[] = [];
	const keep = (s: TestClient) => (sockets.push(s), s);

	beforeAll(async () => {
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema}`);
		await admin.end();
		const url = new URL(pgUrl!);
		url.searchParams.set('options', `-c search_path=${schema}`);
		const redisPort = await freePort();
		redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
		await new Promise((r) => setTimeout(r, 300));
		env = { DATABASE_URL: url.toString(), REDIS_URL: `redis://127.0.0.1:${redisPort}`, RATE_LIMIT_REQUESTS_PER_10S: '10000' };
		a = await startServer({ dbFile: `${tmp.dir}/unused-a.db`, env });
		b = await startServer({ dbFile: `${tmp.dir}/unused-b.db`, env });
	});
	afterAll(async () => {
		for (const s of sockets) s.disconnect();
		await a?.stop('SIGKILL');
		await b?.stop();
		redis?.kill('SIGKILL');
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await admin.end();
		tmp.cleanup();
	});

	it('plays across processes and survives the loss of the owner', async () => {
		expect(a.output()).toContain('cluster: joined through Redis');
		const anon = keep(await client(a.url));
		const { token: controllerToken } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
		const controller = keep(await client(a.url, controllerToken));
		const { exerciseId, codes } = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Cluster run' });
		await controller.ok('exercise:open', { exerciseId });

		const seat = async (url: string, code: string) => {
			const s = keep(await client(url));
			const { token } = await s.ok('session:join', { code, name: 'Member' });
			s.disconnect();
			const c = keep(await client(url, token));
			return { c, token };
		};
		const cg = await seat(a.url, codes.teams['tt-coast-guard']);
		// B learns about the new exercise from A's announcement, a moment after it was created.
		let customs: Awaited<ReturnType<typeof seat>> | null = null;
		for (let i = 0; i < 50 && !customs; i++)
			customs = await seat(b.url, codes.teams['tt-customs']).catch(() => new Promise<null>((r) => setTimeout(() => r(null), 100)));
		if (!customs) throw new Error('could not join on B');
		const evaluator = await seat(b.url, codes.evaluator);
		for (const s of [cg.c, customs.c, evaluator.c]) await s.ok('exercise:open', {});

		// Start on A; the tip-off reaches the coast guard on A, and the evaluator on B sees it.
		await controller.ok('exercise:control', { exerciseId, action: 'start' });
		const released = (s: TestClient, id: string) => s.received.some((e) => e.type === 'inject.released' && e.injectId === id);
		await until(() => released(cg.c, 'rifc-tipoff') && released(evaluator.c, 'rifc-tipoff'), 'tip-off on both processes');
		expect(released(customs.c, 'rifc-tipoff')).toBe(false);

		// A decision on A; a release and a decision whose commands arrive on B and are forwarded to A.
		await cg.c.ok('decision:submit', { injectId: 'rifc-tipoff', optionId: 'share-and-launch' });
		const onB = keep(await client(b.url, controllerToken));
		await onB.ok('inject:release', { exerciseId, injectId: 'customs-evidence' });
		await until(() => released(customs.c, 'customs-evidence'), 'customs evidence inject on B');
		await customs.c.ok('decision:submit', { injectId: 'customs-evidence', optionId: 'seal-and-log' });
		await until(() => evaluator.c.received.filter((e) => e.type === 'decision.submitted').length === 2, 'both decisions at the evaluator');
		// A ran everything so far: B only forwarded and relayed.
		expect(b.output()).not.toContain(`running ${exerciseId}`);
		const before = (await onB.ok('exercise:open', { exerciseId })).events;

		// Kill the owner. Its clients reconnect to B (as a load balancer would send them) and resync.
		await a.stop('SIGKILL');
		const controller2 = keep(await client(b.url, controllerToken));
		const cg2 = keep(await client(b.url, cg.token));
		const lastSeen = cg.c.received.at(-1)!.seq;
		const resync = await cg2.ok('exercise:open', { afterSeq: lastSeen });
		expect(resync.events.every((e) => e.seq > lastSeen)).toBe(true);

		// B takes the exercise over (the lease lapses within seconds) and play continues.
		await until(() => b.output().includes(`running ${exerciseId}`), 'B takes over', 20_000).catch((err) => {
			throw new Error(`${err.message}\n--- B said:\n${b.output()}`);
		});
		await controller2.ok('inject:release', { exerciseId, injectId: 'grenada-boarding' });
		const after = (await controller2.ok('exercise:open', { exerciseId })).events;
		expect(after.slice(0, before.length)).toEqual(before);
		expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
		expect(after.some((e) => e.type === 'exercise.recovered')).toBe(true);
		const ids = after.flatMap((e: DomainEvent) => (e.type === 'inject.released' ? [e.injectId] : []));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('grenada-boarding');
		await until(() => evaluator.c.received.some((e) => e.type === 'inject.released' && e.injectId === 'grenada-boarding'), 'evaluator on B sees play go on');
		// B stayed up through its peer's death (a presence query to the dead peer once crashed it).
		expect(b.process.exitCode).toBeNull();
		expect(b.output()).not.toContain('unhandled rejection');
	});
});

it.skipIf(pgUrl && hasRedis)('cluster test needs TEST_DATABASE_URL and redis-server (CI provides both)', () => {});
