/** npm run backup / npm run restore against a real server and real database files. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { client, CONTROLLER_KEY, freePort, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const tmp = tempDir();
const servers: RunningServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
	for (const c of clients.splice(0)) c.disconnect();
	for (const s of servers.splice(0)) await s.stop();
});
afterAll(() => tmp.cleanup());

async function serve(dbFile: string, port?: number): Promise<RunningServer> {
	const server = await startServer({ dbFile, port });
	servers.push(server);
	return server;
}

async function stop(server: RunningServer) {
	await server.stop();
	servers.splice(servers.indexOf(server), 1);
}

async function connect(url: string, token?: string): Promise<TestClient> {
	const socket = await client(url, token);
	clients.push(socket);
	return socket;
}

async function controllerOf(server: RunningServer): Promise<TestClient> {
	const anon = await connect(server.url);
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
	anon.disconnect();
	return connect(server.url, token);
}

/** Runs scripts/<name>.ts as the npm script does, with DATABASE_FILE and PORT always set explicitly. */
function runScript(name: 'backup' | 'restore', args: string[], env: { DATABASE_FILE: string; PORT: string }) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

const types = (events: DomainEvent[]) => events.map((e) => e.type);

describe('backup and restore', () => {
	it('backs up a running server, restores into a new file and serves the log as it was at backup time', async () => {
		const liveDb = path.join(tmp.dir, 'live.db');
		const backupFile = path.join(tmp.dir, 'b.db');
		const restoredDb = path.join(tmp.dir, 'restored', 'crosscurrent.db');

		// A running exercise in which a team has decided.
		let server = await serve(liveDb);
		let controller = await controllerOf(server);
		const { exerciseId, codes } = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Backup run' });
		const anon = await connect(server.url);
		const joined = await anon.ok('session:join', { code: codes.teams['tt-coast-guard'], name: 'Lt Baptiste' });
		anon.disconnect();
		const coastGuard = await connect(server.url, joined.token);
		await coastGuard.ok('exercise:open', {});
		await controller.ok('exercise:control', { exerciseId, action: 'start' });
		await until(() => coastGuard.received.some((e) => e.type === 'inject.released' && e.injectId === 'rifc-tipoff'), 'the tip-off at the coast guard');
		await coastGuard.ok('decision:submit', { injectId: 'rifc-tipoff', optionId: 'share-and-launch' });
		const atBackup = (await controller.ok('exercise:open', { exerciseId })).events;
		expect(types(atBackup)).toContain('decision.submitted');

		// Backup while the server runs.
		const backup = await runScript('backup', [backupFile], { DATABASE_FILE: liveDb, PORT: String(server.port) });
		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		expect(backup.stdout).toMatch(new RegExp(`backup written: .*b\\.db \\(1 exercise, ${atBackup.length} events, [\\d.]+ KB\\)`));
		expect(readdirSync(tmp.dir).filter((f) => f.startsWith('b.db'))).toEqual(['b.db']);
		// Nothing was appended while the backup ran, so the backup holds exactly `atBackup`.
		expect((await controller.ok('exercise:open', { exerciseId })).events).toEqual(atBackup);

		// A later change that the backup must not contain.
		await controller.ok('exercise:control', { exerciseId, action: 'pause' });
		expect(types((await controller.ok('exercise:open', { exerciseId })).events).at(-1)).toBe('exercise.paused');
		for (const c of clients.splice(0)) c.disconnect();
		await stop(server);

		// Restore refuses while a server answers on PORT, and changes nothing.
		server = await serve(liveDb);
		const refused = await runScript('restore', [backupFile], { DATABASE_FILE: restoredDb, PORT: String(server.port) });
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/server appears to be running/);
		expect(refused.stderr).toMatch(/Stop the server/);
		expect(existsSync(path.dirname(restoredDb))).toBe(false);
		await stop(server);

		// Restore into a new database file.
		const restored = await runScript('restore', [backupFile], { DATABASE_FILE: restoredDb, PORT: String(await freePort()) });
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		expect(restored.stdout).toContain(`backup verified: ${backupFile} (1 exercise, ${atBackup.length} events)`);
		expect(restored.stdout).toContain('nothing moved aside');
		expect(restored.stdout).toContain(`restored: ${restoredDb}`);
		expect(readdirSync(path.dirname(restoredDb))).toEqual(['crosscurrent.db']);

		// A server on the restored database serves the log as it was at backup time.
		server = await serve(restoredDb);
		controller = await controllerOf(server);
		const listed = await controller.ok('exercise:list', {});
		expect(listed.map((x) => x.id)).toContain(exerciseId);
		// The exercise was running in the backup, so the server resumes it and records that with exercise.recovered.
		let reopened: DomainEvent[] = [];
		const recovered = () => reopened.some((e) => e.type === 'exercise.recovered');
		for (let i = 0; i < 50 && !recovered(); i++) {
			if (i > 0) await new Promise((r) => setTimeout(r, 100));
			reopened = (await controller.ok('exercise:open', { exerciseId })).events;
		}
		expect(reopened.slice(0, atBackup.length)).toEqual(atBackup);
		expect(types(reopened.slice(atBackup.length))).toEqual(['exercise.recovered']);
		expect(types(reopened)).toContain('decision.submitted');
		expect(types(reopened)).not.toContain('exercise.paused');
	});

	it('refuses a corrupt backup with a clear error and leaves the current database untouched', async () => {
		const dir = path.join(tmp.dir, 'corrupt');
		const target = path.join(dir, 'crosscurrent.db');
		const corrupt = path.join(tmp.dir, 'corrupt.db');
		mkdirSync(dir, { recursive: true });
		const db = new Database(target);
		db.exec("CREATE TABLE marker (x TEXT); INSERT INTO marker VALUES ('current data')");
		db.close();
		const before = readFileSync(target);
		writeFileSync(corrupt, randomBytes(64 * 1024));

		const result = await runScript('restore', [corrupt], { DATABASE_FILE: target, PORT: String(await freePort()) });
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`restore refused: "${corrupt}" is not a usable backup: file is not a database. Nothing was changed.`);
		expect(readFileSync(target).equals(before)).toBe(true);
		expect(readdirSync(dir)).toEqual(['crosscurrent.db']);
	});

	it('refuses a backup without the Crosscurrent tables and a backup of a missing database', async () => {
		const other = path.join(tmp.dir, 'other.db');
		const db = new Database(other);
		db.exec('CREATE TABLE exercises (id TEXT)');
		db.close();
		const target = path.join(tmp.dir, 'untouched', 'crosscurrent.db');
		const wrong = await runScript('restore', [other], { DATABASE_FILE: target, PORT: String(await freePort()) });
		expect(wrong.code).toBe(1);
		expect(wrong.stderr).toMatch(/not a Crosscurrent database: missing table\(s\) events, join_codes, settings/);
		expect(existsSync(path.dirname(target))).toBe(false);

		const missing = path.join(tmp.dir, 'missing.db');
		const nothing = await runScript('backup', [path.join(tmp.dir, 'never.db')], { DATABASE_FILE: missing, PORT: '0' });
		expect(nothing.code).toBe(1);
		expect(nothing.stderr).toContain(`backup failed: database "${missing}" does not exist`);
		expect(existsSync(path.join(tmp.dir, 'never.db'))).toBe(false);
	});
});
