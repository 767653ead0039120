/**
 * PostgreSQL event store (`DATABASE_URL`), the same schema and behaviour as
 * the SQLite store: appends are one transaction that locks the exercise row,
 * checks the expected sequence number and commits before it resolves.
 * Migrations are versioned and run under an advisory lock, so several server
 * processes can start at once.
 */
import pg from 'pg';
import type { DomainEvent, NewEvent } from '../src/lib/engine/exercise/events';
import { ConcurrencyError, eventBody, type EventStore, type ExerciseRecord, type JoinCode } from './event-store';
import { statusAfter } from '../src/lib/engine/exercise/lifecycle';
import { PostgresScenarioStore } from './postgres-scenario-store';
import { SCENARIO_TABLES } from './scenario-store';
import { storageFaultKind } from './storage-fault';

const MIGRATIONS = [
	`CREATE TABLE exercises (
		id TEXT PRIMARY KEY,
		scenario_id TEXT NOT NULL,
		title TEXT NOT NULL,
		status TEXT NOT NULL,
		created_wall BIGINT NOT NULL,
		last_seq INTEGER NOT NULL,
		alive_wall BIGINT
	);
	CREATE TABLE events (
		exercise_id TEXT NOT NULL REFERENCES exercises(id),
		seq INTEGER NOT NULL,
		type TEXT NOT NULL,
		at BIGINT NOT NULL,
		wall BIGINT NOT NULL,
		actor TEXT NOT NULL,
		body JSONB NOT NULL,
		PRIMARY KEY (exercise_id, seq)
	);
	CREATE TABLE join_codes (
		code TEXT PRIMARY KEY,
		exercise_id TEXT NOT NULL REFERENCES exercises(id),
		role TEXT NOT NULL,
		team TEXT
	);
	CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
	SCENARIO_TABLES('BIGINT')
];
const MIGRATION_LOCK = 7_341_002;

interface ExerciseRow {
	id: string;
	scenario_id: string;
	title: string;
	status: ExerciseRecord['status'];
	created_wall: string;
	last_seq: number;
	alive_wall: string | null;
}
interface EventRow {
	exercise_id: string;
	seq: number;
	type: string;
	at: string;
	wall: string;
	actor: string;
	body: Record<string, unknown>;
}

const toRecord = (r: ExerciseRow): ExerciseRecord => ({
	id: r.id,
	scenarioId: r.scenario_id,
	title: r.title,
	status: r.status,
	createdWall: Number(r.created_wall),
	lastSeq: r.last_seq,
	aliveWall: r.alive_wall === null ? null : Number(r.alive_wall)
});

/** Runs `work` in one transaction on a client of `pool`: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	let broken = false;
	// While checked out, a client whose connection drops emits 'error' with no pool listener to hear it, which
	// would end the process; the failed query rejects anyway, so this only keeps the process up.
	const dropped = () => (broken = true);
	client.on('error', dropped);
	try {
		await client.query('BEGIN');
		const result = await work(client);
		await client.query('COMMIT');
		return result;
	} catch (err) {
		await client.query('ROLLBACK').catch(() => undefined);
		// A client whose connection broke is thrown away rather than handed to the next caller.
		broken ||= storageFaultKind(err) === 'storage-unavailable';
		throw err;
	} finally {
		client.off('error', dropped);
		client.release(broken);
	}
}

const toEvent = (r: EventRow): DomainEvent =>
	({ ...r.body, type: r.type, exerciseId: r.exercise_id, seq: r.seq, at: Number(r.at), wall: Number(r.wall), actor: r.actor }) as DomainEvent;

export class PostgresEventStore implements EventStore {
	/** The scenario library, in the same database. */
	readonly scenarios: PostgresScenarioStore;
	private constructor(private pool: pg.Pool) {
		this.scenarios = new PostgresScenarioStore(pool);
	}

	static async connect(connectionString: string, opts: { log?: (message: string) => void } = {}): Promise<PostgresEventStore> {
		// A bounded wait for a connection: with none, a request would wait for ever while the database is down.
		const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000, keepAlive: true });
		// An idle client whose connection dies (the database restarts or goes away) emits 'error' on the pool;
		// unheard, that would end the process. The next request gets a fresh connection, or a storage fault.
		pool.on('error', (err) => opts.log?.(`database connection lost: ${err.message}`));
		const store = new PostgresEventStore(pool);
		await store.migrate();
		return store;
	}

	private async migrate() {
		await this.tx(async (c) => {
			await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
			await c.query('CREATE TABLE IF NOT EXISTS crosscurrent_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
			const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM crosscurrent_migrations');
			for (let v = rows[0].v ?? 0; v < MIGRATIONS.length; v++) {
				await c.query(MIGRATIONS[v]);
				await c.query('INSERT INTO crosscurrent_migrations (version) VALUES ($1)', [v + 1]);
			}
		});
	}

	private tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
		return inTransaction(this.pool, work);
	}

	private async appendIn(c: pg.PoolClient, exerciseId: string, expectedSeq: number, events: NewEvent[]): Promise<DomainEvent[]> {
		const { rows } = await c.query<{ last_seq: number }>('SELECT last_seq FROM exercises WHERE id = $1 FOR UPDATE', [exerciseId]);
		if (rows.length === 0) throw new Error(`unknown exercise "${exerciseId}"`);
		if (rows[0].last_seq !== expectedSeq) throw new ConcurrencyError(`exercise "${exerciseId}" is at seq ${rows[0].last_seq}, expected ${expectedSeq}`);
		const stored: DomainEvent[] = [];
		const values: unknown[] = [];
		const tuples: string[] = [];
		let status: string | null = null;
		events.forEach((e, i) => {
			const seq = expectedSeq + i + 1;
			const p = i * 7;
			tuples.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb)`);
			values.push(exerciseId, seq, e.type, Math.round(e.at), e.wall, e.actor, eventBody(e));
			stored.push({ ...e, seq } as DomainEvent);
			status = statusAfter(e) ?? status;
		});
		if (tuples.length > 0) await c.query(`INSERT INTO events (exercise_id, seq, type, at, wall, actor, body) VALUES ${tuples.join(', ')}`, values);
		await c.query('UPDATE exercises SET last_seq = $1, status = COALESCE($2, status) WHERE id = $3', [expectedSeq + events.length, status, exerciseId]);
		return stored;
	}

	async createExercise(record: Omit<ExerciseRecord, 'lastSeq' | 'status' | 'aliveWall'>, created: NewEvent, codes: JoinCode[]) {
		return this.tx(async (c) => {
			await c.query('INSERT INTO exercises (id, scenario_id, title, status, created_wall, last_seq) VALUES ($1, $2, $3, $4, $5, 0)', [
				record.id,
				record.scenarioId,
				record.title,
				'setup',
				record.createdWall
			]);
			for (const code of codes)
				await c.query('INSERT INTO join_codes (code, exercise_id, role, team) VALUES ($1, $2, $3, $4)', [code.code, record.id, code.role, code.team]);
			return (await this.appendIn(c, record.id, 0, [created]))[0];
		});
	}

	append(exerciseId: string, expectedSeq: number, events: NewEvent[]) {
		return this.tx((c) => this.appendIn(c, exerciseId, expectedSeq, events));
	}

	async load(exerciseId: string, afterSeq = 0) {
		const { rows } = await this.pool.query<EventRow>('SELECT * FROM events WHERE exercise_id = $1 AND seq > $2 ORDER BY seq', [exerciseId, afterSeq]);
		return rows.map(toEvent);
	}

	async listExercises() {
		const { rows } = await this.pool.query<ExerciseRow>('SELECT * FROM exercises ORDER BY created_wall DESC');
		return rows.map(toRecord);
	}

	async getExercise(exerciseId: string) {
		const { rows } = await this.pool.query<ExerciseRow>('SELECT * FROM exercises WHERE id = $1', [exerciseId]);
		return rows[0] ? toRecord(rows[0]) : null;
	}

	async heartbeat(exerciseIds: string[], wall: number) {
		if (exerciseIds.length === 0) return;
		await this.pool.query('UPDATE exercises SET alive_wall = $1 WHERE id = ANY($2)', [wall, exerciseIds]);
	}

	async findCode(code: string) {
		const { rows } = await this.pool.query<{ code: string; exercise_id: string; role: JoinCode['role']; team: string | null }>(
			'SELECT * FROM join_codes WHERE code = $1',
			[code]
		);
		return rows[0] ? { code: rows[0].code, exerciseId: rows[0].exercise_id, role: rows[0].role, team: rows[0].team } : null;
	}

	async codesFor(exerciseId: string) {
		const { rows } = await this.pool.query<{ code: string; exercise_id: string; role: JoinCode['role']; team: string | null }>(
			'SELECT * FROM join_codes WHERE exercise_id = $1 ORDER BY role, team',
			[exerciseId]
		);
		return rows.map((r) => ({ code: r.code, exerciseId: r.exercise_id, role: r.role, team: r.team }));
	}

	async replaceCode(exerciseId: string, role: JoinCode['role'], team: string | null, code: string) {
		return inTransaction(this.pool, async (c) => {
			const { rows } = await c.query<{ code: string }>(
				'DELETE FROM join_codes WHERE exercise_id = $1 AND role = $2 AND team IS NOT DISTINCT FROM $3 RETURNING code',
				[exerciseId, role, team]
			);
			await c.query('INSERT INTO join_codes (code, exercise_id, role, team) VALUES ($1, $2, $3, $4)', [code, exerciseId, role, team]);
			return rows[0]?.code ?? null;
		});
	}

	async deleteExercise(exerciseId: string) {
		await this.tx(async (c) => {
			await c.query('DELETE FROM events WHERE exercise_id = $1', [exerciseId]);
			await c.query('DELETE FROM join_codes WHERE exercise_id = $1', [exerciseId]);
			await c.query('DELETE FROM exercises WHERE id = $1', [exerciseId]);
		});
	}

	async rewriteEvents(exerciseId: string, events: DomainEvent[]) {
		if (events.length === 0) return;
		await this.tx(async (c) => {
			const { rowCount } = await c.query(
				`UPDATE events e SET actor = v.actor, body = v.body::jsonb
				 FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS v(seq, type, actor, body)
				 WHERE e.exercise_id = $1 AND e.seq = v.seq AND e.type = v.type`,
				[exerciseId, events.map((e) => e.seq), events.map((e) => e.type), events.map((e) => e.actor), events.map(eventBody)]
			);
			if (rowCount !== events.length) throw new Error(`${events.length - (rowCount ?? 0)} of the events to rewrite are not in the log of "${exerciseId}"`);
		});
	}

	async getSetting(key: string) {
		const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
		return rows[0]?.value ?? null;
	}

	async setSetting(key: string, value: string) {
		await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
	}

	async close() {
		await this.pool.end();
	}
}
