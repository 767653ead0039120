/**
 * The studio's HTTP routes (controllers only, `Authorization: Bearer <session token>`): the scenario library as
 * JSON. Scenario texts travel here rather than over the socket, whose messages are capped at 256 kB; a body is
 * read up to 3 MB, validated with zod, and a refusal is `{ error, code, params }` as on the socket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { SCENARIO_LANGUAGES } from '../src/lib/engine/scenario/vocabulary';
import { parseScenarioYaml, MAX_SCENARIO_BYTES } from '../src/lib/engine/scenario/parse';
import { geographyProblems } from '../src/lib/engine/scenario/geography';
import { dryRun } from '../src/lib/engine/studio/dry-run';
import { VERSION_STATUSES, type StudioSaved } from '../src/lib/engine/studio/library';
import { describeIssues } from '../src/lib/realtime/contract';
import type { SessionSigner } from './auth';
import { RequestError } from './realtime/access';
import type { ScenarioLibrary } from './scenario-library';

export const MAX_STUDIO_BODY = 3 * 1024 * 1024;

const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a scenario id');
/** A scenario text; one over MAX_SCENARIO_BYTES is refused as `scenario-too-large` where it is examined, not as a bad payload. */
const source = z.string().min(1);
const bodies = {
	create: z.union([
		z.strictObject({
			blank: z.strictObject({
				title: z.string().trim().min(1).max(160),
				kind: z.enum(['maritime-trafficking', 'displacement']),
				language: z.enum(SCENARIO_LANGUAGES)
			})
		}),
		z.strictObject({ copyOf: key, version: z.number().int().positive().optional(), title: z.string().trim().min(1).max(160).optional() }),
		z.strictObject({ source, fileName: z.string().max(200).optional() })
	]),
	save: z.strictObject({ baseVersion: z.number().int().min(0), source, status: z.enum(VERSION_STATUSES), note: z.string().trim().max(300).optional() }),
	restore: z.strictObject({ version: z.number().int().positive() }),
	archive: z.strictObject({ archived: z.boolean() }),
	dryRun: z.strictObject({
		source,
		path: z.discriminatedUnion('kind', [
			z.strictObject({ kind: z.literal('best') }),
			z.strictObject({ kind: z.literal('worst') }),
			z.strictObject({ kind: z.literal('none') }),
			z.strictObject({ kind: z.literal('chosen'), choices: z.record(z.string().max(64), z.string().max(64).nullable()) })
		])
	})
};

const ROUTES: [string, RegExp][] = [
	['list', /^\/api\/studio\/scenarios$/],
	['entry', /^\/api\/studio\/scenarios\/([a-z0-9-]{1,64})$/],
	['versions', /^\/api\/studio\/scenarios\/([a-z0-9-]{1,64})\/versions$/],
	['download', /^\/api\/studio\/scenarios\/([a-z0-9-]{1,64})\/versions\/(\d{1,9})\/scenario\.yaml$/],
	['restore', /^\/api\/studio\/scenarios\/([a-z0-9-]{1,64})\/restore$/],
	['archive', /^\/api\/studio\/scenarios\/([a-z0-9-]{1,64})\/archive$/],
	['dry-run', /^\/api\/studio\/dry-run$/]
];

const STATUS_OF: Record<string, number> = {
	'not-signed-in': 401,
	'controller-only': 403,
	'unknown-scenario': 404,
	'unknown-version': 404,
	'stale-version': 409,
	'scenario-read-only': 409,
	'body-too-large': 413,
	'scenario-too-large': 413,
	// The storage's fault, not the request's: the same request works once the storage is back.
	'storage-full': 503,
	'storage-locked': 503,
	'storage-unavailable': 503,
	'storage-failed': 503
};

function readBody(req: IncomingMessage): Promise<unknown> {
	return new Promise((resolve, reject) => {
		let size = 0;
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_STUDIO_BODY) {
				// The rest is read and dropped rather than the connection destroyed, so the 413 reaches the caller.
				chunks.length = 0;
				req.removeAllListeners('data').resume();
				reject(new RequestError('body-too-large', `the request is larger than ${MAX_STUDIO_BODY} bytes`, { limit: MAX_STUDIO_BODY }));
			} else chunks.push(chunk);
		});
		req.on('end', () => {
			try {
				resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
			} catch {
				reject(new RequestError('invalid-payload', 'the request body is not JSON', { field: '', reason: 'other' }));
			}
		});
		req.on('error', reject);
	});
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const field = String(parsed.error.issues[0]?.path[0] ?? '');
		throw new RequestError('invalid-payload', describeIssues(parsed.error, 'body'), { field, reason: 'other' });
	}
	return parsed.data;
}

export function studioHandler(deps: {
	library: ScenarioLibrary;
	signer: SessionSigner;
	/** Tells everyone with the scenario open that a version was saved. */
	onSaved: (saved: StudioSaved) => void;
	log?: (message: string) => void;
	now?: () => number;
}) {
	const now = deps.now ?? Date.now;
	const send = (res: ServerResponse, status: number, body: unknown) =>
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));

	async function route(req: IncomingMessage, res: ServerResponse, name: string, match: RegExpExecArray, url: URL) {
		const auth = req.headers.authorization ?? '';
		const session = auth.startsWith('Bearer ') ? deps.signer.verify(auth.slice(7), now()) : null;
		if (!session) throw new RequestError('not-signed-in', 'sign in first: send your session token as "Authorization: Bearer <token>"');
		if (session.role !== 'controller') throw new RequestError('controller-only', 'only an exercise controller may use the studio');
		const by = session.name;
		const method = req.method ?? 'GET';
		const only = (m: string) => {
			if (method !== m) throw new RequestError('bad-call', `use ${m} here`);
		};
		const k = match[1] ?? '';
		const { library } = deps;
		switch (name) {
			case 'list':
				if (method === 'GET') return send(res, 200, await library.list());
				only('POST');
				return send(res, 201, await library.create(parse(bodies.create, await readBody(req)), by));
			case 'entry': {
				if (method === 'GET') {
					const v = url.searchParams.get('version');
					return send(res, 200, await library.open(k, v ? Number(v) : undefined));
				}
				only('PUT');
				const saved = await library.save(k, parse(bodies.save, await readBody(req)), by);
				deps.onSaved({ key: k, version: saved.version, savedBy: by });
				return send(res, 200, saved);
			}
			case 'versions':
				only('GET');
				return send(res, 200, await library.history(k));
			case 'download': {
				only('GET');
				const { version } = await library.open(k, Number(match[2]));
				return void res
					.writeHead(200, {
						'content-type': 'text/yaml; charset=utf-8',
						'cache-control': 'no-store',
						'content-disposition': `attachment; filename="${k}-v${version.version}.yaml"`
					})
					.end(version.source);
			}
			case 'restore': {
				only('POST');
				const saved = await library.restore(k, parse(bodies.restore, await readBody(req)).version, by);
				deps.onSaved({ key: k, version: saved.version, savedBy: by });
				return send(res, 200, saved);
			}
			case 'archive':
				only('POST');
				await library.archive(k, parse(bodies.archive, await readBody(req)).archived, by);
				return send(res, 200, {});
			case 'dry-run': {
				only('POST');
				const body = parse(bodies.dryRun, await readBody(req));
				if (body.source.length > MAX_SCENARIO_BYTES)
					throw new RequestError('scenario-too-large', `the scenario is larger than ${MAX_SCENARIO_BYTES} bytes`, { limit: MAX_SCENARIO_BYTES });
				const parsed = parseScenarioYaml(body.source, geographyProblems);
				if (!parsed.ok) throw new RequestError('scenario-not-ready', `the scenario has ${parsed.problems.length} problems`, { count: parsed.problems.length });
				return send(res, 200, dryRun(parsed.scenario, body.path));
			}
		}
	}

	return (req: IncomingMessage, res: ServerResponse): boolean => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const found = ROUTES.map(([name, re]) => [name, re.exec(url.pathname)] as const).find(([, m]) => m);
		if (!found) return false;
		route(req, res, found[0], found[1]!, url).catch((err: unknown) => {
			if (res.headersSent) return;
			if (err instanceof RequestError) return send(res, STATUS_OF[err.code] ?? 400, { error: err.message, code: err.code, params: err.params });
			deps.log?.(`studio: ${(err as Error).stack ?? err}`);
			send(res, 500, { error: 'internal error', code: 'internal' });
		});
		return true;
	};
}
