/**
 * Wires Crosscurrent onto an HTTP server: event store, scenarios, sessions and
 * the realtime API. Used by the production entry (server/index.ts) and by the
 * Vite dev server (vite.config.ts), so both run the same code.
 */
import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import { formatProblem } from '../src/lib/engine/scenario-parse';
import { SessionSigner } from './auth';
import { createRealtime } from './realtime';
import { loadScenarioDir } from './scenario-files';
import { SqliteEventStore } from './sqlite-event-store';

export interface CrosscurrentConfig {
	dbFile: string;
	scenariosDir: string;
	controllerKey?: string;
	sessionSecret?: string;
	log: (message: string) => void;
}

export function configFromEnv(env: NodeJS.ProcessEnv, log: (m: string) => void): CrosscurrentConfig {
	return {
		dbFile: env.DATABASE_FILE ?? 'data/crosscurrent.db',
		scenariosDir: env.SCENARIOS_DIR ?? 'scenarios',
		controllerKey: env.CONTROLLER_KEY || undefined,
		sessionSecret: env.SESSION_SECRET || undefined,
		log
	};
}

export async function attachCrosscurrent(httpServer: HttpServer, config: CrosscurrentConfig) {
	const { log } = config;
	const store = new SqliteEventStore(config.dbFile);

	let controllerKey = config.controllerKey ?? (await store.getSetting('controller_key'));
	if (!controllerKey) {
		controllerKey = randomBytes(9).toString('base64url');
		await store.setSetting('controller_key', controllerKey);
	}
	const signer = await SessionSigner.fromStore(store, config.sessionSecret);

	const { scenarios, broken } = await loadScenarioDir(config.scenariosDir);
	for (const b of broken)
		for (const p of b.problems) log(`scenario skipped: ${formatProblem(path.relative(process.cwd(), b.file), p)}`);
	log(`${scenarios.length} scenario(s) loaded from ${config.scenariosDir}`);
	const scenarioList = scenarios.map((s) => s.scenario);

	const realtime = await createRealtime(httpServer, { store, signer, controllerKey, scenarios: () => scenarioList, log });
	return {
		controllerKey,
		async close() {
			await realtime.close();
			await store.close();
		}
	};
}
