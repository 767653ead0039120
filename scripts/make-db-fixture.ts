/**
 * Writes the upgrade fixture: a SQLite database as this release writes it, and what is in it; with
 * TEST_DATABASE_URL set, the same played into PostgreSQL and dumped (release.pg.sql, release.pg.expected.json).
 *
 *   eval "$(bash scripts/ci-services.sh)"; node --import tsx scripts/make-db-fixture.ts [out-dir]   (default tests/fixtures/db)
 *
 * The database holds the scenario library (the bundled files seeded, and a studio copy with two versions) and
 * two exercises played through the real registry on a fake clock: one ended, with decisions and scores, and one
 * still running mid-play. Beside it, `release.expected.json` says what each exercise must look like when a later
 * release opens the file (last seq, status, injects released, decisions, scores per team, a hash of its log), the
 * library's versions and the join codes. tests/integration/migration.int.spec.ts checks them.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { CommandBody } from '../src/lib/engine/exercise/commands';
import type { DomainEvent } from '../src/lib/engine/exercise/events';
import { foldEvents, type ExerciseState } from '../src/lib/engine/exercise/state';
import { teamScores } from '../src/lib/engine/review/score-decision';
import { ExerciseRegistry } from '../server/exercise-registry';
import { ScenarioLibrary } from '../server/scenario-library';
import type { EventStore } from '../server/event-store';
import { PostgresEventStore } from '../server/postgres-event-store';
import { SqliteEventStore } from '../server/sqlite-event-store';

const MINUTE = 60_000;
/** The schema the PostgreSQL fixture is played into and dumped from (the test renames it to a private one). */
export const PG_FIXTURE_SCHEMA = 'crosscurrent_fixture';

/** What an exercise must still be after an upgrade: the parts of its fold the review and the control room read. */
export function exerciseDigest(id: string, events: DomainEvent[]) {
	const state: ExerciseState = foldEvents(id, events);
	return {
		id,
		title: state.title,
		scenarioId: state.scenario?.id ?? null,
		scenarioVersion: state.scenarioVersion,
		status: state.status,
		lastSeq: state.lastSeq,
		injectsReleased: Object.values(state.injects).filter((i) => i.status === 'released').length,
		decisions: Object.values(state.decisions)
			.map((d) => ({ team: d.team, injectId: d.injectId, status: d.status, optionId: d.optionId ?? null }))
			.sort((a, b) => `${a.team}/${a.injectId}`.localeCompare(`${b.team}/${b.injectId}`)),
		scores: Object.fromEntries(teamScores(state).map((s) => [s.team, { earned: s.earned, max: s.max, decided: s.decided, expired: s.expired }])),
		/** The stored log itself, unchanged: sha256 of its JSON as the store loads it. */
		logSha256: createHash('sha256').update(JSON.stringify(events)).digest('hex')
	};
}

/** Plays the fixture's library and exercises into `store`; returns what a later release must find there. */
async function playFixture(store: EventStore) {
	let wall = Date.UTC(2026, 0, 15, 13, 0, 0);
	const now = () => wall;
	const library = new ScenarioLibrary(store.scenarios, () => {}, now);
	await library.seed(['scenarios']);
	// A planner's copy of the maritime scenario, saved twice.
	const copy = await library.create({ copyOf: 'maritime-trafficking-southern-caribbean', title: 'Fixture copy of the maritime drill' }, 'Planner');
	const opened = await library.open(copy.key);
	wall += MINUTE;
	await library.save(copy.key, { baseVersion: 1, source: opened.version.source, status: 'ready', note: 'checked and ready' }, 'Planner');

	const registry = new ExerciseRegistry({ store, now, publish: () => {} });
	const run = async (exerciseId: string, body: CommandBody, actor = 'controller:Fixture') => {
		const result = await registry.command(exerciseId, { ...body, wall: now(), actor });
		if (!result.ok) throw new Error(`${body.type} refused: ${result.error}`);
	};
	const after = async (exerciseId: string, minutes: number) => {
		wall += minutes * MINUTE;
		await run(exerciseId, { type: 'TICK' }, 'system');
	};

	// Ended, with decisions (two decided, two expired) and scores.
	const maritime = await library.forExercise(copy.key);
	const ended = await registry.create(maritime.scenario, 'Fixture: ended maritime run', 'controller:Fixture', maritime.version);
	await run(ended.exerciseId, { type: 'START' });
	await after(ended.exerciseId, 3);
	await run(ended.exerciseId, { type: 'DECIDE', injectId: 'rifc-tipoff', team: 'tt-coast-guard', optionId: 'share-and-launch', by: 'Watch officer' });
	await run(ended.exerciseId, { type: 'RELEASE_INJECT', injectId: 'customs-evidence' });
	await run(ended.exerciseId, { type: 'RELEASE_INJECT', injectId: 'grenada-boarding' });
	await after(ended.exerciseId, 9);
	await run(ended.exerciseId, { type: 'DECIDE', injectId: 'customs-evidence', team: 'tt-customs', optionId: 'seal-and-log', by: 'Customs officer' });
	await after(ended.exerciseId, 25);
	await run(ended.exerciseId, { type: 'END' });

	// Mid-play: running, one decision made, others open.
	const displacement = await library.forExercise('displacement-hurricane-dominica');
	const running = await registry.create(displacement.scenario, 'Fixture: displacement mid-play', 'controller:Fixture', displacement.version);
	await run(running.exerciseId, { type: 'SET_SPEED', speed: 2 });
	await run(running.exerciseId, { type: 'START' });
	await after(running.exerciseId, 4);
	await run(running.exerciseId, {
		type: 'DECIDE',
		injectId: 'border-posture',
		team: 'ag-immigration',
		optionId: 'admit-and-register',
		by: 'Immigration officer'
	});
	await after(running.exerciseId, 2);
	await registry.close();

	const exercises = [];
	for (const record of await store.listExercises()) exercises.push(exerciseDigest(record.id, await store.load(record.id)));
	exercises.sort((a, b) => a.title.localeCompare(b.title));
	const codes = (await Promise.all(exercises.map((x) => store.codesFor(x.id)))).flat();
	const entries = await store.scenarios.listEntries();
	const libraryState = await Promise.all(
		entries.map(async (e) => ({
			key: e.key,
			origin: e.origin,
			archived: e.archived,
			versions: (await store.scenarios.versions(e.key)).map((v) => ({ version: v.version, status: v.status, title: v.title, problems: v.problems }))
		}))
	);
	return { madeBy: 'scripts/make-db-fixture.ts', madeAt: new Date().toISOString(), schemaVersion: 0, exercises, codes, library: libraryState };
}

const say = (file: string, expected: Awaited<ReturnType<typeof playFixture>>) =>
	console.log(
		`wrote ${path.relative(process.cwd(), file)}: ${expected.exercises.map((x) => `${x.status} (${x.lastSeq} events)`).join(', ')}; ${expected.library.length} scenarios`
	);

/** release.db: one compact SQLite file (the WAL folded in, free pages dropped). */
async function writeSqlite(outDir: string) {
	const dbFile = path.join(outDir, 'release.db');
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
	const store = new SqliteEventStore(dbFile);
	const expected = await playFixture(store);
	await store.close();
	const db = new Database(dbFile);
	/** PRAGMA user_version: the migrations the file has. */
	expected.schemaVersion = db.pragma('user_version', { simple: true }) as number;
	db.pragma('journal_mode = DELETE');
	db.exec('VACUUM');
	db.close();
	writeFileSync(path.join(outDir, 'release.expected.json'), JSON.stringify(expected, null, '\t') + '\n');
	say(dbFile, expected);
}

/** release.pg.sql: a plain pg_dump (INSERTs) of the schema PG_FIXTURE_SCHEMA, which the test loads under another name. */
async function writePostgres(outDir: string, databaseUrl: string) {
	const admin = new pg.Client({ connectionString: databaseUrl });
	await admin.connect();
	await admin.query(`DROP SCHEMA IF EXISTS ${PG_FIXTURE_SCHEMA} CASCADE`);
	await admin.query(`CREATE SCHEMA ${PG_FIXTURE_SCHEMA}`);
	const url = new URL(databaseUrl);
	url.searchParams.set('options', `-c search_path=${PG_FIXTURE_SCHEMA}`);
	const store = await PostgresEventStore.connect(url.toString());
	const expected = await playFixture(store);
	await store.close();
	const { rows } = await admin.query<{ v: number }>(`SELECT max(version) AS v FROM ${PG_FIXTURE_SCHEMA}.crosscurrent_migrations`);
	expected.schemaVersion = rows[0].v;
	const dumped = spawnSync('pg_dump', ['--schema', PG_FIXTURE_SCHEMA, '--inserts', '--no-owner', '--no-privileges', '--dbname', databaseUrl], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (dumped.status !== 0) throw new Error(`pg_dump failed: ${dumped.stderr}`);
	await admin.query(`DROP SCHEMA ${PG_FIXTURE_SCHEMA} CASCADE`);
	await admin.end();
	const file = path.join(outDir, 'release.pg.sql');
	// pg_dump's \restrict/\unrestrict lines carry a random key and are psql's alone: without them the file loads anywhere.
	writeFileSync(file, dumped.stdout.replace(/^\\(un)?restrict .*\n/gm, ''));
	writeFileSync(path.join(outDir, 'release.pg.expected.json'), JSON.stringify(expected, null, '\t') + '\n');
	say(file, expected);
}

async function main() {
	const outDir = path.resolve(process.argv[2] ?? 'tests/fixtures/db');
	mkdirSync(outDir, { recursive: true });
	await writeSqlite(outDir);
	const databaseUrl = process.env.TEST_DATABASE_URL;
	if (databaseUrl) await writePostgres(outDir, databaseUrl);
	else console.log('TEST_DATABASE_URL is not set: the PostgreSQL dump (release.pg.sql) was not written');
}

// Run as a script (the migration test imports exerciseDigest without running it).
if (process.argv[1]?.endsWith('make-db-fixture.ts')) await main();
