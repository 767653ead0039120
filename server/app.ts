/**
 * Wires Crosscurrent onto an HTTP server: event store, scenarios, sessions and
 * the realtime API. Used by the production entry (server/index.ts) and by the
 * Vite dev server (vite.config.ts), so both run the same code.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import path from 'node:path';
import { formatProblem } from '../src/lib/engine/scenario/parse';
import type { Scenario } from '../src/lib/engine/scenario/schema';
import { SessionSigner } from './auth';
import { exportHandler } from './http-exports';
import { personalDataHandler } from './http-personal-data';
import { studioHandler } from './http-studio';
import { ScenarioLibrary } from './scenario-library';
import { createRealtime, DEFAULT_RATE_LIMITS, type RateLimits } from './realtime';
import { loadScenarioDir } from './scenario-files';
import { openEventStore } from './open-event-store';
import { guardedStore } from './guarded-store';
import { notReadyReason, StorageHealth } from './storage-health';

export interface CrosscurrentConfig {
	dbFile: string;
	/** PostgreSQL connection string; when set, the SQLite file is not used. */
	databaseUrl?: string;
	/** A cap on the SQLite file's size in MB (`DATABASE_MAX_MB`): past it, writes are refused as on a full disk. */
	dbMaxMb?: number;
	/** Redis, to run several server processes as one (needs a shared PostgreSQL store). */
	redisUrl?: string;
	/** Folders scenario files are loaded from, in order. */
	scenarioDirs: string[];
	controllerKey?: string;
	sessionSecret?: string;
	rateLimits: RateLimits;
	log: (message: string) => void;
}

const positive = (value: string | undefined, fallback: number) => {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function configFromEnv(env: NodeJS.ProcessEnv, log: (m: string) => void): CrosscurrentConfig {
	return {
		dbFile: env.DATABASE_FILE ?? 'data/crosscurrent.db',
		databaseUrl: env.DATABASE_URL || undefined,
		dbMaxMb: env.DATABASE_MAX_MB ? positive(env.DATABASE_MAX_MB, 0) || undefined : undefined,
		redisUrl: env.REDIS_URL || undefined,
		scenarioDirs: (env.SCENARIOS_DIR ?? 'scenarios').split(path.delimiter).filter(Boolean),
		controllerKey: env.CONTROLLER_KEY || undefined,
		sessionSecret: env.SESSION_SECRET || undefined,
		rateLimits: {
			requestsPer10s: positive(env.RATE_LIMIT_REQUESTS_PER_10S, DEFAULT_RATE_LIMITS.requestsPer10s),
			failedJoinsPerMinute: positive(env.RATE_LIMIT_FAILED_JOINS_PER_MINUTE, DEFAULT_RATE_LIMITS.failedJoinsPerMinute)
		},
		log
	};
}

async function loadScenarios(dirs: string[], log: (m: string) => void): Promise<Scenario[]> {
	const all: Scenario[] = [];
	for (const dir of dirs) {
		const { scenarios, broken } = await loadScenarioDir(dir);
		for (const b of broken) for (const p of b.problems) log(`scenario skipped: ${formatProblem(path.relative(process.cwd(), b.file), p)}`);
		for (const s of scenarios) {
			for (const p of s.translationProblems ?? []) log(`translation skipped: ${formatProblem(path.relative(process.cwd(), s.file), p)}`);
			if (all.some((x) => x.id === s.scenario.id)) log(`scenario skipped: ${s.file}: duplicate scenario id "${s.scenario.id}"`);
			else all.push(s.scenario);
		}
	}
	log(`${all.length} scenario(s) loaded from ${dirs.join(', ')}`);
	return all;
}

export async function attachCrosscurrent(httpServer: HttpServer, config: CrosscurrentConfig) {
	const { log } = config;
	if (config.redisUrl && !config.databaseUrl) throw new Error('REDIS_URL needs DATABASE_URL: the processes of a cluster share one PostgreSQL store');
	const opened = await openEventStore(config);
	log(`event store: ${opened.describe}`);
	// Every store call's failure is classified; a fault is recorded, probed while it lasts, and shown by /readyz.
	const health = new StorageHealth({ log, probe: () => store.setSetting('storage_probe', new Date().toISOString()) });
	const store = guardedStore(opened.store, health);

	let controllerKey = config.controllerKey ?? (await store.getSetting('controller_key'));
	let controllerKeyFile: string | null = null;
	if (!config.controllerKey) {
		if (!controllerKey) {
			controllerKey = randomBytes(9).toString('base64url');
			await store.setSetting('controller_key', controllerKey);
		}
		// Kept beside the database, readable by its owner only, so it never has to go into a log.
		controllerKeyFile = path.join(path.dirname(path.resolve(config.dbFile)), 'controller.key');
		writeFileSync(controllerKeyFile, controllerKey + '\n', { mode: 0o600 });
	}
	const signer = await SessionSigner.fromStore(store, config.sessionSecret);
	// The files are checked (and their problems logged) once, then seeded into the library as read-only originals.
	await loadScenarios(config.scenarioDirs, log);
	const library = new ScenarioLibrary(store.scenarios, log);
	await library.seed(config.scenarioDirs);

	const realtime = await createRealtime(httpServer, {
		store,
		signer,
		controllerKey: controllerKey!,
		library,
		rateLimits: config.rateLimits,
		redisUrl: config.redisUrl,
		log
	});
	const studio = studioHandler({ library, signer, onSaved: realtime.notifySaved, log });
	const exports = exportHandler({ registry: realtime.registry, signer });
	const personalData = personalDataHandler({ registry: realtime.registry, signer });
	// Exercises whose clock could not be saved carry on as soon as the storage takes writes again.
	health.onCleared(() => realtime.registry.retryNow());
	let ready = true;
	return {
		/** Serves the studio and export routes; false when the request is for something else. */
		handleHttp: (req: IncomingMessage, res: ServerResponse) => studio(req, res) || exports(req, res) || personalData(req, res),
		controllerKey: controllerKey!,
		controllerKeyFile,
		isReady: () => ready && !health.fault,
		/** For `/readyz`: ready, or why not (stopping, or the storage's fault and since when). */
		readiness: (): { ready: boolean; reason: string } => {
			if (!ready) return { ready: false, reason: 'not ready: stopping' };
			return health.fault ? { ready: false, reason: notReadyReason(health.fault) } : { ready: true, reason: 'ready' };
		},
		async close(reason?: string) {
			ready = false;
			health.close();
			await realtime.close(reason);
			await store.close();
		}
	};
}
