/**
 * Writes the upgrade fixture: a SQLite database as this release writes it, and what is in it.
 *
 *   node --import tsx scripts/make-db-fixture.ts [out-dir]     (default tests/fixtures/db)
 *
 * The database holds the scenario library (the bundled files seeded, and a studio copy with two versions) and
 * two exercises played through the real registry on a fake clock: one ended, with decisions and scores, and one
 * still running mid-play. Beside it, `release.expected.json` says what each exercise must look like when a later
 * release opens the file (last seq, status, injects released, decisions, scores per team, a hash of its log), the
 * library's versions and the join codes. tests/integration/migration.int.spec.ts checks them.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandBody } from '../src/lib/engine/exercise/commands';
import type { DomainEvent } from '../src/lib/engine/exercise/events';
import { foldEvents, type ExerciseState } from '../src/lib/engine/exercise/state';
import { teamScores } from '../src/lib/engine/review/score-decision';
import { ExerciseRegistry } from '../server/exercise-registry';
import { ScenarioLibrary } from '../server/scenario-library';
import { SqliteEventStore } from '../server/sqlite-event-store';

const MINUTE = 60_000;

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

async function main() {
	const outDir = path.resolve(process.argv[2] ?? 'tests/fixtures/db');
	mkdirSync(outDir, { recursive: true });
	const dbFile = path.join(outDir, 'release.db');
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

	const store = new SqliteEventStore(dbFile);
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

	// Ended, with decisions (one late, one expired) and scores.
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
	const expected = {
		madeBy: 'scripts/make-db-fixture.ts',
		madeAt: new Date().toISOString(),
		/** PRAGMA user_version of the file as written (filled in below). */
		schemaVersion: null as number | null,
		exercises,
		codes,
		library: libraryState
	};
	await store.close();
	// One compact file to commit: the WAL folded in, free pages dropped.
	const db = new Database(dbFile);
	expected.schemaVersion = db.pragma('user_version', { simple: true }) as number;
	db.pragma('journal_mode = DELETE');
	db.exec('VACUUM');
	db.close();
	writeFileSync(path.join(outDir, 'release.expected.json'), JSON.stringify(expected, null, '\t') + '\n');
	console.log(
		`wrote ${path.relative(process.cwd(), dbFile)}: ${exercises.map((x) => `${x.status} (${x.lastSeq} events)`).join(', ')}; ${entries.length} scenarios`
	);
}

// Run as a script (the migration test imports exerciseDigest without running it).
if (process.argv[1]?.endsWith('make-db-fixture.ts')) await main();
