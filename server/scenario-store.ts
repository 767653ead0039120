/**
 * The scenario library's storage: each scenario a list of immutable versions (one YAML text each), in the same
 * database as the event log. A version is added on top of the newest one only: `addVersion` with a stale
 * `baseVersion` throws `ConcurrencyError`, atomically, so two planners (or two server processes) can never both
 * save over version N.
 */
import type { LibraryEntry, ScenarioOrigin, ScenarioVersion, ScenarioVersionInfo, VersionStatus } from '../src/lib/engine/studio/library';

export interface NewVersion {
	title: string;
	kind: string;
	status: VersionStatus;
	problems: number;
	savedWall: number;
	savedBy: string;
	note: string;
	restoredFrom: number | null;
	source: string;
}

export interface ScenarioStore {
	listEntries(): Promise<LibraryEntry[]>;
	entry(key: string): Promise<LibraryEntry | null>;
	versions(key: string): Promise<ScenarioVersionInfo[]>;
	/** A version with its text; the newest when `version` is absent. */
	version(key: string, version?: number): Promise<ScenarioVersion | null>;
	/** A new scenario with its first version; false when the key is taken. */
	createScenario(key: string, origin: ScenarioOrigin, first: NewVersion): Promise<boolean>;
	/** Saves version `baseVersion + 1`; throws ConcurrencyError when the newest is not `baseVersion`. */
	addVersion(key: string, baseVersion: number, next: NewVersion): Promise<ScenarioVersionInfo>;
	setArchived(key: string, archived: boolean): Promise<void>;
}

/** The columns of a version row, shared by both stores. */
export interface VersionRow {
	key: string;
	version: number;
	title: string;
	kind: string;
	status: VersionStatus;
	problems: number;
	saved_wall: number | string;
	saved_by: string;
	note: string;
	restored_from: number | null;
	source?: string;
}
export interface EntryRow {
	key: string;
	origin: ScenarioOrigin;
	archived: number | boolean;
	created_wall: number | string;
	created_by: string;
}

export const toVersionInfo = (r: VersionRow): ScenarioVersionInfo => ({
	key: r.key,
	version: r.version,
	title: r.title,
	kind: r.kind,
	status: r.status,
	problems: r.problems,
	savedWall: Number(r.saved_wall),
	savedBy: r.saved_by,
	note: r.note,
	restoredFrom: r.restored_from
});

/** An entry from its row and its versions' rows (any order). */
export function toEntry(row: EntryRow, versions: VersionRow[]): LibraryEntry | null {
	const sorted = versions.filter((v) => v.key === row.key).sort((a, b) => b.version - a.version);
	if (sorted.length === 0) return null;
	const ready = sorted.find((v) => v.status === 'ready');
	return {
		key: row.key,
		origin: row.origin,
		archived: Boolean(row.archived),
		createdWall: Number(row.created_wall),
		createdBy: row.created_by,
		latest: toVersionInfo(sorted[0]!),
		ready: ready ? toVersionInfo(ready) : null
	};
}

export const SCENARIO_TABLES = (bigint: string) => `
	CREATE TABLE scenarios (
		key TEXT PRIMARY KEY,
		origin TEXT NOT NULL,
		archived BOOLEAN NOT NULL DEFAULT FALSE,
		created_wall ${bigint} NOT NULL,
		created_by TEXT NOT NULL
	);
	CREATE TABLE scenario_versions (
		key TEXT NOT NULL REFERENCES scenarios(key),
		version INTEGER NOT NULL,
		title TEXT NOT NULL,
		kind TEXT NOT NULL,
		status TEXT NOT NULL,
		problems INTEGER NOT NULL,
		saved_wall ${bigint} NOT NULL,
		saved_by TEXT NOT NULL,
		note TEXT NOT NULL,
		restored_from INTEGER,
		source TEXT NOT NULL,
		PRIMARY KEY (key, version)
	);`;

export const INFO_COLUMNS = 'key, version, title, kind, status, problems, saved_wall, saved_by, note, restored_from';
