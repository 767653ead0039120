/**
 * The scenario library (server edge over the pure studio rules): the bundled files seeded as read-only entries, the
 * planners' scenarios as immutable versions, every save checked as `scenario:check` checks a file and audited with
 * the controller's name. Exercises are created from an entry's newest ready version (or a named one) and embed it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { geographyProblems } from '../src/lib/engine/scenario/geography';
import { MAX_SCENARIO_BYTES, parseScenarioYaml } from '../src/lib/engine/scenario/parse';
import type { Scenario } from '../src/lib/engine/scenario/schema';
import type { ScenarioLanguage } from '../src/lib/engine/scenario/vocabulary';
import { blankScenarioSource } from '../src/lib/engine/studio/blank-scenario';
import { inlineTranslations } from '../src/lib/engine/studio/inline-translations';
import type { LibraryEntry, ScenarioVersion, ScenarioVersionInfo, VersionStatus } from '../src/lib/engine/studio/library';
import { ScenarioDocument } from '../src/lib/engine/studio/scenario-document';
import { BUNDLED_BY, madeFromNote } from '../src/lib/engine/studio/version-note';
import { slugify } from '../src/lib/engine/formats/msel-import';
import { ConcurrencyError } from './event-store';
import { RequestError } from './realtime/access';
import type { NewVersion, ScenarioStore } from './scenario-store';
import { loadScenarioFile, scenarioFilesIn, translationFilesOf } from './scenario-files';

export type CreateRequest =
	| { blank: { title: string; kind: Scenario['kind']; language: ScenarioLanguage } }
	| { copyOf: string; version?: number; title?: string }
	| { source: string; fileName?: string };

/**
 * What the checks say about a text: its scenario when it passes, how many problems, its title and kind as written,
 * and the line where it stops being readable YAML (null when it is readable).
 */
function examine(source: string) {
	if (source.length > MAX_SCENARIO_BYTES)
		throw new RequestError('scenario-too-large', `the scenario is larger than ${MAX_SCENARIO_BYTES} bytes`, { limit: MAX_SCENARIO_BYTES });
	const opened = ScenarioDocument.parse(source);
	if (!opened.ok)
		return { scenario: null, problems: opened.problems.length, title: '', kind: '', id: null as unknown, unreadableAt: opened.problems[0]?.line ?? 0 };
	const parsed = parseScenarioYaml(source, geographyProblems);
	const raw = opened.document;
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	return {
		scenario: parsed.ok ? parsed.scenario : null,
		problems: parsed.ok ? 0 : parsed.problems.length,
		title: text(raw.get(['title'])).slice(0, 160),
		kind: text(raw.get(['kind'])).slice(0, 40),
		id: raw.get(['id']),
		unreadableAt: null
	};
}

export class ScenarioLibrary {
	/** Parsed ready versions, by key and version (a version never changes). */
	private parsed = new Map<string, Scenario>();

	constructor(
		private store: ScenarioStore,
		private log: (message: string) => void = () => {},
		private now: () => number = Date.now
	) {}

	/** Seeds each bundled scenario file (with its translations inline) as a read-only entry; a changed file adds a version. */
	async seed(dirs: string[]): Promise<void> {
		for (const dir of dirs)
			for (const file of await scenarioFilesIn(dir)) {
				const loaded = await loadScenarioFile(file);
				if ('problems' in loaded) continue; // logged by the loader's caller
				const translations = await Promise.all(
					(await translationFilesOf(file)).map(async (t) => ({ file: path.basename(t.file), locale: t.locale, source: await readFile(t.file, 'utf8') }))
				);
				const woven = inlineTranslations(await readFile(file, 'utf8'), translations);
				const source = woven.ok ? woven.text : await readFile(file, 'utf8');
				const key = loaded.scenario.id;
				const version = this.versionOf(source, 'ready', BUNDLED_BY, madeFromNote({ kind: 'bundled', fileName: path.basename(file) }));
				const existing = await this.store.entry(key);
				if (!existing) await this.store.createScenario(key, 'bundled', version);
				else if (existing.origin === 'bundled') {
					const latest = await this.store.version(key);
					if (latest?.source !== source) await this.store.addVersion(key, existing.latest.version, version).catch(() => undefined);
				} else this.log(`scenario file ${file}: the library already has a scenario "${key}" made in the studio; the file is not seeded`);
			}
	}

	private versionOf(source: string, status: VersionStatus, by: string, note: string, restoredFrom: number | null = null): NewVersion {
		const seen = examine(source);
		return {
			title: seen.title,
			kind: seen.kind,
			status: seen.problems > 0 ? 'draft' : status,
			problems: seen.problems,
			savedWall: this.now(),
			savedBy: by,
			note,
			restoredFrom,
			source
		};
	}

	list(): Promise<LibraryEntry[]> {
		return this.store.listEntries();
	}

	async entry(key: string): Promise<LibraryEntry> {
		const entry = await this.store.entry(key);
		if (!entry) throw new RequestError('unknown-scenario', `unknown scenario "${key}"`);
		return entry;
	}

	async open(key: string, version?: number): Promise<{ entry: LibraryEntry; version: ScenarioVersion }> {
		const entry = await this.entry(key);
		const found = await this.store.version(key, version);
		if (!found) throw new RequestError('unknown-version', `scenario "${key}" has no version ${version}`, { version: version ?? 0 });
		return { entry, version: found };
	}

	async history(key: string): Promise<ScenarioVersionInfo[]> {
		await this.entry(key);
		return this.store.versions(key);
	}

	private async freeKey(wanted: string): Promise<string> {
		const base = slugify(wanted, 'scenario').slice(0, 50);
		if (!(await this.store.entry(base))) return base;
		for (;;) {
			const key = `${base}-${randomBytes(2).toString('hex')}`;
			if (!(await this.store.entry(key))) return key;
		}
	}

	/** A source with its `id` (and title, when given) rewritten. */
	private rekey(source: string, key: string, title?: string): string {
		const opened = ScenarioDocument.parse(source);
		if (!opened.ok) throw new RequestError('scenario-unreadable', 'the file is not YAML that can be read', { line: opened.problems[0]?.line ?? 0 });
		opened.document.set(['id'], key);
		if (title) opened.document.set(['title'], title);
		return opened.document.text();
	}

	async create(request: CreateRequest, by: string): Promise<{ key: string; version: number }> {
		let key: string;
		let source: string;
		let note: string;
		if ('blank' in request) {
			key = await this.freeKey(request.blank.title);
			source = blankScenarioSource({ key, ...request.blank });
			note = madeFromNote({ kind: 'blank' });
		} else if ('copyOf' in request) {
			const from = await this.open(request.copyOf, request.version);
			key = await this.freeKey(request.title ?? from.version.title ?? request.copyOf);
			source = this.rekey(from.version.source, key, request.title);
			note = madeFromNote({ kind: 'copy', key: request.copyOf, version: from.version.version, title: from.version.title });
		} else {
			examine(request.source);
			const id = ScenarioDocument.parse(request.source);
			const wanted = id.ok && typeof id.document.get(['id']) === 'string' ? String(id.document.get(['id'])) : (request.fileName ?? 'imported');
			key = await this.freeKey(wanted);
			source = this.rekey(request.source, key);
			note = madeFromNote({ kind: 'import', fileName: request.fileName ?? null });
		}
		if (!(await this.store.createScenario(key, 'studio', this.versionOf(source, 'draft', by, note)))) return this.create(request, by);
		this.log(`studio: ${by} created ${key} (${note})`);
		return { key, version: 1 };
	}

	async save(key: string, request: { baseVersion: number; source: string; status: VersionStatus; note?: string }, by: string): Promise<ScenarioVersionInfo> {
		const entry = await this.entry(key);
		if (entry.origin === 'bundled') throw new RequestError('scenario-read-only', `"${key}" is a bundled original: copy it to edit`);
		const seen = examine(request.source);
		if (seen.unreadableAt !== null) throw new RequestError('scenario-unreadable', 'the scenario is not YAML that can be read', { line: seen.unreadableAt });
		if (seen.id !== key) throw new RequestError('scenario-id-fixed', `the id of scenario "${key}" cannot change`, { key });
		if (request.status === 'ready' && seen.problems > 0)
			throw new RequestError('scenario-not-ready', `a ready scenario must have no problems (${seen.problems} found)`, { count: seen.problems });
		const next = this.versionOf(request.source, request.status, by, request.note ?? '');
		const saved = await this.add(key, request.baseVersion, next);
		this.log(`studio: ${by} saved ${key} v${saved.version} (${saved.status})`);
		return saved;
	}

	private async add(key: string, baseVersion: number, next: NewVersion) {
		try {
			return await this.store.addVersion(key, baseVersion, next);
		} catch (err) {
			if (!(err instanceof ConcurrencyError)) throw err;
			const latest = (await this.entry(key)).latest;
			throw new RequestError('stale-version', `version ${latest.version} was saved by ${latest.savedBy} after version ${baseVersion}`, {
				latest: latest.version,
				savedBy: latest.savedBy
			});
		}
	}

	async restore(key: string, version: number, by: string): Promise<ScenarioVersionInfo> {
		const { entry, version: old } = await this.open(key, version);
		if (entry.origin === 'bundled') throw new RequestError('scenario-read-only', `"${key}" is a bundled original: copy it to edit`);
		const saved = await this.add(key, entry.latest.version, this.versionOf(old.source, old.status, by, '', version));
		this.log(`studio: ${by} restored ${key} v${version} as v${saved.version}`);
		return saved;
	}

	async archive(key: string, archived: boolean, by: string): Promise<void> {
		const entry = await this.entry(key);
		if (entry.origin === 'bundled') throw new RequestError('scenario-read-only', `"${key}" is a bundled original`);
		await this.store.setArchived(key, archived);
		this.log(`studio: ${by} ${archived ? 'archived' : 'unarchived'} ${key}`);
	}

	/** The scenario of a ready version, parsed once. */
	private async scenarioOf(key: string, version: number): Promise<Scenario | null> {
		const id = `${key}@${version}`;
		const cached = this.parsed.get(id);
		if (cached) return cached;
		const found = await this.store.version(key, version);
		const scenario = found ? examine(found.source).scenario : null;
		if (scenario) this.parsed.set(id, scenario);
		return scenario;
	}

	/** What exercises can be created from: each entry not archived with a ready version, at that version. */
	async launchable(): Promise<{ scenario: Scenario; version: number }[]> {
		const out: { scenario: Scenario; version: number }[] = [];
		for (const e of await this.store.listEntries()) {
			if (e.archived || !e.ready) continue;
			const scenario = await this.scenarioOf(e.key, e.ready.version);
			if (scenario) out.push({ scenario, version: e.ready.version });
		}
		return out;
	}

	/** The scenario an exercise is created from: the entry's newest ready version, or the version named. */
	async forExercise(key: string, version?: number): Promise<{ scenario: Scenario; version: number }> {
		const entry = await this.entry(key);
		if (entry.archived) throw new RequestError('scenario-archived', `scenario "${key}" is archived: restore it in the studio to run it`);
		const wanted = version ?? entry.ready?.version;
		const info = wanted === undefined ? null : (await this.store.versions(key)).find((v) => v.version === wanted);
		if (!info) throw new RequestError('unknown-version', `scenario "${key}" has no ready version to run`, { version: version ?? 0 });
		if (info.status !== 'ready') throw new RequestError('scenario-not-ready', `version ${wanted} of "${key}" is a draft`, { count: info.problems });
		const scenario = await this.scenarioOf(key, info.version);
		if (!scenario) throw new RequestError('scenario-not-ready', `version ${wanted} of "${key}" does not pass the checks`, { count: info.problems });
		return { scenario, version: info.version };
	}
}
