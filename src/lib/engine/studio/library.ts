/**
 * The scenario library as the studio sees it (pure types and rules, no I/O): every scenario is a list of immutable
 * versions, each one YAML document in the scenario file format (translations inline), saved by a named controller.
 * Bundled scenario files are read-only entries, seeded from `scenarios/`; planners copy them to edit. An exercise is
 * created from one version and keeps it (the version travels in its `exercise.created` event).
 */
export const VERSION_STATUSES = ['draft', 'ready'] as const;
/** `draft`: work in progress, may have problems; `ready`: passes every check, and exercises may be created from it. */
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type ScenarioOrigin = 'bundled' | 'studio';

/** One saved version, without its text. */
export interface ScenarioVersionInfo {
	/** The scenario's key in the library: the `id` of its YAML, fixed once created. */
	key: string;
	/** 1, 2, 3… in the order they were saved. */
	version: number;
	title: string;
	kind: string;
	status: VersionStatus;
	/** How many problems the checks found in it when it was saved (0 for a ready version). */
	problems: number;
	savedWall: number;
	/** The controller's name (an audited save), or `BUNDLED_BY` for a seeded version (`version-note.ts`). */
	savedBy: string;
	/** What changed, in the planner's words (optional). */
	note: string;
	/** The version this one was restored from, when it is a restore. */
	restoredFrom: number | null;
}

export interface ScenarioVersion extends ScenarioVersionInfo {
	/** The YAML document, byte for byte what its export gives and `scenario:check` reads. */
	source: string;
}

/** A scenario in the library list. */
export interface LibraryEntry {
	key: string;
	origin: ScenarioOrigin;
	archived: boolean;
	createdWall: number;
	createdBy: string;
	/** The newest version (what the studio opens). */
	latest: ScenarioVersionInfo;
	/** The newest ready version, which exercises are created from; null while there is none. */
	ready: ScenarioVersionInfo | null;
}

/** Who has a scenario open in the studio. */
export interface StudioPresence {
	key: string;
	editors: { name: string }[];
}

/** A version was saved: sent to everyone who has the scenario open. */
export interface StudioSaved {
	key: string;
	version: number;
	savedBy: string;
}
