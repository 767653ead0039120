/**
 * SQLite event store (better-sqlite3): WAL journal with synchronous=FULL, so
 * a committed append survives a crash or power cut before it is acknowledged.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DomainEvent, NewEvent } from '../src/lib/engine/exercise/events';
import { ConcurrencyError, eventBody, type EventStore, type ExerciseRecord, type JoinCode } from './event-store';
import { statusAfter } from '../src/lib/engine/exercise/lifecycle';
import { SCENARIO_TABLES } from './scenario-store';
import { SqliteScenarioStore } from './sqlite-scenario-store';
import { BUSY_TIMEOUT_MS, retryWhileBusy } from './sqlite-busy';

const MIGRATIONS = [
	`CREATE TABLE exercises (
		id TEXT PRIMARY KEY,
		scenario_id TEXT NOT NULL,
		title TEXT NOT NULL,
		status TEXT NOT NULL,
		created_wall INTEGER NOT NULL,
		last_seq INTEGER NOT NULL
	);
	CREATE TABLE events (
		exercise_id TEXT NOT NULL REFERENCES exercises(id),
		seq INTEGER NOT NULL,
		type TEXT NOT NULL,
		at INTEGER NOT NULL,
		wall INTEGER NOT NULL,
		actor TEXT NOT NULL,
		body TEXT NOT NULL,
		PRIMARY KEY (exercise_id, seq)
	) WITHOUT ROWID;
	CREATE TABLE join_codes (
		code TEXT PRIMARY KEY,
		exercise_id TEXT NOT NULL REFERENCES exercises(id),
		role TEXT NOT NULL,
		team TEXT
	);
	CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
	`ALTER TABLE exercises ADD COLUMN alive_wall INTEGER;`,
	SCENARIO_TABLES('INTEGER')
];

interface EventRow {
	exercise_id: string;
	seq: number;
	type: string;
	at: number;
	wall: number;
	actor: string;
	body: string;
}
interface ExerciseRow {
	id: string;
	scenario_id: string;
	title: string;
	status: ExerciseRecord['status'];
	created_wall: number;
	last_seq: number;
	alive_wall: number | null;
}

const toRecord = (r: ExerciseRow): ExerciseRecord => ({
	id: r.id,
	scenarioId: r.scenario_id,
	title: r.title,
	status: r.status,
	createdWall: r.created_wall,
	lastSeq: r.last_seq,
	aliveWall: r.alive_wall
});

function toEvent(r: EventRow): DomainEvent {
	return { ...JSON.parse(r.body), type: r.type, exerciseId: r.exercise_id, seq: r.seq, at: r.at, wall: r.wall, actor: r.actor };
}

export class SqliteEventStore implements EventStore {
	private db: Database.Database;
	private stmts;
	/** The scenario library, in the same file. */
	readonly scenarios: SqliteScenarioStore;

	/** `maxMb`: an operator's cap on the file's size (`DATABASE_MAX_MB`); past it, writes fail as on a full disk. */
	constructor(file: string, opts: { maxMb?: number } = {}) {
		if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
		this.db = new Database(file);
		// Short: a longer wait would hold the whole event loop; writes retry from timers instead (sqlite-busy.ts).
		this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
		this.db.pragma('journal_mode = WAL');
		this.db.pragma('synchronous = FULL');
		this.db.pragma('foreign_keys = ON');
		this.migrate();
		if (opts.maxMb) {
			const pageSize = this.db.pragma('page_size', { simple: true }) as number;
			this.db.pragma(`max_page_count = ${Math.max(1, Math.floor((opts.maxMb * 1024 * 1024) / pageSize))}`);
		}
		this.scenarios = new SqliteScenarioStore(this.db);
		this.stmts = {
			insertEvent: this.db.prepare('INSERT INTO events (exercise_id, seq, type, at, wall, actor, body) VALUES (?, ?, ?, ?, ?, ?, ?)'),
			lastSeq: this.db.prepare<[string], { last_seq: number }>('SELECT last_seq FROM exercises WHERE id = ?'),
			setSeq: this.db.prepare('UPDATE exercises SET last_seq = ? WHERE id = ?'),
			setStatus: this.db.prepare('UPDATE exercises SET status = ? WHERE id = ?'),
			heartbeat: this.db.prepare('UPDATE exercises SET alive_wall = ? WHERE id = ?'),
			load: this.db.prepare<[string, number], EventRow>('SELECT * FROM events WHERE exercise_id = ? AND seq > ? ORDER BY seq'),
			list: this.db.prepare<[], ExerciseRow>('SELECT * FROM exercises ORDER BY created_wall DESC'),
			get: this.db.prepare<[string], ExerciseRow>('SELECT * FROM exercises WHERE id = ?'),
			insertExercise: this.db.prepare('INSERT INTO exercises (id, scenario_id, title, status, created_wall, last_seq) VALUES (?, ?, ?, ?, ?, 0)'),
			insertCode: this.db.prepare('INSERT INTO join_codes (code, exercise_id, role, team) VALUES (?, ?, ?, ?)'),
			findCode: this.db.prepare<[string], { code: string; exercise_id: string; role: JoinCode['role']; team: string | null }>(
				'SELECT * FROM join_codes WHERE code = ?'
			),
			codesFor: this.db.prepare<[string], { code: string; exercise_id: string; role: JoinCode['role']; team: string | null }>(
				'SELECT * FROM join_codes WHERE exercise_id = ? ORDER BY role, team'
			),
			getSetting: this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
			setSetting: this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
		};
	}

	private migrate() {
		const version = this.db.pragma('user_version', { simple: true }) as number;
		for (let v = version; v < MIGRATIONS.length; v++) {
			this.db.transaction(() => {
				this.db.exec(MIGRATIONS[v]);
				this.db.pragma(`user_version = ${v + 1}`);
			})();
		}
	}

	private appendSync = (exerciseId: string, expectedSeq: number, events: NewEvent[]): DomainEvent[] =>
		this.db
			.transaction(() => {
				const row = this.stmts.lastSeq.get(exerciseId);
				if (!row) throw new Error(`unknown exercise "${exerciseId}"`);
				if (row.last_seq !== expectedSeq) throw new ConcurrencyError(`exercise "${exerciseId}" is at seq ${row.last_seq}, expected ${expectedSeq}`);
				let seq = expectedSeq;
				const stored: DomainEvent[] = [];
				for (const e of events) {
					seq++;
					this.stmts.insertEvent.run(exerciseId, seq, e.type, Math.round(e.at), e.wall, e.actor, eventBody(e));
					stored.push({ ...e, seq } as DomainEvent);
					const status = statusAfter(e);
					if (status) this.stmts.setStatus.run(status, exerciseId);
				}
				this.stmts.setSeq.run(seq, exerciseId);
				return stored;
			})
			.immediate();

	async createExercise(record: Omit<ExerciseRecord, 'lastSeq' | 'status' | 'aliveWall'>, created: NewEvent, codes: JoinCode[]) {
		return retryWhileBusy(() =>
			this.db
				.transaction(() => {
					this.stmts.insertExercise.run(record.id, record.scenarioId, record.title, 'setup', record.createdWall);
					for (const c of codes) this.stmts.insertCode.run(c.code, record.id, c.role, c.team);
					return this.appendSync(record.id, 0, [created])[0];
				})
				.immediate()
		);
	}

	async append(exerciseId: string, expectedSeq: number, events: NewEvent[]) {
		return retryWhileBusy(() => this.appendSync(exerciseId, expectedSeq, events));
	}

	async load(exerciseId: string, afterSeq = 0) {
		return this.stmts.load.all(exerciseId, afterSeq).map(toEvent);
	}

	async listExercises() {
		return this.stmts.list.all().map(toRecord);
	}

	async getExercise(exerciseId: string) {
		const row = this.stmts.get.get(exerciseId);
		return row ? toRecord(row) : null;
	}

	async heartbeat(exerciseIds: string[], wall: number) {
		if (exerciseIds.length === 0) return;
		await retryWhileBusy(() =>
			this.db
				.transaction(() => {
					for (const id of exerciseIds) this.stmts.heartbeat.run(wall, id);
				})
				.immediate()
		);
	}

	async findCode(code: string) {
		const row = this.stmts.findCode.get(code);
		return row ? { code: row.code, exerciseId: row.exercise_id, role: row.role, team: row.team } : null;
	}

	async codesFor(exerciseId: string) {
		return this.stmts.codesFor.all(exerciseId).map((row) => ({ code: row.code, exerciseId: row.exercise_id, role: row.role, team: row.team }));
	}

	async replaceCode(exerciseId: string, role: JoinCode['role'], team: string | null, code: string) {
		return this.db.transaction(() => {
			const old = this.db
				.prepare<[string, string, string | null], { code: string }>('DELETE FROM join_codes WHERE exercise_id = ? AND role = ? AND team IS ? RETURNING code')
				.all(exerciseId, role, team);
			this.stmts.insertCode.run(code, exerciseId, role, team);
			return old[0]?.code ?? null;
		})();
	}

	async deleteExercise(exerciseId: string) {
		this.erasing(() => {
			this.db.prepare('DELETE FROM events WHERE exercise_id = ?').run(exerciseId);
			this.db.prepare('DELETE FROM join_codes WHERE exercise_id = ?').run(exerciseId);
			this.db.prepare('DELETE FROM exercises WHERE id = ?').run(exerciseId);
		});
	}

	async rewriteEvents(exerciseId: string, events: DomainEvent[]) {
		const update = this.db.prepare('UPDATE events SET actor = ?, body = ? WHERE exercise_id = ? AND seq = ? AND type = ?');
		this.erasing(() => {
			for (const e of events)
				if (update.run(e.actor, eventBody(e), exerciseId, e.seq, e.type).changes !== 1) throw new Error(`event ${e.seq} of "${exerciseId}" is not in the log`);
		});
	}

	/**
	 * Runs a change that removes personal data: with secure_delete the freed pages are overwritten, and the WAL is
	 * checkpointed and truncated afterwards, so the old text is not left behind in the file.
	 */
	private erasing(work: () => void) {
		this.db.pragma('secure_delete = ON');
		try {
			this.db.transaction(work)();
		} finally {
			this.db.pragma('secure_delete = OFF');
		}
		this.db.pragma('wal_checkpoint(TRUNCATE)');
	}

	async getSetting(key: string) {
		return this.stmts.getSetting.get(key)?.value ?? null;
	}

	async setSetting(key: string, value: string) {
		await retryWhileBusy(() => this.stmts.setSetting.run(key, value));
	}

	async close() {
		this.db.close();
	}
}
