/**
 * Leaked codes and unwanted members, with the real server and real socket.io clients: a controller removes one
 * member (its socket is told and disconnected, its token refused at the handshake, on every request and by the
 * exports, other members of its team carry on), gives a team or the evaluators a new code with or without signing out
 * the old code's holders, and all of it still holds after a restart. With PostgreSQL and Redis, also on a cluster:
 * removed on process A, refused on process B.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence, Session } from '../../src/lib/realtime/contract';
import { client, CONTROLLER_KEY, freePort, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const pgUrl = process.env.TEST_DATABASE_URL;
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

interface Seat {
	socket: TestClient;
	token: string;
	session: Session;
	/** What the server told this socket before letting it go. */
	revoked: { reason: string }[];
	disconnected: string[];
}

/** Helpers over one running server (or two, for the cluster). */
function desk(sockets: TestClient[]) {
	const keep = (s: TestClient) => (sockets.push(s), s);
	const watch = (socket: TestClient, revoked: Seat['revoked'], disconnected: string[]) => {
		socket.on('session:revoked', (n) => revoked.push(n));
		socket.on('disconnect', (reason) => disconnected.push(reason));
	};
	return {
		keep,
		async controller(url: string) {
			const anon = keep(await client(url));
			const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ana' });
			anon.disconnect();
			const socket = keep(await client(url, token));
			const presence: Presence[] = [];
			socket.on('exercise:presence', (p: Presence) => presence.push(p));
			const codeUpdates: { exerciseId: string; codes: { teams: Record<string, string>; evaluator: string } }[] = [];
			socket.on('exercise:codes', (u) => codeUpdates.push(u));
			return { socket, token, presence, codeUpdates };
		},
		/** Joins with `code` as `name`, then connects with the token and opens the exercise. */
		async seat(url: string, code: string, name: string): Promise<Seat> {
			const anon = keep(await client(url));
			const { token, session } = await anon.ok('session:join', { code, name });
			anon.disconnect();
			const socket = keep(await client(url, token));
			const seat: Seat = { socket, token, session, revoked: [], disconnected: [] };
			watch(socket, seat.revoked, seat.disconnected);
			await socket.ok('exercise:open', {});
			return seat;
		},
		/** A join that must be refused: its code. */
		async joinRefused(url: string, code: string) {
			const anon = keep(await client(url));
			const reply = await anon.call('session:join', { code, name: 'Late' });
			anon.disconnect();
			return reply.ok ? null : reply.code;
		},
		/** Connecting with `token` is refused: the handshake's code and reason. */
		async handshakeRefused(url: string, token: string) {
			try {
				keep(await client(url, token));
				return null;
			} catch (err) {
				return (err as { data?: { code: string; params?: { reason?: string } } }).data ?? { code: 'unknown' };
			}
		}
	};
}

const exportStatus = async (url: string, exerciseId: string, file: string, token: string) => {
	const res = await fetch(`${url}/api/exercises/${exerciseId}/${file}`, { headers: { authorization: `Bearer ${token}` } });
	const body = (await res.json().catch(() => null)) as { code?: string; params?: { reason?: string } } | null;
	return { status: res.status, code: body?.code ?? null, reason: body?.params?.reason ?? null };
};

/** The member's session id as the controller's presence list shows it. */
async function sidIn(presence: Presence[], name: string): Promise<string> {
	await until(() => presence.some((p) => p.members.some((m) => m.name === name)), `${name} in the presence list`);
	const member = presence.findLast((p) => p.members.some((m) => m.name === name))!.members.find((m) => m.name === name)!;
	expect(member.sid).toMatch(/^[A-Za-z0-9_-]{8,}$/);
	return member.sid!;
}

describe('removing members and rotating join codes (one process, SQLite)', () => {
	const tmp = tempDir();
	const sockets: TestClient[] = [];
	const d = desk(sockets);
	let server: RunningServer;
	let ctl: Awaited<ReturnType<typeof d.controller>>;
	let exerciseId: string;
	let codes: { teams: Record<string, string>; evaluator: string; observer?: string };
	let maria: Seat;
	let joao: Seat;
	let evaluator: Seat;

	beforeAll(async () => {
		server = await startServer({ dbFile: `${tmp.dir}/x.db`, env: { RATE_LIMIT_REQUESTS_PER_10S: '10000' } });
		ctl = await d.controller(server.url);
		const created = await ctl.socket.ok('exercise:create', { scenarioId: SCENARIO, title: 'Leaked code drill' });
		exerciseId = created.exerciseId;
		codes = created.codes;
		await ctl.socket.ok('exercise:open', { exerciseId });
		await ctl.socket.ok('exercise:control', { exerciseId, action: 'start' });
		maria = await d.seat(server.url, codes.teams['tt-coast-guard'], 'Maria');
		joao = await d.seat(server.url, codes.teams['tt-coast-guard'], 'João');
		evaluator = await d.seat(server.url, codes.evaluator, 'Eve');
	});
	afterAll(async () => {
		for (const s of sockets) s.disconnect();
		await server?.stop();
		tmp.cleanup();
	});

	it('gives every sign-in its own session id, shown to controllers beside the member', async () => {
		expect(maria.session.sid).not.toBe(joao.session.sid);
		expect(await sidIn(ctl.presence, 'Maria')).toBe(maria.session.sid);
		const members = ctl.presence.at(-1)!.members;
		expect(members.find((m) => m.role === 'controller')?.sid ?? null).toBeNull();
	});

	it('removes one member: told, disconnected, refused everywhere; the rest of the team carries on', async () => {
		const sid = await sidIn(ctl.presence, 'Maria');
		const before = joao.socket.received.length;
		const { seq } = await ctl.socket.ok('member:remove', { exerciseId, sid });
		expect(seq).toBeGreaterThan(0);

		await until(() => maria.revoked.length > 0 && maria.disconnected.length > 0, 'the removed socket told and dropped');
		expect(maria.revoked[0]).toEqual({ exerciseId, reason: 'removed' });
		expect(maria.disconnected[0]).toBe('io server disconnect');
		expect(maria.socket.active).toBe(false);

		// Its token: refused at the handshake, with the code the browser words.
		expect(await d.handshakeRefused(server.url, maria.token)).toEqual({ code: 'session-revoked', params: { reason: 'removed' } });
		// Its exports: refused; the rest of the team's are only closed until the review opens.
		for (const file of ['events.json', 'timeline.csv'])
			expect(await exportStatus(server.url, exerciseId, file, maria.token)).toEqual({ status: 403, code: 'session-revoked', reason: 'removed' });
		expect((await exportStatus(server.url, exerciseId, 'events.json', joao.token)).code).toBe('review-closed');

		// The log says who was removed, by whom; the controller's and evaluator's views get it, the team's do not.
		const removed = (await ctl.socket.ok('exercise:open', { exerciseId, afterSeq: seq - 1 })).events.find((e) => e.type === 'member.removed');
		expect(removed).toMatchObject({ sid, name: 'Maria', role: 'participant', team: 'tt-coast-guard', by: 'Ana' });
		await until(() => evaluator.socket.received.some((e) => e.type === 'member.removed'), 'the evaluator sees the removal');
		await joao.socket.ok('message:send', { to: ['grenada-police'], channel: 'radio', text: 'Still here' });
		expect(joao.socket.connected).toBe(true);
		expect(joao.socket.received.slice(before).some((e) => e.type === 'member.removed')).toBe(false);

		// Removing them again, or a session nobody has seen, is refused in words the controller can act on.
		expect(await ctl.socket.call('member:remove', { exerciseId, sid })).toMatchObject({ ok: false, code: 'member-gone' });
		expect(await ctl.socket.call('member:remove', { exerciseId, sid: 'never-seen-0001' })).toMatchObject({ ok: false, code: 'member-gone' });
	});

	it('removes a member caught between two connections (a reload, a dropped link)', async () => {
		const kemal = await d.seat(server.url, codes.teams['tt-coast-guard'], 'Kemal');
		const sid = await sidIn(ctl.presence, 'Kemal');
		kemal.socket.disconnect();
		await until(() => !ctl.presence.at(-1)!.members.some((m) => m.name === 'Kemal'), 'Kemal gone from the presence list');
		await ctl.socket.ok('member:remove', { exerciseId, sid });
		expect(await d.handshakeRefused(server.url, kemal.token)).toEqual({ code: 'session-revoked', params: { reason: 'removed' } });
	});

	it('drops every socket of a removed session, whether or not it has opened the exercise', async () => {
		// A second socket on the same token, opened before the removal (another tab).
		const eve2 = d.keep(await client(server.url, evaluator.token));
		const dropped: string[] = [];
		eve2.on('disconnect', (r) => dropped.push(r));
		const sid = await sidIn(ctl.presence, 'Eve');
		await ctl.socket.ok('member:remove', { exerciseId, sid });
		await until(() => evaluator.disconnected.length > 0 && dropped.length > 0, 'both sockets of the evaluator dropped');
		// Not in the exercise's rooms (it never opened it), yet dropped all the same.
		expect(dropped[0]).toBe('io server disconnect');
		expect((await exportStatus(server.url, exerciseId, 'events.json', evaluator.token)).code).toBe('session-revoked');
		expect(await d.handshakeRefused(server.url, evaluator.token)).toMatchObject({ code: 'session-revoked' });
	});

	it('rotates a team code without a sign-out: old code refused, new code joins, members stay', async () => {
		const oldCode = codes.teams['tt-customs'];
		const early = await d.seat(server.url, oldCode, 'Kareem');
		const updates = ctl.codeUpdates.length;
		const { code } = await ctl.socket.ok('code:rotate', { exerciseId, role: 'participant', team: 'tt-customs', signOut: false });
		expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(code).not.toBe(oldCode);
		// Every controller of the exercise gets the new codes at once.
		await until(() => ctl.codeUpdates.length > updates, 'the new codes sent to the controllers');
		expect(ctl.codeUpdates.at(-1)).toMatchObject({ exerciseId, codes: { teams: { 'tt-customs': code, 'tt-coast-guard': codes.teams['tt-coast-guard'] } } });
		expect((await ctl.socket.ok('exercise:open', { exerciseId })).codes?.teams['tt-customs']).toBe(code);

		expect(await d.joinRefused(server.url, oldCode)).toBe('wrong-code');
		const fresh = await d.seat(server.url, code, 'Keisha');
		expect(fresh.session).toMatchObject({ role: 'participant', team: 'tt-customs' });
		await early.socket.ok('exercise:open', {});
		expect(early.socket.connected).toBe(true);
		const rotated = (await ctl.socket.ok('exercise:open', { exerciseId })).events.filter((e) => e.type === 'join_code.rotated');
		expect(rotated.at(-1)).toMatchObject({ role: 'participant', team: 'tt-customs', signOut: false, retiredTag: null, by: 'Ana' });
		// The log never holds a code.
		expect(JSON.stringify(rotated)).not.toContain(oldCode);
		expect(JSON.stringify(rotated)).not.toContain(code);
		codes.teams['tt-customs'] = code;
	});

	it('rotates with a sign-out: everyone who joined with the old code loses access, those of the new one keep it', async () => {
		const oldCode = codes.teams['tt-customs'];
		const holders = [await d.seat(server.url, oldCode, 'Leaked One'), await d.seat(server.url, oldCode, 'Leaked Two')];
		const { code } = await ctl.socket.ok('code:rotate', { exerciseId, role: 'participant', team: 'tt-customs', signOut: true });
		for (const h of holders) {
			await until(() => h.revoked.length > 0 && h.disconnected.length > 0, `${h.session.name} signed out`);
			expect(h.revoked[0]).toEqual({ exerciseId, reason: 'signed-out' });
			expect(await d.handshakeRefused(server.url, h.token)).toEqual({ code: 'session-revoked', params: { reason: 'signed-out' } });
			expect((await exportStatus(server.url, exerciseId, 'timeline.csv', h.token)).code).toBe('session-revoked');
		}
		expect(await d.joinRefused(server.url, oldCode)).toBe('wrong-code');
		const after = await d.seat(server.url, code, 'Newcomer');
		await after.socket.ok('exercise:open', {});
		// The sign-out names the old code by its keyed fingerprint only.
		const rotated = (await ctl.socket.ok('exercise:open', { exerciseId })).events.filter((e) => e.type === 'join_code.rotated').at(-1)!;
		expect(rotated).toMatchObject({ signOut: true, retiredTag: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
		expect(JSON.stringify(rotated)).not.toContain(oldCode);
		codes.teams['tt-customs'] = code;
	});

	it('rotates the evaluators’ code with a sign-out; a new evaluator joins with the new one', async () => {
		const oldCode = codes.evaluator;
		const ev = await d.seat(server.url, oldCode, 'Evan');
		const { code } = await ctl.socket.ok('code:rotate', { exerciseId, role: 'evaluator', team: null, signOut: true });
		await until(() => ev.disconnected.length > 0, 'the evaluator signed out');
		expect(await d.joinRefused(server.url, oldCode)).toBe('wrong-code');
		const next = await d.seat(server.url, code, 'Nadia');
		expect(next.session.role).toBe('evaluator');
		codes.evaluator = code;
		// A team code names its team; the evaluators' names none.
		expect(await ctl.socket.call('code:rotate', { exerciseId, role: 'evaluator', team: 'tt-customs', signOut: false })).toMatchObject({
			ok: false,
			code: 'invalid-payload'
		});
		expect(await ctl.socket.call('code:rotate', { exerciseId, role: 'participant', team: 'no-such-team', signOut: false })).toMatchObject({
			ok: false,
			code: 'unknown-team'
		});
		// Only controllers.
		expect(await next.socket.call('code:rotate', { exerciseId, role: 'evaluator', team: null, signOut: true })).toMatchObject({ code: 'controller-only' });
		expect(await next.socket.call('member:remove', { exerciseId, sid: 'x' })).toMatchObject({ code: 'controller-only' });
	});

	it('still refuses removed and signed-out sessions after a restart, and still takes the new codes', async () => {
		await server.stop();
		server = await startServer({ dbFile: `${tmp.dir}/x.db`, env: { RATE_LIMIT_REQUESTS_PER_10S: '10000' } });
		expect(await d.handshakeRefused(server.url, maria.token)).toMatchObject({ code: 'session-revoked', params: { reason: 'removed' } });
		expect(await d.handshakeRefused(server.url, evaluator.token)).toMatchObject({ code: 'session-revoked' });
		expect((await exportStatus(server.url, exerciseId, 'events.json', maria.token)).code).toBe('session-revoked');
		// João was never removed: his token works across the restart.
		const again = d.keep(await client(server.url, joao.token));
		await again.ok('exercise:open', {});
		expect(await d.joinRefused(server.url, 'ABCD-EFGH-JKLM')).toBe('wrong-code');
		await d.seat(server.url, codes.teams['tt-customs'], 'After Restart');
		await d.seat(server.url, codes.evaluator, 'Evaluator After Restart');
	});
});

describe.runIf(pgUrl && hasRedis)('removing a member on a cluster (two processes, Redis and PostgreSQL)', () => {
	const tmp = tempDir();
	const schema = `r_${randomBytes(6).toString('hex')}`;
	const sockets: TestClient[] = [];
	const d = desk(sockets);
	let redis: ChildProcess;
	let a: RunningServer;
	let b: RunningServer;

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
		const env = { DATABASE_URL: url.toString(), REDIS_URL: `redis://127.0.0.1:${redisPort}`, RATE_LIMIT_REQUESTS_PER_10S: '10000' };
		a = await startServer({ dbFile: `${tmp.dir}/unused-a.db`, env });
		b = await startServer({ dbFile: `${tmp.dir}/unused-b.db`, env });
	});
	afterAll(async () => {
		for (const s of sockets) s.disconnect();
		await a?.stop();
		await b?.stop();
		redis?.kill('SIGKILL');
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await admin.end();
		tmp.cleanup();
	});

	it('removes on process A a member connected to process B: told and dropped there, refused there and on A', async () => {
		const ctl = await d.controller(a.url);
		const { exerciseId, codes } = await ctl.socket.ok('exercise:create', { scenarioId: SCENARIO, title: 'Cluster revocation' });
		await ctl.socket.ok('exercise:open', { exerciseId });
		// B learns of the exercise from A's first event: join there once it has.
		let onB: Seat | null = null;
		for (let i = 0; i < 50 && !onB; i++) {
			onB = await d.seat(b.url, codes.teams['tt-coast-guard'], 'Remote Maria').catch(() => null);
			if (!onB) await new Promise((r) => setTimeout(r, 100));
		}
		const stays = await d.seat(b.url, codes.teams['tt-coast-guard'], 'Remote João');
		const sid = await sidIn(ctl.presence, 'Remote Maria');
		await ctl.socket.ok('member:remove', { exerciseId, sid });
		await until(() => onB!.revoked.length > 0 && onB!.disconnected.length > 0, 'the member on B told and dropped');
		expect(onB!.revoked[0]).toEqual({ exerciseId, reason: 'removed' });
		for (const url of [b.url, a.url]) {
			expect(await d.handshakeRefused(url, onB!.token)).toEqual({ code: 'session-revoked', params: { reason: 'removed' } });
			expect((await exportStatus(url, exerciseId, 'events.json', onB!.token)).code).toBe('session-revoked');
		}
		await stays.socket.ok('exercise:open', {});
		expect(stays.socket.connected).toBe(true);

		// A code rotated on A is refused on B, and B takes the new one.
		const oldCode = codes.teams['tt-customs'];
		const { code } = await ctl.socket.ok('code:rotate', { exerciseId, role: 'participant', team: 'tt-customs', signOut: true });
		expect(await d.joinRefused(b.url, oldCode)).toBe('wrong-code');
		await d.seat(b.url, code, 'Joined on B');
	});
});
