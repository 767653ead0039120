/**
 * Crash test: SIGKILL the server while teams are deciding and the clock runs
 * at 60×; restart it and check that every acknowledged event is in the log,
 * the clock carries on from where it was (a paused exercise stays paused) and
 * no inject is released twice.
 */
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { exerciseTimeAt } from '../../src/lib/engine/exercise/clock';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { foldEvents } from '../../src/lib/engine/exercise/state';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type TestClient } from './harness';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const tmp = tempDir();
const dbFile = path.join(tmp.dir, 'crash.db');
const sockets: TestClient[] = [];
afterAll(() => {
	for (const s of sockets) s.disconnect();
	tmp.cleanup();
});
const keep = (s: TestClient) => (sockets.push(s), s);

it('loses no acknowledged event and releases nothing twice across a SIGKILL', async () => {
	let server = await startServer({ dbFile });
	const anon = keep(await client(server.url));
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
	const controller = keep(await client(server.url, token));

	// Two exercises: one running at 60×, one paused.
	const running = await controller.ok('exercise:create', { scenarioId: SCENARIO });
	const paused = await controller.ok('exercise:create', { scenarioId: SCENARIO });
	for (const x of [running, paused]) {
		await controller.ok('clock:speed', { exerciseId: x.exerciseId, speed: 60 });
		await controller.ok('exercise:control', { exerciseId: x.exerciseId, action: 'start' });
	}
	await controller.ok('exercise:control', { exerciseId: paused.exerciseId, action: 'pause' });
	const pausedLog = (await controller.ok('exercise:open', { exerciseId: paused.exerciseId })).events;

	const join = async (code: string) => {
		const a = keep(await client(server.url));
		const joined = await a.ok('session:join', { code, name: 'Watch officer' });
		a.disconnect();
		return joined.token;
	};
	const teamTokens = {
		cg: await join(running.codes.teams['tt-coast-guard']),
		customs: await join(running.codes.teams['tt-customs']),
		grenada: await join(running.codes.teams['grenada-police'])
	};
	const teams = {
		cg: keep(await client(server.url, teamTokens.cg)),
		customs: keep(await client(server.url, teamTokens.customs)),
		grenada: keep(await client(server.url, teamTokens.grenada))
	};
	for (const t of Object.values(teams)) await t.ok('exercise:open', {});

	// Release the decisions early so all three teams can answer at once.
	for (const injectId of ['customs-evidence', 'grenada-boarding']) await controller.ok('inject:release', { exerciseId: running.exerciseId, injectId });

	// Teams decide and the controller keeps acting while the server is killed mid-flight.
	const acked: number[] = [];
	const note = (p: Promise<{ ok: boolean; data?: { seq: number } }>) =>
		p.then((r) => (r.ok && r.data ? acked.push(r.data.seq) : undefined)).catch(() => undefined);
	const inFlight = [
		note(teams.cg.call('decision:submit', { injectId: 'rifc-tipoff', optionId: 'share-and-launch' })),
		note(teams.customs.call('decision:submit', { injectId: 'customs-evidence', optionId: 'seal-and-log' })),
		note(teams.grenada.call('decision:submit', { injectId: 'grenada-boarding', optionId: 'board-territorial-sea' })),
		note(controller.call('inject:hold', { exerciseId: running.exerciseId, injectId: 'sb-reception' })),
		note(controller.call('inject:release', { exerciseId: running.exerciseId, injectId: 'rifc-update' }))
	];
	await until(() => acked.length >= 2, 'some acknowledgements');
	const before = (await controller.ok('exercise:open', { exerciseId: running.exerciseId })).events;
	const killWall = Date.now();
	await server.stop('SIGKILL');
	await Promise.all(inFlight);
	const clockAtKill = exerciseTimeAt(foldEvents(running.exerciseId, before).clock, killWall);

	server = await startServer({ dbFile, port: server.port });
	await until(() => controller.connected, 'controller reconnect', 15_000);
	const after = (await controller.ok('exercise:open', { exerciseId: running.exerciseId })).events;

	// Every acknowledged event is there, unchanged, and the log is gap-free.
	const bySeq = new Map(after.map((e) => [e.seq, e]));
	for (const seq of acked) expect(bySeq.has(seq), `acknowledged seq ${seq}`).toBe(true);
	for (const e of before) expect(bySeq.get(e.seq)).toEqual(e);
	expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));

	// The clock resumed from (at most one heartbeat before) where it was, not from the wall clock.
	const recovered = after.find((e): e is Extract<DomainEvent, { type: 'exercise.recovered' }> => e.type === 'exercise.recovered');
	expect(recovered).toBeDefined();
	const lastBefore = after.filter((e) => e.seq < recovered!.seq).at(-1)!;
	expect(recovered!.at).toBeGreaterThanOrEqual(lastBefore.at);
	expect(recovered!.at).toBeLessThanOrEqual(clockAtKill);
	expect(recovered!.downtimeMs).toBeGreaterThan(0);

	// No inject went out twice, before or after the restart.
	const released = after.flatMap((e) => (e.type === 'inject.released' ? [e.injectId] : []));
	expect(new Set(released).size).toBe(released.length);

	// The paused exercise stayed paused and untouched.
	const pausedAfter = (await controller.ok('exercise:open', { exerciseId: paused.exerciseId })).events;
	expect(pausedAfter).toEqual(pausedLog);

	// Teams are still seated (signed sessions survive) and play goes on.
	await until(() => teams.cg.connected, 'team reconnect', 15_000);
	const opened = await teams.cg.ok('exercise:open', {});
	expect(opened.events.some((e) => e.type === 'decision.submitted' && e.team === 'tt-coast-guard')).toBe(
		after.some((e) => e.type === 'decision.submitted' && e.team === 'tt-coast-guard')
	);
	await controller.ok('exercise:control', { exerciseId: running.exerciseId, action: 'pause' });
	await server.stop();
});
