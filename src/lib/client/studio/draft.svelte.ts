/**
 * The scenario open in the studio (browser state, Svelte 5 runes): one YAML document that every view edits — the
 * forms through `set`/`push`/`remove`, the YAML view by replacing the text — checked as the planner types, with undo,
 * and what the server last saved to tell a change from none. Views read `data` (the document as plain data, not yet
 * validated: any field may be missing or wrong) and the problems at their fields.
 */
import { formatPath, type ScenarioProblem } from '$lib/engine/scenario/parse';
import type { ScenarioInput } from '$lib/engine/scenario/schema';
import { checkDraft, type DraftCheck } from '$lib/engine/studio/check-draft';
import type { ScenarioVersion } from '$lib/engine/studio/library';
import { ScenarioDocument, type DocPath } from '$lib/engine/studio/scenario-document';

/** Plain data of a type whose every field may be missing (what a draft's YAML holds before it passes the checks). */
export type Loose<T> = T extends readonly (infer U)[] ? Loose<U>[] : T extends object ? { [K in keyof T]?: Loose<T[K]> } : T;
export type DraftData = Loose<ScenarioInput>;

const CHECK_DELAY_MS = 250;
/** Edits closer together than this undo as one (typing a word is one step). */
const UNDO_GROUP_MS = 800;
const UNDO_DEPTH = 100;

/** The value at `path` in plain data. */
export function valueAt(data: unknown, path: DocPath): unknown {
	let here = data;
	for (const key of path) {
		if (here === null || typeof here !== 'object') return undefined;
		here = (here as Record<string | number, unknown>)[key];
	}
	return here;
}

const startsWith = (path: readonly (string | number)[] | undefined, prefix: DocPath) =>
	!!path && prefix.length <= path.length && prefix.every((key, i) => path[i] === key);

export class StudioDraft {
	readonly key: string;
	/** A bundled scenario: read-only, to copy. */
	readonly readonly: boolean;
	/** The saved version this draft is based on (a save on top of a newer one is refused). */
	base = $state.raw<ScenarioVersion>() as ScenarioVersion;
	data = $state.raw<DraftData>({});
	/** Problems of the YAML text when it does not parse: the forms wait until it does. */
	syntax = $state.raw<ScenarioProblem[]>([]);
	check = $state.raw<DraftCheck>({ scenario: null, problems: [] });
	/** A check is due (the planner is typing). */
	checking = $state(false);
	/** Bumped on every change: views that cache something derived from the document depend on it. */
	revision = $state(0);
	/** A request to show a field: the studio opens its view and the field with this path takes the focus. */
	focusRequest = $state.raw<{ path: DocPath; seq: number } | null>(null);

	#document: ScenarioDocument | null = null;
	/** The text while it does not parse (the YAML view's), else null: the document is the truth. */
	#brokenText: string | null = null;
	#printed: { revision: number; text: string } | null = null;
	#undo: string[] = $state([]);
	#redo: string[] = $state([]);
	#lastEdit = -Infinity;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(version: ScenarioVersion, options: { readonly?: boolean } = {}) {
		this.key = version.key;
		this.readonly = options.readonly ?? false;
		this.base = version;
		this.#load(version.source);
		this.#runCheck();
	}

	/** The YAML text of the draft as it stands. */
	get text(): string {
		if (this.#brokenText !== null) return this.#brokenText;
		if (this.#printed?.revision !== this.revision) this.#printed = { revision: this.revision, text: this.#document!.text() };
		return this.#printed.text;
	}

	/** Whether the draft differs from the version it is based on. */
	get dirty(): boolean {
		return this.text !== this.base.source;
	}

	get problems(): ScenarioProblem[] {
		return this.syntax.length > 0 ? this.syntax : this.check.problems;
	}

	/** The forms can edit (the YAML parses and the scenario is not read-only). */
	get editable(): boolean {
		return !this.readonly && this.#document !== null && this.#brokenText === null;
	}

	get canUndo() {
		return this.#undo.length > 0;
	}
	get canRedo() {
		return this.#redo.length > 0;
	}

	/** The value at `path` as the draft holds it now. */
	get(path: DocPath): unknown {
		return valueAt(this.data, path);
	}

	/** Changes the document (a form's edit): undoable, then checked. */
	edit(change: (document: ScenarioDocument) => void): void {
		if (!this.editable) return;
		this.#remember();
		change(this.#document!);
		this.#changed();
	}

	set(path: DocPath, value: unknown) {
		this.edit((d) => d.set(path, value));
	}
	push(path: DocPath, value: unknown) {
		this.edit((d) => d.push(path, value));
	}
	insert(path: DocPath, index: number, value: unknown) {
		this.edit((d) => d.insert(path, index, value));
	}
	remove(path: DocPath) {
		this.edit((d) => d.remove(path));
	}
	move(path: DocPath, from: number, to: number) {
		this.edit((d) => d.move(path, from, to));
	}

	/** Replaces the whole text (the YAML view): undoable; when it does not parse, the forms wait. */
	setText(text: string): void {
		if (this.readonly || text === this.text) return;
		this.#remember();
		this.#load(text);
		this.#changed();
	}

	undo() {
		const previous = this.#undo.pop();
		if (previous === undefined) return;
		this.#redo.push(this.text);
		this.#load(previous);
		this.#lastEdit = -Infinity;
		this.#changed();
	}

	redo() {
		const next = this.#redo.pop();
		if (next === undefined) return;
		this.#undo.push(this.text);
		this.#load(next);
		this.#lastEdit = -Infinity;
		this.#changed();
	}

	/** The draft now stands on `version` (just saved, or reloaded): `text` stays unless the version's is taken. */
	rebase(version: ScenarioVersion, take = false) {
		this.base = version;
		if (take) {
			this.#load(version.source);
			this.#undo = [];
			this.#redo = [];
			this.#changed();
		}
	}

	/** Asks the studio to show the field at `path`. */
	focus(path: DocPath) {
		this.focusRequest = { path, seq: (this.focusRequest?.seq ?? 0) + 1 };
	}

	/** The problems at `path` or inside it. */
	problemsIn(path: DocPath): ScenarioProblem[] {
		return this.problems.filter((p) => startsWith(p.at, path));
	}

	/** The first problem exactly at `path` (shown beside its field). */
	problemAt(path: DocPath): ScenarioProblem | undefined {
		const wanted = formatPath(path);
		return this.problems.find((p) => p.path === wanted);
	}

	destroy() {
		if (this.#timer) clearTimeout(this.#timer);
	}

	#load(text: string) {
		const opened = ScenarioDocument.parse(text);
		if (opened.ok) {
			this.#document = opened.document;
			this.#brokenText = null;
			this.syntax = [];
			this.data = opened.document.value() as DraftData;
		} else {
			this.#brokenText = text;
			this.syntax = opened.problems;
		}
	}

	#remember() {
		const now = performance.now();
		if (now - this.#lastEdit > UNDO_GROUP_MS) {
			this.#undo.push(this.text);
			if (this.#undo.length > UNDO_DEPTH) this.#undo.shift();
			this.#redo = [];
		}
		this.#lastEdit = now;
	}

	#changed() {
		if (this.#document && this.#brokenText === null) this.data = this.#document.value() as DraftData;
		this.revision++;
		this.checking = true;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#runCheck(), CHECK_DELAY_MS);
	}

	#runCheck() {
		this.#timer = null;
		this.checking = false;
		if (this.#document && this.#brokenText === null) this.check = checkDraft(this.#document, this.key);
	}
}
