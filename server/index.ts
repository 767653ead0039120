/**
 * Crosscurrent server entry: one HTTP server serving the built SvelteKit app
 * and the Socket.IO realtime API on the same port.
 *
 * Environment: PORT (3000), HOST (0.0.0.0), DATABASE_FILE (./data/crosscurrent.db), DATABASE_MAX_MB (no cap),
 * SCENARIOS_DIR (./scenarios; several separated by ':'), CONTROLLER_KEY (generated
 * once and kept beside the database when unset), SESSION_SECRET (generated and kept
 * in the database when unset), RATE_LIMIT_REQUESTS_PER_10S, RATE_LIMIT_FAILED_JOINS_PER_MINUTE.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { attachCrosscurrent, configFromEnv } from './app';
import { setSecurityHeaders } from './security-headers';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const log = (message: string) => console.log(`[crosscurrent] ${message}`);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

let handler: Handler | null = null;
const handlerFile = path.resolve('build/handler.js');
if (existsSync(handlerFile)) handler = (await import(pathToFileURL(handlerFile).href)).handler as Handler;
else log('build/handler.js not found: run `npm run build` to serve the web app (the realtime API works without it)');

let app: Awaited<ReturnType<typeof attachCrosscurrent>> | null = null;

const httpServer = createServer((req, res) => {
	setSecurityHeaders(res);
	if (req.url === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
	if (req.url === '/readyz') {
		// Ready to take play: started, not stopping, and the storage taking writes (else why not, and since when).
		const { ready, reason } = app?.readiness() ?? { ready: false, reason: 'not ready: starting' };
		return void res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(reason);
	}
	if (app?.handleHttp(req, res)) return;
	const notFound = () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
	if (handler) handler(req, res, notFound);
	else notFound();
});

app = await attachCrosscurrent(httpServer, configFromEnv(process.env, log));

httpServer.listen(port, host, () => {
	const address = httpServer.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	log(`listening on http://localhost:${actualPort}`);
	if (app?.controllerKeyFile) {
		// Shown on an operator's terminal, never written to a redirected log.
		if (process.stdout.isTTY) log(`controller key: ${app.controllerKey}`);
		log(`controller key file: ${path.relative(process.cwd(), app.controllerKeyFile)}`);
	}
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	log(`${signal}: draining`);
	httpServer.close();
	await app?.close(signal === 'SIGTERM' ? 'the server is restarting' : 'the server is stopping');
	log('stopped');
	process.exit(0);
}
// One failed background task must not take every exercise down with it: log it loudly and carry on.
process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
