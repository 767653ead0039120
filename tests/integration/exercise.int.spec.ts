import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { foldEvents } from '../../src/lib/engine/exercise/state';
import { teamScores } from '../../src/lib/engine/review/score-decision';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';
import { loadScenario } from '../fixtures/load-scenario';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const tmp = tempDir();
const dbFile = path.join(tmp.dir, 'test.db');
let server: RunningServer;
const clients: TestClient[] = [];
const track = async (c: Promise<TestClient>) => {
	const s = await c;
	clients.push(s);
	return s;
};

beforeAll(async () => {
	server = await startServer({ dbFile });
});
afterAll(async () => {
	for (const c of clients) c.disconnect();
	await server?.stop();
	tmp.cleanup();
});

const releasedIds = (events: DomainEvent[]) => events.flatMap((e) => (e.type === 'inject.released' ? [e.injectId] : []));

describe('one exercise played over real sockets', () => {
	let controller: TestClient;
	let coastGuard: TestClient;
	let customs: TestClient;
	let evaluator: TestClient;
	let exerciseId: string;
	let codes: { evaluator: string; teams: Record<string, string> };
	const tokens: Record<string, string> = {};

	it('lets a controller sign in, list scenarios and create an exercise with join codes', async () => {
		const anon = await track(client(server.url));
		const signedIn = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
		expect(signedIn.session.role).toBe('controller');
		controller = await track(client(server.url, signedIn.token));
		const scenarios = await controller.ok('scenario:list', {});
		expect(scenarios.map((s) => s.id)).toContain(SCENARIO);
		const created = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Integration run' });
		exerciseId = created.exerciseId;
		codes = created.codes;
		expect(Object.keys(codes.teams).sort()).toEqual(
			loadScenario(`scenarios/${SCENARIO}.yaml`)
				.teams.map((t) => t.id)
				.sort()
		);
		expect(Object.keys(codes.teams)).toEqual(expect.arrayContaining(['grenada-police', 'tt-coast-guard', 'tt-customs']));
		expect(codes.evaluator).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		const opened = await controller.ok('exercise:open', { exerciseId });
		expect(opened.events.map((e) => e.type)).toEqual(['exercise.created']);
		expect(opened.codes).toEqual(codes);
	});

	it('lets two teams and an evaluator join with their codes (typed loosely)', async () => {
		const join = async (code: string, name: string) => {
			const anon = await track(client(server.url));
			const joined = await anon.ok('session:join', { code, name });
			anon.disconnect();
			const socket = await track(client(server.url, joined.token));
			await socket.ok('exercise:open', {});
			return { socket, joined };
		};
		const cg = await join(codes.teams['tt-coast-guard'].toLowerCase().replaceAll('-', ' '), 'Lt Baptiste');
		expect(cg.joined.session).toMatchObject({ role: 'participant', team: 'tt-coast-guard', exerciseId });
		coastGuard = cg.socket;
		tokens.cg = cg.joined.token;
		customs = (await join(codes.teams['tt-customs'], 'Officer Ramdin')).socket;
		const ev = await join(codes.evaluator, 'Evaluator One');
		expect(ev.joined.session.role).toBe('evaluator');
		evaluator = ev.socket;
	});

	it('refuses a wrong join code and a forged token with clear errors', async () => {
		const anon = await track(client(server.url));
		expect(await anon.call('session:join', { code: 'AAAA-BBBB-CCCC', name: 'x' })).toEqual({
			ok: false,
			error: 'unknown join code: check it with your controller',
			code: 'wrong-code',
			params: {}
		});
		expect(await anon.call('session:controller', { key: 'guess', name: 'x' })).toEqual({
			ok: false,
			error: 'wrong controller key',
			code: 'wrong-key',
			params: {}
		});
		const forged = tokens.cg.replace(/^[^.]+/, Buffer.from(JSON.stringify({ role: 'controller', name: 'evil' })).toString('base64url'));
		await expect(client(server.url, forged)).rejects.toThrow('invalid session: please join again');
	});

	it('delivers an inject to its addressed team only and lets that team decide and score', async () => {
		await controller.ok('exercise:control', { exerciseId, action: 'start' });
		await until(() => releasedIds(coastGuard.received).includes('rifc-tipoff'), 'the tip-off at the coast guard');
		// The evaluator sees every release; customs never sees the coast guard's tip-off.
		await until(() => releasedIds(evaluator.received).includes('rifc-tipoff'), 'the tip-off at the evaluator');
		expect(releasedIds(customs.received)).not.toContain('rifc-tipoff');
		expect(customs.received.some((e) => e.type === 'exercise.started')).toBe(true);

		const tip = coastGuard.received.find((e) => e.type === 'inject.released' && e.injectId === 'rifc-tipoff');
		if (tip?.type !== 'inject.released') throw new Error('no tip');
		expect(tip.inject.controllerNote).toBeUndefined();
		expect(tip.inject.decision!.options.every((o) => Object.keys(o.scores).length === 0)).toBe(true);
		expect(tip.reveals.map((e) => e.id)).toContain('go-fast');

		// Customs cannot answer the coast guard's decision.
		expect(await customs.call('decision:submit', { injectId: 'rifc-tipoff', optionId: 'share-and-launch' })).toEqual({
			ok: false,
			error: 'no decision for team "tt-customs" on inject "rifc-tipoff"',
			code: 'no-decision',
			params: {}
		});
		const before = teamScores(foldEvents(exerciseId, evaluator.received)).find((s) => s.team === 'tt-coast-guard')!;
		expect(before.earned).toBe(0);
		await coastGuard.ok('decision:submit', { injectId: 'rifc-tipoff', optionId: 'share-and-launch' });
		await until(() => evaluator.received.some((e) => e.type === 'decision.submitted'), 'the decision at the evaluator');
		const after = teamScores(foldEvents(exerciseId, evaluator.received)).find((s) => s.team === 'tt-coast-guard')!;
		expect(after.earned).toBeGreaterThan(0);
		expect(after.decided).toBe(1);
		// The team sees its own score; the other team does not see it at all.
		await until(() => coastGuard.received.some((e) => e.type === 'decision.submitted'), 'the decision at the team');
		expect(customs.received.some((e) => e.type === 'decision.submitted')).toBe(false);
	});

	it('releases an inject early for the controller and only to its addressees', async () => {
		await controller.ok('inject:release', { exerciseId, injectId: 'customs-evidence' });
		await until(() => releasedIds(customs.received).includes('customs-evidence'), 'customs-evidence at customs');
		expect(releasedIds(coastGuard.received)).not.toContain('customs-evidence');
		expect(await controller.call('inject:release', { exerciseId, injectId: 'customs-evidence' })).toEqual({
			ok: false,
			error: 'inject "customs-evidence" is already released',
			code: 'inject-released',
			params: {}
		});
	});

	it('answers bad payloads with errors naming the problem and keeps the exercise intact', async () => {
		const seqBefore = evaluator.received.at(-1)!.seq;
		const bad: [string, unknown, RegExp][] = [
			['decision:submit', { injectId: 42 }, /decision:submit: payload\.injectId: .*string/],
			['decision:submit', { injectId: 'x'.repeat(5000), optionId: 'a' }, /payload\.injectId: .*64/],
			['clock:speed', { exerciseId, speed: 1000 }, /payload\.speed/],
			['clock:speed', { exerciseId, speed: 2, __proto__: { admin: true }, extra: 1 }, /Unrecognized key.*extra/],
			['exercise:control', { exerciseId, action: 'explode' }, /payload\.action/],
			['exercise:control', 'not an object', /expected object/],
			['inject:release', { exerciseId: 'nope', injectId: 'x' }, /unknown exercise "nope"/],
			['no:such:event', {}, /unknown event "no:such:event"/]
		];
		for (const [event, payload, expected] of bad) {
			const reply = await controller.raw(event, payload);
			expect(reply.ok).toBe(false);
			if (!reply.ok) expect(reply.error).toMatch(expected);
		}
		// Each refusal also carries a code and parameters, for the browser to word in its reader's language.
		expect(await controller.raw('clock:speed', { exerciseId, speed: 1000 })).toMatchObject({
			ok: false,
			code: 'invalid-payload',
			params: { field: 'speed', reason: 'other' }
		});
		expect(await controller.raw('inject:release', { exerciseId: 'nope', injectId: 'x' })).toMatchObject({ ok: false, code: 'unknown-exercise' });
		expect(await controller.raw('no:such:event', {})).toMatchObject({ ok: false, code: 'unknown-event' });
		// Participants may not control the exercise.
		expect(await coastGuard.call('exercise:control', { exerciseId, action: 'pause' })).toEqual({
			ok: false,
			error: 'only an exercise controller may do this',
			code: 'controller-only',
			params: {}
		});
		// A payload over the transport limit drops only that connection; the server stays up.
		const big = await track(client(server.url));
		big.emit('decision:submit', { injectId: 'x'.repeat(400_000), optionId: 'y' });
		await until(() => big.disconnected || !big.connected, 'oversized payload disconnect');
		const list = await controller.ok('exercise:list', {});
		expect(list.find((x) => x.id === exerciseId)?.status).toBe('running');
		const log = await controller.ok('exercise:open', { exerciseId });
		expect(log.events.at(-1)!.seq).toBe(seqBefore);
	});

	it('survives a server kill: the exercise resumes from its log and clients resync', async () => {
		await controller.ok('clock:speed', { exerciseId, speed: 60 });
		await controller.ok('exercise:control', { exerciseId, action: 'pause' });
		const full = await controller.ok('exercise:open', { exerciseId });
		const logBefore = full.events;
		await server.stop('SIGKILL');
		server = await startServer({ dbFile, port: server.port });

		// The controller's socket reconnects by itself; a fresh open returns the same log.
		await until(() => controller.connected, 'controller reconnect', 15_000);
		const reopened = await controller.ok('exercise:open', { exerciseId });
		expect(reopened.events).toEqual(logBefore);
		expect(reopened.events.at(-1)!.type).toBe('exercise.paused');

		// The team's signed session still works after the restart, and resync returns only what it missed.
		await until(() => coastGuard.connected, 'coast guard reconnect', 15_000);
		const lastSeen = coastGuard.received.at(-1)!.seq;
		const resync = await coastGuard.ok('exercise:open', { afterSeq: lastSeen });
		expect(resync.events).toEqual([]);

		// Play continues: resume, and the decision flow still works at 60×.
		await controller.ok('exercise:control', { exerciseId, action: 'resume' });
		await controller.ok('inject:release', { exerciseId, injectId: 'grenada-boarding' });
		const after = await controller.ok('exercise:open', { exerciseId });
		expect(after.events.slice(0, logBefore.length)).toEqual(logBefore);
		const types = after.events.slice(logBefore.length).map((e) => e.type);
		expect(types).toContain('exercise.resumed');
		expect(releasedIds(after.events).filter((id) => id === 'rifc-tipoff')).toHaveLength(1);
		const seqs = after.events.map((e) => e.seq);
		expect(seqs).toEqual(seqs.map((_, i) => i + 1));
	});
});
