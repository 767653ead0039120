/**
 * The studio's scenario library on the real server, over HTTP and real sockets, on SQLite and (when
 * TEST_DATABASE_URL is set) PostgreSQL: bundled originals read-only and copied to edit, versions saved, listed and
 * restored, stale saves refused without overwriting, ready saves checked, exercises pinned to the version they were
 * created from, byte-exact YAML downloads that pass `scenario:check`, who may call the routes, presence and saves on
 * the socket, and the dry run of both bundled scenarios with nothing stored.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../server/scenario-files';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { geographyProblems } from '../../src/lib/engine/scenario/geography';
import { MAX_SCENARIO_BYTES, parseScenarioYaml } from '../../src/lib/engine/scenario/parse';
import type { Scenario } from '../../src/lib/engine/scenario/schema';
import { dryRun, type DryRunPath, type DryRunResult } from '../../src/lib/engine/studio/dry-run';
import type { LibraryEntry, ScenarioVersion, ScenarioVersionInfo, StudioPresence, StudioSaved } from '../../src/lib/engine/studio/library';
import { ScenarioDocument } from '../../src/lib/engine/studio/scenario-document';
import { miniScenarioInput } from '../fixtures/mini-scenario';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const MARITIME = 'maritime-trafficking-southern-caribbean';
const DISPLACEMENT = 'displacement-hurricane-dominica';
const BUNDLED = [MARITIME, DISPLACEMENT];

interface StoreKind {
	name: string;
	/** The server's environment for this store (a fresh database or schema). */
	env: () => Promise<Record<string, string>>;
	cleanup: () => Promise<void>;
}

const pgUrl = process.env.TEST_DATABASE_URL;
const kinds: StoreKind[] = [{ name: 'SQLite', env: async () => ({ DATABASE_URL: '' }), cleanup: async () => {} }];
if (pgUrl) {
	const schema = `studio_${randomBytes(6).toString('hex')}`;
	const admin = async (sql: string) => {
		const c = new pg.Client({ connectionString: pgUrl });
		await c.connect();
		await c.query(sql);
		await c.end();
	};
	kinds.push({
		name: 'PostgreSQL',
		env: async () => {
			await admin(`CREATE SCHEMA ${schema}`);
			const url = new URL(pgUrl);
			url.searchParams.set('options', `-c search_path=${schema}`);
			return { DATABASE_URL: url.toString() };
		},
		cleanup: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
	});
} else {
	it.skip('studio library on PostgreSQL (set TEST_DATABASE_URL to run it)', () => {});
}

interface Reply<T = unknown> {
	status: number;
	headers: Headers;
	text: string;
	body: T;
}
type Refusal = { error: string; code: string; params?: Record<string, string | number> };

/** A text that passes every check, as a planner would save it: comments and non-ASCII text kept as written. */
function playableSource(key: string, title = 'Go-fast off Carriacou', body = 'A go-fast is loading at Güiria.') {
	const input = {
		...miniScenarioInput,
		id: key,
		title,
		summary: 'Une vedette rapide — cap au nord, près de Tobago ✓',
		injects: miniScenarioInput.injects.map((i) => (i.id === 'tip' ? { ...i, body } : i))
	};
	return `# Planned by the studio test\n${stringify(input, { lineWidth: 100, indent: 2 })}# end of scenario\n`;
}

/** The same text with one field changed, through the studio's own document model. */
function edited(source: string, field: string, value: unknown) {
	const opened = ScenarioDocument.parse(source);
	if (!opened.ok) throw new Error('unreadable source');
	opened.document.set([field], value);
	return opened.document.text();
}

/** Each store's server, all started at once (a start takes seconds), with what a restart needs. */
const started = new Map<string, { server: RunningServer; dbFile: string; env: Record<string, string>; tmp: ReturnType<typeof tempDir> }>();
beforeAll(async () => {
	await Promise.all(
		kinds.map(async (kind) => {
			const tmp = tempDir();
			const dbFile = path.join(tmp.dir, 'studio.db');
			const env = { ...(await kind.env()), RATE_LIMIT_REQUESTS_PER_10S: '10000' };
			started.set(kind.name, { server: await startServer({ dbFile, env }), dbFile, env, tmp });
		})
	);
});

/** The engine's own dry runs of a text, played once for every store's comparison. */
const localRuns = new Map<string, DryRunResult>();
function localDryRun(source: string, scenario: Scenario, kind: 'best' | 'worst' | 'none'): DryRunResult {
	const id = `${kind}:${source}`;
	if (!localRuns.has(id)) localRuns.set(id, JSON.parse(JSON.stringify(dryRun(scenario, { kind }))) as DryRunResult);
	return localRuns.get(id)!;
}

describe.each(kinds)('studio library on $name', (kind) => {
	let tmp: ReturnType<typeof tempDir>;
	let dbFile = '';
	let serverEnv: Record<string, string> = {};
	let server: RunningServer;
	const sockets: TestClient[] = [];
	const keep = (s: TestClient) => (sockets.push(s), s);
	/** Controller tokens and sockets of two planners. */
	const token: Record<'ana' | 'ben', string> = { ana: '', ben: '' };
	let ana: TestClient;
	let ben: TestClient;
	let teamToken = '';
	let evaluatorToken = '';

	async function api<T = unknown>(who: string | undefined, method: string, route: string, body?: unknown): Promise<Reply<T>> {
		const res = await fetch(`${server.url}/api/studio${route}`, {
			method,
			headers: { ...(who ? { authorization: `Bearer ${who}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// YAML downloads are text.
		}
		return { status: res.status, headers: res.headers, text, body: parsed as T };
	}
	const ok = async <T>(reply: Promise<Reply<T>>, status = 200): Promise<T> => {
		const r = await reply;
		if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text.slice(0, 300)}`);
		return r.body;
	};
	const history = (key: string) => ok(api<ScenarioVersionInfo[]>(token.ana, 'GET', `/scenarios/${key}/versions`));
	const open = (key: string, version?: number) =>
		ok(api<{ entry: LibraryEntry; version: ScenarioVersion }>(token.ana, 'GET', `/scenarios/${key}${version ? `?version=${version}` : ''}`));
	const createdEvent = async (exerciseId: string) => {
		const opened = await ana.ok('exercise:open', { exerciseId });
		const first = opened.events[0] as DomainEvent;
		if (first.type !== 'exercise.created') throw new Error('no exercise.created');
		return first as Extract<DomainEvent, { type: 'exercise.created' }> & { scenarioVersion?: number; scenario: Scenario };
	};
	const signIn = async (name: string) => {
		const anon = await client(server.url);
		const { token: t } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name });
		anon.disconnect();
		return t;
	};

	beforeAll(async () => {
		({ server, dbFile, env: serverEnv, tmp } = started.get(kind.name)!);
		token.ana = await signIn('Ana Planner');
		token.ben = await signIn('Ben Planner');
		ana = keep(await client(server.url, token.ana));
		ben = keep(await client(server.url, token.ben));
		// A team member and an evaluator of an exercise of a bundled scenario.
		const { codes } = await ana.ok('exercise:create', { scenarioId: MARITIME, title: 'Sessions for the studio test' });
		const join = async (code: string, name: string) => {
			const anon = await client(server.url);
			const joined = await anon.ok('session:join', { code, name });
			anon.disconnect();
			return joined.token;
		};
		teamToken = await join(codes.teams['tt-coast-guard']!, 'Lt Baptiste');
		evaluatorToken = await join(codes.evaluator, 'Evaluator One');
	});
	afterAll(async () => {
		for (const s of sockets) s.disconnect();
		await server?.stop();
		await kind.cleanup();
		tmp?.cleanup();
	});

	it('lists the bundled scenarios as read-only originals, refuses saving onto one, and edits a copy', async () => {
		const list = await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'));
		for (const key of BUNDLED) {
			const entry = list.find((e) => e.key === key);
			expect(entry, key).toMatchObject({ origin: 'bundled', archived: false, createdBy: 'bundled file' });
			expect(entry!.latest).toMatchObject({ status: 'ready', problems: 0, savedBy: 'bundled file' });
			expect(entry!.ready?.version).toBe(entry!.latest.version);
		}
		const original = await open(MARITIME);
		const before = await history(MARITIME);

		const onto = await api<Refusal>(token.ana, 'PUT', `/scenarios/${MARITIME}`, {
			baseVersion: original.version.version,
			source: edited(original.version.source, 'title', 'Changed in place'),
			status: 'ready'
		});
		expect(onto.status).toBe(409);
		expect(onto.body).toMatchObject({ code: 'scenario-read-only', error: expect.stringContaining('copy it to edit') });
		for (const [route, body] of [
			['restore', { version: 1 }],
			['archive', { archived: true }]
		] as const)
			expect((await api<Refusal>(token.ana, 'POST', `/scenarios/${MARITIME}/${route}`, body)).body).toMatchObject({ code: 'scenario-read-only' });
		expect(await history(MARITIME)).toEqual(before);
		expect((await open(MARITIME)).version.source).toBe(original.version.source);

		const copy = await ok(api<{ key: string; version: number }>(token.ana, 'POST', '/scenarios', { copyOf: MARITIME, title: 'Our Gulf of Paria run' }), 201);
		expect(copy).toEqual({ key: 'our-gulf-of-paria-run', version: 1 });
		const copied = await open(copy.key);
		expect(copied.entry).toMatchObject({ origin: 'studio', createdBy: 'Ana Planner' });
		expect(copied.version).toMatchObject({
			title: 'Our Gulf of Paria run',
			status: 'draft',
			problems: 0,
			savedBy: 'Ana Planner',
			note: `copy of "Maritime trafficking interdiction — southern Caribbean" (${MARITIME} v1)`
		});
		const ours = edited(copied.version.source, 'summary', 'Our own summary.');
		const saved = await ok(
			api<ScenarioVersionInfo>(token.ana, 'PUT', `/scenarios/${copy.key}`, { baseVersion: 1, source: ours, status: 'ready', note: 'our summary' })
		);
		expect(saved).toMatchObject({ key: copy.key, version: 2, status: 'ready', savedBy: 'Ana Planner', note: 'our summary' });
		expect((await open(copy.key)).version.source).toBe(ours);
		// The original is untouched.
		expect((await open(MARITIME)).version.source).toBe(original.version.source);
	});

	describe('versions of one scenario', () => {
		let key = '';
		let v2Source = '';
		let v3Source = '';
		let fromV2 = '';
		const watched: { ana: StudioPresence[]; ben: StudioPresence[]; anaSaved: StudioSaved[]; benSaved: StudioSaved[] } = {
			ana: [],
			ben: [],
			anaSaved: [],
			benSaved: []
		};

		it('creates a blank draft that cannot run yet', async () => {
			const made = await ok(
				api<{ key: string; version: number }>(token.ana, 'POST', '/scenarios', {
					blank: { title: 'Go-fast off Carriacou', kind: 'maritime-trafficking', language: 'en' }
				}),
				201
			);
			key = made.key;
			expect(made).toEqual({ key: 'go-fast-off-carriacou', version: 1 });
			const v1 = await open(key);
			expect(v1.entry).toMatchObject({ origin: 'studio', createdBy: 'Ana Planner', ready: null });
			expect(v1.version).toMatchObject({ version: 1, status: 'draft', savedBy: 'Ana Planner', note: 'new' });
			expect(v1.version.problems).toBeGreaterThan(0);
			// Nothing ready to launch: not listed, and refused by name.
			expect((await ana.ok('scenario:list', {})).map((s) => s.id)).not.toContain(key);
			expect(await ana.call('exercise:create', { scenarioId: key })).toMatchObject({ ok: false, code: 'unknown-version' });
			expect(await ana.call('exercise:create', { scenarioId: key, version: 1 })).toMatchObject({ ok: false, code: 'scenario-not-ready' });
		});

		it('lets two watching controllers see each other', async () => {
			ana.on('studio:presence', (p: StudioPresence) => watched.ana.push(p));
			ben.on('studio:presence', (p: StudioPresence) => watched.ben.push(p));
			ana.on('studio:saved', (s: StudioSaved) => watched.anaSaved.push(s));
			ben.on('studio:saved', (s: StudioSaved) => watched.benSaved.push(s));
			await ana.ok('studio:watch', { key });
			await ben.ok('studio:watch', { key });
			const both = (list: StudioPresence[]) =>
				list.some(
					(p) =>
						p.key === key &&
						p.editors
							.map((e) => e.name)
							.sort()
							.join() === 'Ana Planner,Ben Planner'
				);
			await until(() => both(watched.ana) && both(watched.ben), 'both planners in each other’s presence');
			// A team member may not watch the studio.
			const team = keep(await client(server.url, teamToken));
			expect(await team.call('studio:watch', { key })).toMatchObject({ ok: false, code: 'controller-only' });
		});

		it('refuses a ready save with problems, saves a playable version, and audits it', async () => {
			const blank = (await open(key)).version.source;
			const refused = await api<Refusal>(token.ana, 'PUT', `/scenarios/${key}`, { baseVersion: 1, source: blank, status: 'ready' });
			expect(refused.status).toBe(400);
			expect(refused.body.code).toBe('scenario-not-ready');
			expect(Number(refused.body.params?.count)).toBeGreaterThan(0);
			expect((await history(key)).map((v) => v.version)).toEqual([1]);

			v2Source = playableSource(key);
			const v2 = await ok(
				api<ScenarioVersionInfo>(token.ana, 'PUT', `/scenarios/${key}`, { baseVersion: 1, source: v2Source, status: 'ready', note: 'first playable' })
			);
			expect(v2).toMatchObject({ key, version: 2, status: 'ready', problems: 0, savedBy: 'Ana Planner', note: 'first playable', restoredFrom: null });
			expect(server.output()).toContain(`studio: Ana Planner saved ${key} v2 (ready)`);
			// The other watcher hears of it.
			await until(() => watched.benSaved.some((s) => s.version === 2), 'studio:saved at Ben');
			expect(watched.benSaved).toContainEqual({ key, version: 2, savedBy: 'Ana Planner' });
		});

		it('pins an exercise to the version it was created from', async () => {
			expect((await ana.ok('scenario:list', {})).find((s) => s.id === key)).toMatchObject({ version: 2, title: 'Go-fast off Carriacou' });
			fromV2 = (await ana.ok('exercise:create', { scenarioId: key, title: 'From v2' })).exerciseId;
			const created = await createdEvent(fromV2);
			expect(created.scenarioVersion).toBe(2);
			expect(created.scenario.title).toBe('Go-fast off Carriacou');
			expect(created.scenario.injects.find((i) => i.id === 'tip')?.body).toBe('A go-fast is loading at Güiria.');

			v3Source = edited(playableSource(key, 'Go-fast off Carriacou (night)', 'Two go-fasts are loading at Güiria.'), 'durationMinutes', 90);
			const v3 = await ok(
				api<ScenarioVersionInfo>(token.ben, 'PUT', `/scenarios/${key}`, { baseVersion: 2, source: v3Source, status: 'ready', note: 'at night' })
			);
			expect(v3).toMatchObject({ version: 3, status: 'ready', savedBy: 'Ben Planner', note: 'at night' });
			await until(() => watched.anaSaved.some((s) => s.version === 3), 'studio:saved at Ana');
			expect(watched.anaSaved).toContainEqual({ key, version: 3, savedBy: 'Ben Planner' });

			// The running exercise keeps what it was created from, as does its log, read back from the store.
			const again = await createdEvent(fromV2);
			expect(again.scenarioVersion).toBe(2);
			expect(again.scenario.title).toBe('Go-fast off Carriacou');
			expect(again.scenario.durationMinutes).toBe(60);
			await ana.ok('exercise:control', { exerciseId: fromV2, action: 'start' });
			const state = await ana.ok('exercise:open', { exerciseId: fromV2 });
			const tip = state.events.find((e) => e.type === 'inject.released' && e.injectId === 'tip');
			expect(tip?.type === 'inject.released' && tip.inject.body).toBe('A go-fast is loading at Güiria.');

			// A second exercise gets the newest ready version; an older one can still be named.
			expect((await ana.ok('scenario:list', {})).find((s) => s.id === key)).toMatchObject({ version: 3, title: 'Go-fast off Carriacou (night)' });
			const fromV3 = await createdEvent((await ana.ok('exercise:create', { scenarioId: key, title: 'From v3' })).exerciseId);
			expect(fromV3.scenarioVersion).toBe(3);
			expect(fromV3.scenario).toMatchObject({ title: 'Go-fast off Carriacou (night)', durationMinutes: 90 });
			const named = await createdEvent((await ana.ok('exercise:create', { scenarioId: key, version: 2, title: 'Named v2' })).exerciseId);
			expect(named.scenarioVersion).toBe(2);
		});

		it('refuses a save on a stale version, naming the latest and who saved it, and overwrites nothing', async () => {
			const stale = await api<Refusal>(token.ana, 'PUT', `/scenarios/${key}`, {
				baseVersion: 2,
				source: playableSource(key, 'Ana’s late change'),
				status: 'ready'
			});
			expect(stale.status).toBe(409);
			expect(stale.body).toEqual({
				code: 'stale-version',
				error: 'version 3 was saved by Ben Planner after version 2',
				params: { latest: 3, savedBy: 'Ben Planner' }
			});
			expect((await history(key)).map((v) => v.version)).toEqual([1, 2, 3]);
			expect((await open(key)).version.source).toBe(v3Source);
			expect((await open(key, 2)).version.source).toBe(v2Source);
			// A base version ahead of the latest is just as stale.
			expect((await api<Refusal>(token.ana, 'PUT', `/scenarios/${key}`, { baseVersion: 7, source: v3Source, status: 'ready' })).body).toMatchObject({
				code: 'stale-version',
				params: { latest: 3 }
			});
		});

		it('refuses two saves on the same version at once but one', async () => {
			const rivals = await Promise.all(
				(['ana', 'ben'] as const).map((who) =>
					api<Refusal | ScenarioVersionInfo>(token[who], 'PUT', `/scenarios/${key}`, {
						baseVersion: 3,
						source: edited(v3Source, 'summary', `${who} was here`),
						status: 'draft',
						note: `race ${who}`
					})
				)
			);
			expect(rivals.map((r) => r.status).sort()).toEqual([200, 409]);
			const history4 = await history(key);
			expect(history4.map((v) => v.version)).toEqual([1, 2, 3, 4]);
			const winner = rivals.find((r) => r.status === 200)!.body as ScenarioVersionInfo;
			expect(history4[3]).toMatchObject({ savedBy: winner.savedBy, note: winner.note });
			expect((rivals.find((r) => r.status === 409)!.body as Refusal).params).toEqual({ latest: 4, savedBy: winner.savedBy });
		});

		it('lists the history with authors and notes, and restores an old version as a new one', async () => {
			const restored = await ok(api<ScenarioVersionInfo>(token.ana, 'POST', `/scenarios/${key}/restore`, { version: 2 }));
			expect(restored).toMatchObject({ version: 5, restoredFrom: 2, status: 'ready', savedBy: 'Ana Planner' });
			expect((await open(key, 5)).version.source).toBe(v2Source);
			expect(server.output()).toContain(`studio: Ana Planner restored ${key} v2 as v5`);
			const list = await history(key);
			expect(list.map(({ version, status, savedBy, note, restoredFrom }) => ({ version, status, savedBy, note, restoredFrom }))).toEqual([
				{ version: 1, status: 'draft', savedBy: 'Ana Planner', note: 'new', restoredFrom: null },
				{ version: 2, status: 'ready', savedBy: 'Ana Planner', note: 'first playable', restoredFrom: null },
				{ version: 3, status: 'ready', savedBy: 'Ben Planner', note: 'at night', restoredFrom: null },
				{ version: 4, status: 'draft', savedBy: list[3]!.savedBy, note: `race ${list[3]!.savedBy === 'Ana Planner' ? 'ana' : 'ben'}`, restoredFrom: null },
				{ version: 5, status: 'ready', savedBy: 'Ana Planner', note: '', restoredFrom: 2 }
			]);
			expect(list.every((v, i) => i === 0 || v.savedWall >= list[i - 1]!.savedWall)).toBe(true);
			expect((await open(key)).entry).toMatchObject({ latest: { version: 5 }, ready: { version: 5 } });
			await until(() => watched.benSaved.some((s) => s.version === 5), 'the restore at Ben');
		});

		it('copies a named version under a new key', async () => {
			const copy = await ok(api<{ key: string; version: number }>(token.ben, 'POST', '/scenarios', { copyOf: key, version: 3 }), 201);
			// Its key comes from the copied version's title.
			expect(copy).toEqual({ key: 'go-fast-off-carriacou-night', version: 1 });
			const { entry, version } = await open(copy.key);
			expect(entry).toMatchObject({ origin: 'studio', createdBy: 'Ben Planner' });
			expect(version).toMatchObject({
				version: 1,
				note: `copy of "Go-fast off Carriacou (night)" (${key} v3)`,
				savedBy: 'Ben Planner',
				title: 'Go-fast off Carriacou (night)'
			});
			expect(version.source).toBe(edited(v3Source, 'id', copy.key));
		});

		it('saves a draft with problems as a draft, which cannot be launched', async () => {
			const broken = edited(v2Source, 'teams', []);
			expect((await api<Refusal>(token.ana, 'PUT', `/scenarios/${key}`, { baseVersion: 5, source: broken, status: 'ready' })).body).toMatchObject({
				code: 'scenario-not-ready'
			});
			const v6 = await ok(
				api<ScenarioVersionInfo>(token.ana, 'PUT', `/scenarios/${key}`, { baseVersion: 5, source: broken, status: 'draft', note: 'teams to redo' })
			);
			expect(v6).toMatchObject({ version: 6, status: 'draft', note: 'teams to redo' });
			expect(v6.problems).toBeGreaterThan(0);
			expect(server.output()).toContain(`studio: Ana Planner saved ${key} v6 (draft)`);
			expect(await ana.call('exercise:create', { scenarioId: key, version: 6 })).toMatchObject({ ok: false, code: 'scenario-not-ready' });
			expect(await ana.call('exercise:create', { scenarioId: key, version: 99 })).toMatchObject({ ok: false, code: 'unknown-version' });
			// The newest ready version is still what exercises are created from.
			expect((await open(key)).entry).toMatchObject({ latest: { version: 6 }, ready: { version: 5 } });
			const latestReady = await createdEvent((await ana.ok('exercise:create', { scenarioId: key, title: 'Still v5' })).exerciseId);
			expect(latestReady.scenarioVersion).toBe(5);
		});

		it('downloads a version byte for byte, and it passes scenario:check', async () => {
			const download = await api(token.ana, 'GET', `/scenarios/${key}/versions/3/scenario.yaml`);
			expect(download.status).toBe(200);
			expect(download.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
			expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${key}-v3.yaml"`);
			expect(download.text).toBe(v3Source);
			const checked = parseScenarioYaml(download.text, geographyProblems);
			expect(checked.ok && checked.scenario).toMatchObject({ id: key, title: 'Go-fast off Carriacou (night)', durationMinutes: 90 });
			// The file scenario:check reads, as a planner would keep it.
			const file = path.join(tmp.dir, `${key}.yaml`);
			writeFileSync(file, download.text);
			expect(await loadScenarioFile(file, { strict: true })).not.toHaveProperty('problems');
			// A draft's download is its text too, problems and all.
			expect((await api(token.ana, 'GET', `/scenarios/${key}/versions/6/scenario.yaml`)).text).toBe(edited(v2Source, 'teams', []));
			expect((await api<Refusal>(token.ana, 'GET', `/scenarios/${key}/versions/42/scenario.yaml`)).status).toBe(404);
		});

		it('stops telling a planner of saves once they close the scenario', async () => {
			await ben.ok('studio:watch', { key: null });
			await until(() => watched.ana.some((p) => p.key === key && p.editors.map((e) => e.name).join() === 'Ana Planner'), 'Ana alone');
			const heard = watched.benSaved.length;
			await ok(api(token.ana, 'PUT', `/scenarios/${key}`, { baseVersion: 6, source: v2Source, status: 'ready' }));
			await until(() => watched.anaSaved.some((s) => s.version === 7), 'the save at Ana');
			expect(watched.benSaved).toHaveLength(heard);
		});
	});

	it('downloads a bundled original as the file and its translations say', async () => {
		for (const key of BUNDLED) {
			const { version } = await open(key);
			const download = await api(token.ana, 'GET', `/scenarios/${key}/versions/${version.version}/scenario.yaml`);
			expect(download.text).toBe(version.source);
			const checked = parseScenarioYaml(download.text, geographyProblems);
			const onDisk = await loadScenarioFile(`scenarios/${key}.yaml`, { strict: true });
			if (!checked.ok || 'problems' in onDisk) throw new Error(`${key} does not pass the checks`);
			expect(checked.scenario).toEqual(onDisk.scenario);
			const file = path.join(tmp.dir, `${key}.yaml`);
			writeFileSync(file, download.text);
			expect(await loadScenarioFile(file, { strict: true })).toMatchObject({ scenario: onDisk.scenario });
		}
	});

	it('imports a YAML file as a new draft, and archives a scenario out of the launch list and out of reach', async () => {
		const file = playableSource('go-fast-off-carriacou', 'Imported go-fast');
		const imported = await ok(api<{ key: string; version: number }>(token.ana, 'POST', '/scenarios', { source: file, fileName: 'go-fast.yaml' }), 201);
		// Its id is taken by the scenario built above: the import gets a key of its own.
		expect(imported.key).toMatch(/^go-fast-off-carriacou-[0-9a-f]{4}$/);
		const { version } = await open(imported.key);
		expect(version).toMatchObject({ status: 'draft', problems: 0, note: 'imported from go-fast.yaml', savedBy: 'Ana Planner', title: 'Imported go-fast' });
		expect(version.source).toBe(edited(file, 'id', imported.key));
		expect(server.output()).toContain(`studio: Ana Planner created ${imported.key} (imported from go-fast.yaml)`);

		await ok(api(token.ana, 'PUT', `/scenarios/${imported.key}`, { baseVersion: 1, source: version.source, status: 'ready' }));
		const launchable = async () => (await ana.ok('scenario:list', {})).map((s) => s.id);
		expect(await launchable()).toContain(imported.key);
		await ok(api(token.ben, 'POST', `/scenarios/${imported.key}/archive`, { archived: true }));
		expect(await launchable()).not.toContain(imported.key);
		expect((await open(imported.key)).entry.archived).toBe(true);
		expect(server.output()).toContain(`studio: Ben Planner archived ${imported.key}`);
		// Not only off the list: an exercise of it is refused, by name, until it is restored.
		expect(await ana.call('exercise:create', { scenarioId: imported.key })).toMatchObject({ ok: false, code: 'scenario-archived' });
		await ok(api(token.ben, 'POST', `/scenarios/${imported.key}/archive`, { archived: false }));
		expect(await launchable()).toContain(imported.key);
	});

	it('lets only controllers use the studio', async () => {
		const calls: [string, string, unknown?][] = [
			['GET', '/scenarios'],
			['POST', '/scenarios', { blank: { title: 'Intruder', kind: 'displacement', language: 'fr' } }],
			['GET', `/scenarios/${MARITIME}`],
			['PUT', `/scenarios/${MARITIME}`, { baseVersion: 1, source: 'id: x', status: 'draft' }],
			['GET', `/scenarios/${MARITIME}/versions`],
			['GET', `/scenarios/${MARITIME}/versions/1/scenario.yaml`],
			['POST', `/scenarios/${MARITIME}/restore`, { version: 1 }],
			['POST', `/scenarios/${MARITIME}/archive`, { archived: true }],
			['POST', '/dry-run', { source: 'id: x', path: { kind: 'best' } }]
		];
		// A team member's token with its claim rewritten to a controller's.
		const claim = Buffer.from(JSON.stringify({ session: { role: 'controller', name: 'Intruder' }, iat: Date.now() })).toString('base64url');
		const forged = `${claim}.${teamToken.split('.')[1]}`;
		const before = await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'));
		for (const [method, route, body] of calls) {
			for (const who of [teamToken, evaluatorToken]) {
				const r = await api<Refusal>(who, method, route, body);
				expect([method, route, r.status, r.body.code]).toEqual([method, route, 403, 'controller-only']);
			}
			for (const who of [undefined, 'not-a-token', forged]) {
				const r = await api<Refusal>(who, method, route, body);
				expect([method, route, r.status, r.body.code]).toEqual([method, route, 401, 'not-signed-in']);
			}
		}
		expect(await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'))).toEqual(before);
	});

	it('refuses oversized and malformed requests clearly and keeps running', async () => {
		const huge = await api<Refusal>(token.ana, 'POST', '/scenarios', { source: `id: big\ntitle: ${'x'.repeat(3 * 1024 * 1024)}\n` });
		expect(huge.status).toBe(413);
		expect(huge.body).toMatchObject({ code: 'body-too-large', params: { limit: 3 * 1024 * 1024 } });
		const copy = await ok(api<{ key: string }>(token.ana, 'POST', '/scenarios', { copyOf: DISPLACEMENT }), 201);
		// Under the body limit but over what a scenario may be: refused as a scenario too large, wherever it is sent.
		const large = `id: big\ntitle: ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`;
		for (const [method, route, body] of [
			['POST', '/scenarios', { source: large }],
			['PUT', `/scenarios/${copy.key}`, { baseVersion: 1, source: large, status: 'draft' }],
			['POST', '/dry-run', { source: large, path: { kind: 'best' } }]
		] as const) {
			const r = await api<Refusal>(token.ana, method, route, body);
			expect([route, r.status, r.body.code, r.body.params]).toEqual([route, 413, 'scenario-too-large', { limit: MAX_SCENARIO_BYTES }]);
		}

		const unreadable = 'id: broken\ntitle: [never closed\nsummary: x\n';
		const created = await api<Refusal>(token.ana, 'POST', '/scenarios', { source: unreadable, fileName: 'broken.yaml' });
		expect(created.status).toBe(400);
		expect(created.body.code).toBe('scenario-unreadable');
		expect(Number(created.body.params?.line)).toBeGreaterThan(0);

		const saved = await api<Refusal>(token.ana, 'PUT', `/scenarios/${copy.key}`, { baseVersion: 1, source: unreadable, status: 'draft' });
		expect(saved.status).toBe(400);
		expect(saved.body.code).toBe('scenario-unreadable');
		expect(Number(saved.body.params?.line)).toBeGreaterThan(0);
		expect((await history(copy.key)).map((v) => v.version)).toEqual([1]);

		const dry = await api<Refusal>(token.ana, 'POST', '/dry-run', { source: unreadable, path: { kind: 'best' } });
		expect(dry.status).toBe(400);
		expect(dry.body.code).toBe('scenario-not-ready');

		const notJson = await api<Refusal>(token.ana, 'POST', '/scenarios', '{"blank": ');
		expect(notJson).toMatchObject({ status: 400, body: { code: 'invalid-payload' } });
		const wrongShape = await api<Refusal>(token.ana, 'PUT', `/scenarios/${copy.key}`, { baseVersion: -1, source: '', status: 'final' });
		expect(wrongShape).toMatchObject({ status: 400, body: { code: 'invalid-payload' } });
		expect((await api<Refusal>(token.ana, 'GET', '/scenarios/no-such-scenario')).body).toMatchObject({ code: 'unknown-scenario' });

		expect(await (await fetch(`${server.url}/healthz`)).text()).toBe('ok');
		expect((await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'))).map((e) => e.key)).toContain(copy.key);
		expect(server.process.exitCode).toBeNull();
	});

	it('dry-runs both bundled scenarios along the best, worst and no answers, storing nothing', async () => {
		const exercisesBefore = await ana.ok('exercise:list', {});
		const libraryBefore = await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'));
		const earned = (r: DryRunResult) => r.scores.reduce((sum, s) => sum + s.earned, 0);
		for (const key of BUNDLED) {
			const { source } = (await open(key)).version;
			const parsed = parseScenarioYaml(source, geographyProblems);
			if (!parsed.ok) throw new Error(`${key} does not pass the checks`);
			const scenario = parsed.scenario;
			const results: Partial<Record<DryRunPath['kind'], DryRunResult>> = {};
			for (const kind of ['best', 'worst', 'none'] as const) {
				const result = await ok(api<DryRunResult>(token.ana, 'POST', '/dry-run', { source, path: { kind } }));
				results[kind] = result;
				expect(result).toMatchObject({ path: kind, truncated: false, endedAt: scenario.durationMinutes * 60_000 });
				// Injects fired, each one the scenario has, in time order.
				expect(result.fired.length).toBeGreaterThan(0);
				for (const f of result.fired) expect(scenario.injects.map((i) => i.id)).toContain(f.injectId);
				expect(result.fired.map((f) => f.at)).toEqual(result.fired.map((f) => f.at).sort((a, b) => a - b));
				// A score per team, and per objective.
				expect(result.scores.map((s) => s.team).sort()).toEqual(scenario.teams.map((t) => t.id).sort());
				for (const s of result.scores) expect(Object.keys(s.objectives).sort()).toEqual(scenario.objectives.map((o) => o.id).sort());
				// The same engine as live play, played here.
				expect(result).toEqual(localDryRun(source, scenario, kind));
			}
			const { best, worst, none } = results as Record<DryRunPath['kind'], DryRunResult>;
			expect(earned(best), key).toBeGreaterThan(earned(worst));
			expect(best.expired).toEqual([]);
			expect(best.decisions.filter((d) => !d.expired && !d.openAtEnd).length).toBeGreaterThan(0);
			expect(none.expired.length).toBeGreaterThan(0);
			expect(none.decisions.every((d) => d.optionId === null)).toBe(true);
			expect(earned(none)).toBe(0);
		}
		// A chosen path answers as told: no answer to the first decision.
		const { source } = (await open(MARITIME)).version;
		const chosen = await ok(api<DryRunResult>(token.ana, 'POST', '/dry-run', { source, path: { kind: 'chosen', choices: { 'rifc-tipoff': null } } }));
		expect(chosen.expired.map((e) => e.injectId)).toContain('rifc-tipoff');
		expect(chosen.decisions.filter((d) => d.injectId !== 'rifc-tipoff').some((d) => d.optionId !== null)).toBe(true);

		expect(await ana.ok('exercise:list', {})).toEqual(exercisesBefore);
		expect(await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'))).toEqual(libraryBefore);
	});

	it('keeps every version, and what each exercise was created from, across a restart', async () => {
		const library = await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'));
		const key = 'go-fast-off-carriacou';
		const versions = await Promise.all((await history(key)).map(async (v) => (await open(key, v.version)).version));
		const exercises = await ana.ok('exercise:list', {});
		const pinned = await Promise.all(exercises.map(async (e) => [e.id, (await createdEvent(e.id)).scenarioVersion]));
		for (const s of sockets.splice(0)) s.disconnect();
		await server.stop();
		server = await startServer({ dbFile, env: serverEnv });
		ana = keep(await client(server.url, token.ana));
		// The bundled files are not seeded again (their text has not changed), and nothing else moved.
		expect(await ok(api<LibraryEntry[]>(token.ana, 'GET', '/scenarios'))).toEqual(library);
		expect(await Promise.all(versions.map(async (v) => (await open(key, v.version)).version))).toEqual(versions);
		expect(await Promise.all(exercises.map(async (e) => [e.id, (await createdEvent(e.id)).scenarioVersion]))).toEqual(pinned);
		expect(pinned.filter(([, v]) => v === 2).length).toBeGreaterThanOrEqual(2);
	});
});
