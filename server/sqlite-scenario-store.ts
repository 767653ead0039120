/** The scenario library in the SQLite file (better-sqlite3, synchronous transactions). */
import type Database from 'better-sqlite3';
import { ConcurrencyError } from './event-store';
import { INFO_COLUMNS, toEntry, toVersionInfo, type EntryRow, type NewVersion, type ScenarioStore, type VersionRow } from './scenario-store';
import type { ScenarioOrigin } from '../src/lib/engine/studio/library';
import { retryWhileBusy } from './sqlite-busy';

export class SqliteScenarioStore implements ScenarioStore {
	constructor(private db: Database.Database) {}

	async listEntries() {
		const rows = this.db.prepare<[], EntryRow>('SELECT * FROM scenarios ORDER BY key').all();
		const versions = this.db.prepare<[], VersionRow>(`SELECT ${INFO_COLUMNS} FROM scenario_versions`).all();
		return rows.flatMap((r) => toEntry(r, versions) ?? []);
	}

	async entry(key: string) {
		const row = this.db.prepare<[string], EntryRow>('SELECT * FROM scenarios WHERE key = ?').get(key);
		return row ? toEntry(row, this.db.prepare<[string], VersionRow>(`SELECT ${INFO_COLUMNS} FROM scenario_versions WHERE key = ?`).all(key)) : null;
	}

	async versions(key: string) {
		return this.db.prepare<[string], VersionRow>(`SELECT ${INFO_COLUMNS} FROM scenario_versions WHERE key = ? ORDER BY version`).all(key).map(toVersionInfo);
	}

	async version(key: string, version?: number) {
		const row =
			version === undefined
				? this.db.prepare<[string], VersionRow>('SELECT * FROM scenario_versions WHERE key = ? ORDER BY version DESC LIMIT 1').get(key)
				: this.db.prepare<[string, number], VersionRow>('SELECT * FROM scenario_versions WHERE key = ? AND version = ?').get(key, version);
		return row ? { ...toVersionInfo(row), source: row.source! } : null;
	}

	private insertVersion(key: string, version: number, v: NewVersion) {
		this.db
			.prepare(
				'INSERT INTO scenario_versions (key, version, title, kind, status, problems, saved_wall, saved_by, note, restored_from, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			)
			.run(key, version, v.title, v.kind, v.status, v.problems, v.savedWall, v.savedBy, v.note, v.restoredFrom, v.source);
	}

	async createScenario(key: string, origin: ScenarioOrigin, first: NewVersion) {
		const create = this.db.transaction(() => {
			const inserted = this.db
				.prepare('INSERT INTO scenarios (key, origin, archived, created_wall, created_by) VALUES (?, ?, 0, ?, ?) ON CONFLICT(key) DO NOTHING')
				.run(key, origin, first.savedWall, first.savedBy);
			if (inserted.changes === 0) return false;
			this.insertVersion(key, 1, first);
			return true;
		});
		return retryWhileBusy(() => create.immediate());
	}

	async addVersion(key: string, baseVersion: number, next: NewVersion) {
		const add = this.db.transaction(() => {
			const latest = this.db.prepare<[string], { v: number | null }>('SELECT MAX(version) AS v FROM scenario_versions WHERE key = ?').get(key)?.v ?? 0;
			if (latest !== baseVersion) throw new ConcurrencyError(`scenario "${key}" is at version ${latest}, not ${baseVersion}`);
			this.insertVersion(key, baseVersion + 1, next);
			return toVersionInfo({ key, version: baseVersion + 1, ...next, saved_wall: next.savedWall, saved_by: next.savedBy, restored_from: next.restoredFrom });
		});
		return retryWhileBusy(() => add.immediate());
	}

	async setArchived(key: string, archived: boolean) {
		const update = this.db.prepare('UPDATE scenarios SET archived = ? WHERE key = ?');
		await retryWhileBusy(() => update.run(archived ? 1 : 0, key));
	}
}
