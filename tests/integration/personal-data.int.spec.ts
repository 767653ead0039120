/**
 * Personal data after the review, on the real server over real sockets and HTTP: the people an exercise records,
 * the export of everything about one person, anonymising a closed exercise (names gone from the log, the exports
 * and the database file; scores and timeline kept; still so after a restart) and deleting an exercise.
 * The stores' delete and rewrite also run on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { foldEvents } from '../../src/lib/engine/exercise/state';
import { teamScores } from '../../src/lib/engine/review/score-decision';
import { PostgresEventStore } from '../../server/postgres-event-store';
import { SqliteEventStore } from '../../server/sqlite-event-store';
import type { EventStore } from '../../server/event-store';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const tmp = tempDir();
const dbFile = path.join(tmp.dir, 'people.db');
let server: RunningServer;
const clients: TestClient[] = [];
const keep = (s: TestClient) => (clients.push(s), s);

beforeAll(async () => {
	server = await startServer({ dbFile });
});
afterAll(async () => {
	for (const c of clients) c.disconnect();
	await server?.stop();
	tmp.cleanup();
});

const get = (url: string, token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
/** Whether the database file (and its WAL) still holds `text` anywhere, in deleted pages too. */
const inDatabaseFile = (text: string) =>
	[dbFile, `${dbFile}-wal`].some((f) => {
		try {
			return readFileSync(f).includes(Buffer.from(text, 'utf8'));
		} catch {
			return false;
		}
	});

async function signIn(name: string) {
	const anon = keep(await client(server.url));
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name });
	anon.disconnect();
	return { token, socket: keep(await client(server.url, token)) };
}

async function join(code: string, name: string) {
	const anon = keep(await client(server.url));
	const { token } = await anon.ok('session:join', { code, name });
	anon.disconnect();
	const socket = keep(await client(server.url, token));
	await socket.ok('exercise:open', {});
	return { token, socket };
}

describe('personal data of an exercise, after the review', () => {
	let controller: { token: string; socket: TestClient };
	let exerciseId: string;
	let maria: { token: string; socket: TestClient };
	let scoresBefore: unknown;

	it('plays a short exercise with names in actors and free texts', async () => {
		controller = await signIn('Ana Ruiz');
		const created = await controller.socket.ok('exercise:create', { scenarioId: SCENARIO, title: 'Privacy run' });
		exerciseId = created.exerciseId;
		await controller.socket.ok('exercise:open', { exerciseId });
		maria = await join(created.codes.teams['tt-coast-guard'], 'Maria Lopez');
		const jon = await join(created.codes.teams['tt-customs'], 'Jon Persaud');
		const eva = await join(created.codes.evaluator, 'Eva Charles');
		await controller.socket.ok('exercise:control', { exerciseId, action: 'start' });
		await jon.socket.ok('message:send', { to: ['tt-coast-guard'], channel: 'radio', text: 'Maria Lopez, we have the go-fast on radar' });
		await maria.socket.ok('message:send', { to: ['tt-customs'], channel: 'radio', text: 'Copy that, Jon Persaud' });
		await eva.socket.ok('evaluation:observe', { team: 'tt-customs', objective: null, text: 'Jon Persaud shared the contact at once' });
		expect(await controller.socket.call('exercise:delete', { exerciseId })).toMatchObject({ ok: false, code: 'exercise-in-play' });
		await controller.socket.ok('exercise:control', { exerciseId, action: 'end' });
		expect(await controller.socket.call('exercise:anonymise', { exerciseId })).toMatchObject({ ok: false, code: 'review-not-closed' });
		await controller.socket.ok('exercise:control', { exerciseId, action: 'close' });
		scoresBefore = teamScores(foldEvents(exerciseId, controller.socket.received));
	});

	it('lists the people the exercises record, for controllers only', async () => {
		const people = await controller.socket.ok('people:list', {});
		expect(people.find((p) => p.name === 'Maria Lopez')?.exercises).toEqual([
			{ exerciseId, title: 'Privacy run', role: 'participant', team: 'tt-coast-guard', teamName: 'Trinidad and Tobago Coast Guard' }
		]);
		expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Ana Ruiz', 'Jon Persaud', 'Eva Charles']));
		expect(await maria.socket.call('people:list', {})).toMatchObject({ ok: false, code: 'controller-only' });
	});

	it('exports everything recorded about one person', async () => {
		const url = `${server.url}/api/people/records.json?name=${encodeURIComponent('Maria Lopez')}`;
		expect((await get(url)).status).toBe(401);
		const refused = await get(url, maria.token);
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ code: 'controller-only' });
		const res = await get(url, controller.token);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain('maria-lopez-records.json');
		const body = (await res.json()) as {
			name: string;
			exercises: { exerciseId: string; signedInAs: unknown[]; acted: DomainEvent[]; namedBy: DomainEvent[] }[];
		};
		expect(body.name).toBe('Maria Lopez');
		expect(body.exercises).toHaveLength(1);
		expect(body.exercises[0].signedInAs).toEqual([{ name: 'Maria Lopez', role: 'participant', team: 'tt-coast-guard' }]);
		expect(body.exercises[0].acted.map((e) => [e.type, e.actor])).toEqual([['message.sent', 'team:tt-coast-guard:Maria Lopez']]);
		// Jon's message names her; the evaluator's note about Jon does not.
		expect(body.exercises[0].namedBy.map((e) => [e.type, e.actor])).toEqual([['message.sent', 'team:tt-customs:Jon Persaud']]);
		expect((await get(`${server.url}/api/people/records.json?name=`, controller.token)).status).toBe(400);
	});

	it('anonymises a closed exercise: names gone everywhere, scores kept, every open page told', async () => {
		let resets = 0;
		controller.socket.on('exercise:reset', () => resets++);
		expect(inDatabaseFile('Jon Persaud')).toBe(true);
		const reply = await controller.socket.ok('exercise:anonymise', { exerciseId });
		expect(reply.people).toBe(4);
		expect(reply.events).toBeGreaterThan(0);
		await until(() => resets === 1, 'the reset notice');
		const exported = await (await get(`${server.url}/api/exercises/${exerciseId}/events.json`, controller.token)).text();
		const csv = await (await get(`${server.url}/api/exercises/${exerciseId}/timeline.csv`, controller.token)).text();
		for (const name of ['Maria Lopez', 'Jon Persaud', 'Eva Charles', 'Ana Ruiz']) {
			expect(exported).not.toContain(name);
			expect(csv).not.toContain(name);
			expect(inDatabaseFile(name), `${name} in the database file`).toBe(false);
		}
		// Jon wrote first, so he is P-1 and Maria P-2.
		expect(exported).toContain('P-2, we have the go-fast on radar');
		expect(exported).toContain('Copy that, P-1');
		const opened = await controller.socket.ok('exercise:open', { exerciseId, afterSeq: 0 });
		expect(teamScores(foldEvents(exerciseId, opened.events))).toEqual(scoresBefore);
		expect((await controller.socket.ok('people:list', {})).map((p) => p.name)).not.toContain('Jon Persaud');
	});

	it('is still anonymised after a restart', async () => {
		await server.stop();
		server = await startServer({ dbFile });
		const again = await signIn('Ana Ruiz');
		const opened = await again.socket.ok('exercise:open', { exerciseId });
		expect(JSON.stringify(opened.events)).not.toContain('Jon Persaud');
		expect(opened.events.at(-1)?.type).toBe('exercise.closed');
		controller = again;
	});

	it('deletes an exercise with everything in it', async () => {
		const created = await controller.socket.ok('exercise:create', { scenarioId: SCENARIO, title: 'Throwaway rehearsal' });
		const member = await join(created.codes.teams['tt-police'], 'Sgt Kowalczyk');
		let resets = 0;
		member.socket.on('exercise:reset', () => resets++);
		expect(await controller.socket.call('exercise:delete', { exerciseId: created.exerciseId })).toEqual({ ok: true, data: null });
		await until(() => resets === 1, 'the reset notice to the team page');
		expect((await controller.socket.ok('exercise:list', {})).map((x) => x.id)).not.toContain(created.exerciseId);
		expect(await member.socket.call('exercise:open', {})).toMatchObject({ ok: false, code: 'unknown-exercise' });
		expect((await get(`${server.url}/api/exercises/${created.exerciseId}/events.json`, controller.token)).status).toBe(404);
		// A browser coming back with its old session is told the exercise is gone.
		const back = await client(server.url, member.token).catch((err: Error & { data?: { code: string } }) => err);
		expect(back).toMatchObject({ data: { code: 'session-gone' } });
		expect(inDatabaseFile('Throwaway rehearsal')).toBe(false);
		// The first exercise is untouched.
		expect((await controller.socket.ok('exercise:list', {})).map((x) => x.id)).toContain(exerciseId);
	});
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.runIf(pgUrl)('deleting and rewriting in the PostgreSQL store', () => {
	const schema = `pd_${randomBytes(6).toString('hex')}`;
	let store: EventStore;
	beforeAll(async () => {
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema}`);
		await admin.end();
		const url = new URL(pgUrl!);
		url.searchParams.set('options', `-c search_path=${schema}`);
		store = await PostgresEventStore.connect(url.toString());
	});
	afterAll(async () => {
		await store?.close();
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await admin.end();
	});

	it('rewrites events in place and deletes an exercise with its codes', () => storeContract(() => store));
});

describe('deleting and rewriting in the SQLite store', () => {
	it('rewrites events in place and deletes an exercise with its codes', async () => {
		const store = new SqliteEventStore(':memory:');
		await storeContract(() => store);
		await store.close();
	});
});

async function storeContract(storeOf: () => EventStore) {
	const store = storeOf();
	const created = { type: 'exercise.created', exerciseId: 'x1', at: 0, wall: 1, actor: 'controller:Ana', title: 't', scenario: {} } as never;
	await store.createExercise({ id: 'x1', scenarioId: 's', title: 't', createdWall: 1 }, created, [
		{ code: 'AAAA-BBBB-CCCC', exerciseId: 'x1', role: 'evaluator', team: null }
	]);
	const [started] = await store.append('x1', 1, [{ type: 'exercise.started', exerciseId: 'x1', at: 0, wall: 2, actor: 'controller:Ana' } as never]);
	await store.rewriteEvents('x1', [{ ...started, actor: 'controller:C-1' }]);
	expect((await store.load('x1')).map((e) => e.actor)).toEqual(['controller:Ana', 'controller:C-1']);
	// An event that is not in the log is refused, and nothing of the batch is written.
	await expect(
		store.rewriteEvents('x1', [
			{ ...started, actor: 'controller:X' },
			{ ...started, seq: 9 }
		])
	).rejects.toThrow(/not in the log/);
	expect((await store.load('x1')).map((e) => e.actor)).toEqual(['controller:Ana', 'controller:C-1']);
	await store.deleteExercise('x1');
	expect(await store.getExercise('x1')).toBeNull();
	expect(await store.load('x1')).toEqual([]);
	expect(await store.findCode('AAAA-BBBB-CCCC')).toBeNull();
}
