/**
 * Crosscurrent server entry: one HTTP server serving the built SvelteKit app
 * and the Socket.IO realtime API on the same port.
 *
 * Environment: PORT (3000), HOST (0.0.0.0), DATABASE_FILE (./data/crosscurrent.db),
 * SCENARIOS_DIR (./scenarios), CONTROLLER_KEY (generated and kept in the database
 * when unset), SESSION_SECRET (generated and kept in the database when unset).
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { attachCrosscurrent, configFromEnv } from './app';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const log = (message: string) => console.log(`[crosscurrent] ${message}`);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

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

const app = await attachCrosscurrent(httpServer, configFromEnv(process.env, log));

httpServer.listen(port, host, () => {
	const address = httpServer.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	log(`listening on http://localhost:${actualPort}`);
	if (!process.env.CONTROLLER_KEY) log(`controller key: ${app.controllerKey} (set CONTROLLER_KEY to choose your own)`);
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	log(`${signal}: shutting down`);
	httpServer.close();
	await app.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
