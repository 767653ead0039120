/**
 * Crosscurrent server entry: one HTTP server serving the built SvelteKit app
 * and the Socket.IO realtime API on the same port.
 *
 * Environment: PORT (3000), HOST (0.0.0.0), DATABASE_FILE (./data/crosscurrent.db),
 * SCENARIOS_DIR (./scenarios), CONTROLLER_KEY (generated and kept in the database
 * when unset), SESSION_SECRET (generated and kept in the database when unset).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblem } from '../src/lib/engine/scenario-parse';
import type { Scenario } from '../src/lib/engine/scenario-schema';
import { SessionSigner } from './auth';
import { createRealtime } from './realtime';
import { loadScenarioDir } from './scenario-files';
import { SqliteEventStore } from './sqlite-event-store';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const log = (message: string) => console.log(`[crosscurrent] ${message}`);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const dbFile = process.env.DATABASE_FILE ?? 'data/crosscurrent.db';
const scenariosDir = process.env.SCENARIOS_DIR ?? 'scenarios';

const store = new SqliteEventStore(dbFile);

let controllerKey = process.env.CONTROLLER_KEY ?? (await store.getSetting('controller_key'));
if (!controllerKey) {
	controllerKey = randomBytes(9).toString('base64url');
	await store.setSetting('controller_key', controllerKey);
}
const signer = await SessionSigner.fromStore(store, process.env.SESSION_SECRET);

const { scenarios, broken } = await loadScenarioDir(scenariosDir);
for (const b of broken)
	for (const p of b.problems) log(`scenario skipped: ${formatProblem(path.relative(process.cwd(), b.file), p)}`);
const scenarioList: Scenario[] = scenarios.map((s) => s.scenario);
log(`${scenarioList.length} scenario(s) loaded from ${scenariosDir}`);

let handler: Handler | null = null;
const handlerFile = path.resolve('build/handler.js');
if (existsSync(handlerFile)) handler = (await import(pathToFileURL(handlerFile).href)).handler as Handler;
else log('build/handler.js not found: run `npm run build` to serve the web app (the realtime API works without it)');

const httpServer = createServer((req, res) => {
	if (req.url === '/healthz') {
		res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
		return;
	}
	const notFound = () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
	if (handler) handler(req, res, notFound);
	else notFound();
});

const realtime = await createRealtime(httpServer, {
	store,
	signer,
	controllerKey,
	scenarios: () => scenarioList,
	log
});

httpServer.listen(port, host, () => {
	const address = httpServer.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	log(`listening on http://localhost:${actualPort}`);
	log(`controller key: ${controllerKey}`);
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	log(`${signal}: shutting down`);
	httpServer.close();
	await realtime.close();
	await store.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
