/**
 * The live simulation over real sockets: a team tasks its asset, the server's
 * timers (driven by the exercise clock) bring the intercept about, the
 * intercept trigger releases an inject to both teams, and each session sees
 * only what it may. Forged orders are refused with a reason and change nothing.
 * (Scenario: tests/fixtures/scenarios/tasking-drill.yaml.)
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const tmp = tempDir();
let server: RunningServer;
const sockets: TestClient[] = [];
let controller: TestClient;
let coastGuard: TestClient;
let grenada: TestClient;
let exerciseId: string;

async function seat(code: string, name: string) {
	const anon = await client(server.url);
	const { token } = await anon.ok('session:join', { code, name });
	anon.disconnect();
	const s = await client(server.url, token);
	sockets.push(s);
	await s.ok('exercise:open', {});
	return s;
}

beforeAll(async () => {
	server = await startServer({ dbFile: path.join(tmp.dir, 'sim.db'), scenariosDir: 'tests/fixtures/scenarios' });
	const anon = await client(server.url);
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
	anon.disconnect();
	controller = await client(server.url, token);
	sockets.push(controller);
	const created = await controller.ok('exercise:create', { scenarioId: 'tasking-drill' });
	exerciseId = created.exerciseId;
	coastGuard = await seat(created.codes.teams['coast-guard'], 'Lt Baptiste');
	grenada = await seat(created.codes.teams.grenada, 'Sgt Charles');
	await controller.ok('exercise:open', { exerciseId });
	await controller.ok('exercise:control', { exerciseId, action: 'start' });
});
afterAll(async () => {
	for (const s of sockets) s.disconnect();
	await server?.stop();
	tmp.cleanup();
});

const logLength = async () => (await controller.ok('exercise:open', { exerciseId })).events.length;

describe('tasking over sockets', () => {
	it('refuses forged or impossible orders with a reason, and stores nothing', async () => {
		const before = await logLength();
		const refusals = await Promise.all([
			grenada.call('asset:task', { entityId: 'patrol-boat', order: { type: 'hold' } }),
			coastGuard.call('asset:task', { entityId: 'patrol-boat', order: { type: 'intercept', target: 'no-such-ship' } }),
			coastGuard.call('asset:task', { entityId: 'patrol-boat', order: { type: 'hold' }, speedKnots: 80 }),
			coastGuard.raw('asset:task', { entityId: 'patrol-boat', order: { type: 'goto', point: [-400, 11] } }),
			coastGuard.raw('asset:task', { entityId: 'patrol-boat', order: { type: 'teleport' } }),
			coastGuard.raw('asset:task', { entityId: 'patrol-boat', order: { type: 'patrol', points: [[-61.7, 11.3]] } }),
			controller.call('asset:task', { entityId: 'patrol-boat', order: { type: 'hold' } })
		]);
		const errors = refusals.map((r) => (r.ok ? 'accepted' : r.error));
		expect(errors[0]).toBe('"Patrol boat" belongs to another team');
		expect(errors[1]).toBe('no contact "no-such-ship" on your picture');
		expect(errors[2]).toBe('"Patrol boat" cannot make 80 kn (top speed 35 kn)');
		expect(errors[3]).toMatch(/order\.point/);
		expect(errors[4]).toMatch(/order/);
		expect(errors[5]).toMatch(/at least two points/);
		expect(errors[6]).toBe('only team members may task their assets');
		expect(await logLength()).toBe(before);
	});

	it('plans the intercept, runs it on the server clock, and fires the intercept trigger for both teams', async () => {
		await controller.ok('clock:speed', { exerciseId, speed: 60 });
		await coastGuard.ok('asset:task', { entityId: 'patrol-boat', order: { type: 'intercept', target: 'yacht' } });
		// The team that ordered it hears whether it is possible; the other team sees only the boat's new course.
		await until(() => coastGuard.received.some((e) => e.type === 'intercept.assessed'), 'the assessment');
		const assessed = coastGuard.received.find((e) => e.type === 'intercept.assessed')!;
		expect(assessed).toMatchObject({ feasible: true, target: 'yacht' });
		await until(() => grenada.received.some((e) => e.type === 'asset.tasked'), 'the course on the common picture');
		expect(grenada.received.some((e) => e.type === 'intercept.assessed')).toBe(false);

		// At 60× a few exercise minutes pass each wall second: the server's own timer fires the intercept.
		await until(() => grenada.received.some((e) => e.type === 'intercept.achieved'), 'the intercept', 30_000);
		const achieved = grenada.received.find((e) => e.type === 'intercept.achieved')!;
		expect(achieved).toMatchObject({ entityId: 'patrol-boat', target: 'yacht', team: 'coast-guard', waters: { kind: 'high-seas' } });
		if (achieved.type !== 'intercept.achieved' || assessed.type !== 'intercept.assessed') throw new Error('unexpected event');
		expect(achieved.metAt).toBe(assessed.interceptAt);
		for (const team of [coastGuard, grenada])
			await until(() => team.received.some((e) => e.type === 'inject.released' && e.injectId === 'yacht-stopped'), 'the triggered inject');
		const log = (await controller.ok('exercise:open', { exerciseId })).events;
		expect(log.some((e) => e.type === 'inject.triggered' && e.injectId === 'yacht-stopped' && /intercepted Suspect yacht/.test(e.cause))).toBe(true);
		// The team's sensor saw the yacht on the way (10 nm range).
		expect(coastGuard.received.some((e) => e.type === 'contact.detected' && e.contact === 'yacht')).toBe(true);
		expect(grenada.received.some((e) => e.type === 'contact.detected')).toBe(false);
	});
});
