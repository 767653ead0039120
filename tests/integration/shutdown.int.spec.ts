/** Graceful shutdown (SIGTERM drains and tells clients why) and the controller key kept out of logs. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { client, startServer, tempDir, until, type TestClient } from './harness';

const tmp = tempDir();
const sockets: TestClient[] = [];
afterAll(() => {
	for (const s of sockets) s.disconnect();
	tmp.cleanup();
});

it('drains on SIGTERM: clients get a reason, the process exits 0, the exercise resumes where it stopped', async () => {
	const dbFile = path.join(tmp.dir, 'drain.db');
	// No CONTROLLER_KEY: the server generates one and must not print it to a non-terminal output.
	let server = await startServer({ dbFile, env: { CONTROLLER_KEY: '' } });
	const keyFile = path.join(tmp.dir, 'controller.key');
	const key = readFileSync(keyFile, 'utf8').trim();
	expect(key.length).toBeGreaterThanOrEqual(12);
	expect(statSync(keyFile).mode & 0o077).toBe(0);
	await until(() => server.output().includes('controller key file:'), 'the key file line');
	expect(server.output()).not.toContain(key);

	const anon = await client(server.url);
	sockets.push(anon);
	const { token } = await anon.ok('session:controller', { key, name: 'Ctrl' });
	const controller = await client(server.url, token);
	sockets.push(controller);
	const { exerciseId } = await controller.ok('exercise:create', { scenarioId: 'maritime-trafficking-southern-caribbean' });
	await controller.ok('clock:speed', { exerciseId, speed: 60 });
	await controller.ok('exercise:control', { exerciseId, action: 'start' });

	const notices: string[] = [];
	controller.on('server:shutdown', (n: { reason: string }) => notices.push(n.reason));
	const exit = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
	const stoppedAt = Date.now();
	server.process.kill('SIGTERM');
	expect(await exit).toBe(0);
	expect(notices).toEqual(['the server is restarting']);
	expect(server.output()).toMatch(/SIGTERM: draining[\s\S]*stopped/);
	expect(server.output()).not.toContain(key);

	server = await startServer({ dbFile, port: server.port, env: { CONTROLLER_KEY: '' } });
	expect(readFileSync(keyFile, 'utf8').trim()).toBe(key); // the same key after a restart
	await until(() => controller.connected, 'controller reconnect', 15_000);
	const events = (await controller.ok('exercise:open', { exerciseId })).events;
	const recovered = events.find((e) => e.type === 'exercise.recovered');
	if (recovered?.type !== 'exercise.recovered') throw new Error('no recovery event');
	// A drained server wrote its last heartbeat on the way out: the clock lost (almost) nothing and gained no downtime.
	const started = events.find((e) => e.type === 'exercise.started')!;
	expect(recovered.at).toBeLessThanOrEqual((stoppedAt - started.wall) * 60 + 1000);
	expect(recovered.at).toBeGreaterThan((stoppedAt - started.wall) * 60 - 60_000);
	await server.stop();
});
