/**
 * Upgrades: a database written by a released version opens with this code (its migrations run) with every
 * exercise intact — the same log, byte for byte as loaded, the same fold (status, injects, decisions, scores) —
 * the scenario library's versions and the join codes; and the server started on it resumes the exercise that
 * was in play and lets its teams join with their old codes.
 *
 * The fixtures are tests/fixtures/db/release.db with release.expected.json, and the same played into PostgreSQL
 * and dumped (release.pg.sql with release.pg.expected.json; checked when TEST_DATABASE_URL is set), made by
 * scripts/make-db-fixture.ts.
 * Refreshing them at each release:
 *   1. On the release's own code (the tagged commit), run
 *      `eval "$(bash scripts/ci-services.sh)"; node --import tsx scripts/make-db-fixture.ts` (both fixtures).
 *   2. If that release changed the schema (a new entry in MIGRATIONS), first keep the previous fixture as
 *      `release-<its version>.db` / `.expected.json` (and `.pg.sql` / `.pg.expected.json`) beside it (every pair
 *      is tested), so the oldest databases still in use stay tested; otherwise overwrite it.
 *   3. Commit the files. The next release's changes must pass this test against them unchanged; a failure means
 *      the new code reads an old database differently, which needs a migration, not a new fixture.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../server/event-store';
import { PostgresEventStore } from '../../server/postgres-event-store';
import { SqliteEventStore } from '../../server/sqlite-event-store';
import { exerciseDigest, PG_FIXTURE_SCHEMA } from '../../scripts/make-db-fixture';
import { client, CONTROLLER_KEY, startServer, tempDir, type TestClient } from './harness';

const DIR = 'tests/fixtures/db';
const pgUrl = process.env.TEST_DATABASE_URL;
const FIXTURES = readdirSync(DIR)
	.filter((f) => /^release(-[\w.]+)?\.db$/.test(f))
	.map((f) => ({ db: path.join(DIR, f), expected: JSON.parse(readFileSync(path.join(DIR, f.replace(/\.db$/, '.expected.json')), 'utf8')) as Expected }));
const PG_FIXTURES = readdirSync(DIR)
	.filter((f) => /^release(-[\w.]+)?\.pg\.sql$/.test(f))
	.map((f) => ({ dump: path.join(DIR, f), expected: JSON.parse(readFileSync(path.join(DIR, f.replace(/\.sql$/, '.expected.json')), 'utf8')) as Expected }));

interface Expected {
	schemaVersion: number;
	exercises: ReturnType<typeof exerciseDigest>[];
	codes: { code: string; exerciseId: string; role: string; team: string | null }[];
	library: { key: string; origin: string; archived: boolean; versions: { version: number; status: string; title: string; problems: number }[] }[];
}

const tmp = tempDir();
const sockets: TestClient[] = [];
afterAll(() => {
	for (const s of sockets) s.disconnect();
	tmp.cleanup();
});
const keep = (s: TestClient) => (sockets.push(s), s);

/** The store holds every exercise, code and library version the fixture says, unchanged. */
async function expectIntact(store: EventStore, expected: Expected) {
	const exercises = await store.listExercises();
	expect(exercises.map((x) => x.id).sort()).toEqual(expected.exercises.map((x) => x.id).sort());
	for (const want of expected.exercises) {
		const record = exercises.find((x) => x.id === want.id)!;
		expect({ status: record.status, lastSeq: record.lastSeq }).toEqual({ status: want.status, lastSeq: want.lastSeq });
		expect(exerciseDigest(want.id, await store.load(want.id))).toEqual(want);
		expect((await store.codesFor(want.id)).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
			expected.codes.filter((c) => c.exerciseId === want.id).sort((a, b) => a.code.localeCompare(b.code))
		);
	}
	for (const code of expected.codes) expect(await store.findCode(code.code)).toEqual(code);
	const entries = await store.scenarios.listEntries();
	for (const want of expected.library) {
		const entry = entries.find((e) => e.key === want.key);
		expect(entry, want.key).toMatchObject({ origin: want.origin, archived: want.archived });
		const versions = await store.scenarios.versions(want.key);
		expect(versions.map((v) => ({ version: v.version, status: v.status, title: v.title, problems: v.problems }))).toEqual(want.versions);
		// Each version's text is there to open and run.
		for (const v of want.versions) expect((await store.scenarios.version(want.key, v.version))?.source.length).toBeGreaterThan(0);
	}
}

it('has a fixture database to upgrade', () => {
	expect(FIXTURES.length).toBeGreaterThan(0);
});

describe.each(FIXTURES)('$db', ({ db, expected }) => {
	it('opens with the current migrations, every exercise, version and code intact', async () => {
		const file = path.join(tmp.dir, `store-${path.basename(db)}`);
		copyFileSync(db, file);
		const store = new SqliteEventStore(file);
		try {
			await expectIntact(store, expected);
		} finally {
			await store.close();
		}
		const opened = new Database(file, { readonly: true });
		expect(opened.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(expected.schemaVersion);
		opened.close();
	});

	it('serves it: the exercise in play resumes where it was, teams join with their codes, the library lists every version', async () => {
		const file = path.join(tmp.dir, `server-${path.basename(db)}`);
		copyFileSync(db, file);
		const server = await startServer({ dbFile: file });
		try {
			const anon = keep(await client(server.url));
			const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Ctrl' });
			const controller = keep(await client(server.url, token));
			for (const want of expected.exercises) {
				const { events } = await controller.ok('exercise:open', { exerciseId: want.id });
				// The stored log comes first, unchanged; an exercise that was in play gets a recovery event after it.
				expect(exerciseDigest(want.id, events.slice(0, want.lastSeq))).toEqual(want);
				if (want.status === 'running') expect(events[want.lastSeq]?.type).toBe('exercise.recovered');
				else expect(events).toHaveLength(want.lastSeq);
				const teamCode = expected.codes.find((c) => c.exerciseId === want.id && c.role === 'participant')!;
				const seat = keep(await client(server.url));
				const joined = await seat.ok('session:join', { code: teamCode.code, name: 'Returning member' });
				expect(joined.session).toMatchObject({ role: 'participant', exerciseId: want.id, team: teamCode.team });
			}
			const res = await fetch(`${server.url}/api/studio/scenarios`, { headers: { authorization: `Bearer ${token}` } });
			expect(res.status).toBe(200);
			const listed = (await res.json()) as { key: string; latest: { version: number } }[];
			for (const want of expected.library) {
				const latest = listed.find((e) => e.key === want.key)?.latest.version ?? 0;
				// A bundled file changed since the fixture was made adds a version on start; a studio entry keeps its own.
				if (want.origin === 'bundled') expect(latest).toBeGreaterThanOrEqual(want.versions.at(-1)!.version);
				else expect(latest).toBe(want.versions.at(-1)!.version);
			}
			expect(server.output()).toContain('resumed');
		} finally {
			await server.stop();
		}
	});
});

describe.runIf(pgUrl).each(PG_FIXTURES)('$dump', ({ dump, expected }) => {
	it('loads into a private schema and opens with the current migrations, everything intact', async () => {
		const schema = `mig_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		try {
			// The dump names its schema everywhere; loaded under a private name, tests never meet each other's tables.
			await admin.query(readFileSync(dump, 'utf8').replace(new RegExp(`\\b${PG_FIXTURE_SCHEMA}\\b`, 'g'), schema));
			const url = new URL(pgUrl!);
			url.searchParams.set('options', `-c search_path=${schema}`);
			const store = await PostgresEventStore.connect(url.toString());
			try {
				await expectIntact(store, expected);
			} finally {
				await store.close();
			}
			const { rows } = await admin.query<{ v: number }>(`SELECT max(version) AS v FROM ${schema}.crosscurrent_migrations`);
			expect(rows[0].v).toBeGreaterThanOrEqual(expected.schemaVersion);
		} finally {
			await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
			await admin.end();
		}
	});
});

it.skipIf(pgUrl)('the PostgreSQL upgrade fixture needs TEST_DATABASE_URL (CI provides it)', () => {});
