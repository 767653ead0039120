/** The scenario library in PostgreSQL: a save locks the scenario's row, so concurrent saves on one version queue and the second is refused. */
import type pg from 'pg';
import { ConcurrencyError } from './event-store';
import { inTransaction } from './postgres-event-store';
import { INFO_COLUMNS, toEntry, toVersionInfo, type EntryRow, type NewVersion, type ScenarioStore, type VersionRow } from './scenario-store';
import type { ScenarioOrigin } from '../src/lib/engine/studio/library';

const VALUES = '($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)';
const row = (key: string, version: number, v: NewVersion) => [
	key,
	version,
	v.title,
	v.kind,
	v.status,
	v.problems,
	v.savedWall,
	v.savedBy,
	v.note,
	v.restoredFrom,
	v.source
];
const INSERT = `INSERT INTO scenario_versions (key, version, title, kind, status, problems, saved_wall, saved_by, note, restored_from, source) VALUES ${VALUES}`;

export class PostgresScenarioStore implements ScenarioStore {
	constructor(private pool: pg.Pool) {}

	async listEntries() {
		const [entries, versions] = await Promise.all([
			this.pool.query<EntryRow>('SELECT * FROM scenarios ORDER BY key'),
			this.pool.query<VersionRow>(`SELECT ${INFO_COLUMNS} FROM scenario_versions`)
		]);
		return entries.rows.flatMap((r) => toEntry(r, versions.rows) ?? []);
	}

	async entry(key: string) {
		const { rows } = await this.pool.query<EntryRow>('SELECT * FROM scenarios WHERE key = $1', [key]);
		if (!rows[0]) return null;
		const versions = await this.pool.query<VersionRow>(`SELECT ${INFO_COLUMNS} FROM scenario_versions WHERE key = $1`, [key]);
		return toEntry(rows[0], versions.rows);
	}

	async versions(key: string) {
		const { rows } = await this.pool.query<VersionRow>(`SELECT ${INFO_COLUMNS} FROM scenario_versions WHERE key = $1 ORDER BY version`, [key]);
		return rows.map(toVersionInfo);
	}

	async version(key: string, version?: number) {
		const { rows } =
			version === undefined
				? await this.pool.query<VersionRow>('SELECT * FROM scenario_versions WHERE key = $1 ORDER BY version DESC LIMIT 1', [key])
				: await this.pool.query<VersionRow>('SELECT * FROM scenario_versions WHERE key = $1 AND version = $2', [key, version]);
		return rows[0] ? { ...toVersionInfo(rows[0]), source: rows[0].source! } : null;
	}

	createScenario(key: string, origin: ScenarioOrigin, first: NewVersion) {
		return inTransaction(this.pool, async (c) => {
			const inserted = await c.query(
				'INSERT INTO scenarios (key, origin, archived, created_wall, created_by) VALUES ($1, $2, FALSE, $3, $4) ON CONFLICT (key) DO NOTHING',
				[key, origin, first.savedWall, first.savedBy]
			);
			if (inserted.rowCount === 0) return false;
			await c.query(INSERT, row(key, 1, first));
			return true;
		});
	}

	addVersion(key: string, baseVersion: number, next: NewVersion) {
		return inTransaction(this.pool, async (c) => {
			await c.query('SELECT key FROM scenarios WHERE key = $1 FOR UPDATE', [key]);
			const { rows } = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM scenario_versions WHERE key = $1', [key]);
			const latest = rows[0]?.v ?? 0;
			if (latest !== baseVersion) throw new ConcurrencyError(`scenario "${key}" is at version ${latest}, not ${baseVersion}`);
			await c.query(INSERT, row(key, baseVersion + 1, next));
			return toVersionInfo({ key, version: baseVersion + 1, ...next, saved_wall: next.savedWall, saved_by: next.savedBy, restored_from: next.restoredFrom });
		});
	}

	async setArchived(key: string, archived: boolean) {
		await this.pool.query('UPDATE scenarios SET archived = $1 WHERE key = $2', [archived, key]);
	}
}
