/**
 * The studio's model of a scenario: its YAML document (the `yaml` library's Document, pure), edited in place by the
 * forms and replaced whole by the YAML view. Editing the document rather than a plain object keeps what the planner
 * wrote around an edit: comments, key order, the block style of long texts. The text is the document printed in one
 * fixed style (`YAML_STYLE`), so a document printed twice is printed the same and its data never changes on the way.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { MAX_SCENARIO_BYTES, type ScenarioProblem } from '../scenario/parse';

/** A place in the scenario: keys and list indexes from the root (`['injects', 3, 'title']`). */
export type DocPath = readonly (string | number)[];

/** How the studio prints YAML: long texts folded at 100 columns, two-space indents. */
export const YAML_STYLE = { lineWidth: 100, indent: 2 } as const;

export type OpenedDocument = { ok: true; document: ScenarioDocument } | { ok: false; problems: ScenarioProblem[] };

export class ScenarioDocument {
	private constructor(
		private doc: Document,
		/** Lines of the text it was parsed from; stale once a form has edited it (then `lineOf` walks to the nearest parsed node). */
		private counter: LineCounter
	) {}

	/** Parses YAML text; syntax errors come back as problems at their lines. */
	static parse(text: string): OpenedDocument {
		if (text.length > MAX_SCENARIO_BYTES)
			return { ok: false, problems: [{ path: '(file)', line: null, message: `file is larger than ${MAX_SCENARIO_BYTES} bytes` }] };
		const counter = new LineCounter();
		const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
		if (doc.errors.length > 0)
			return {
				ok: false,
				problems: doc.errors.map((e) => ({
					path: '(yaml)',
					line: e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line,
					message: e.message.split('\n')[0] ?? e.message
				}))
			};
		return { ok: true, document: new ScenarioDocument(doc, counter) };
	}

	/** The whole scenario as plain data (not validated). */
	value(): unknown {
		return this.doc.toJS({ maxAliasCount: 100 });
	}

	/** The plain value at `path` (undefined when there is nothing there). */
	get(path: DocPath): unknown {
		const node = this.doc.getIn(path as unknown[], true);
		if (node === undefined) return undefined;
		return isScalar(node) ? node.value : isMap(node) || isSeq(node) ? node.toJSON() : node;
	}

	has(path: DocPath): boolean {
		return this.doc.hasIn(path as unknown[]);
	}

	/**
	 * Sets the value at `path`, creating the maps on the way; `undefined` removes it. A text replacing a text keeps
	 * the node, so its style (a folded block, quotes) and its comment stay.
	 */
	set(path: DocPath, value: unknown): void {
		if (value === undefined) return void this.remove(path);
		const node = this.doc.getIn(path as unknown[], true);
		if (isScalar(node) && (value === null || typeof value !== 'object')) {
			node.value = value;
			return;
		}
		this.doc.setIn(path as unknown[], this.doc.createNode(value));
	}

	remove(path: DocPath): void {
		if (this.doc.hasIn(path as unknown[])) this.doc.deleteIn(path as unknown[]);
	}

	/** Inserts `value` into the list at `path` before `index` (at its end when `index` is past it), creating the list if needed. */
	insert(path: DocPath, index: number, value: unknown): void {
		const list = this.doc.getIn(path as unknown[], true);
		if (!isSeq(list)) {
			this.doc.setIn(path as unknown[], this.doc.createNode([value]));
			return;
		}
		list.items.splice(Math.max(0, Math.min(index, list.items.length)), 0, this.doc.createNode(value));
	}

	/** Appends `value` to the list at `path`. */
	push(path: DocPath, value: unknown): void {
		this.insert(path, Number.MAX_SAFE_INTEGER, value);
	}

	/** Moves an item of the list at `path` from `from` to `to`. */
	move(path: DocPath, from: number, to: number): void {
		const list = this.doc.getIn(path as unknown[], true);
		if (!isSeq(list) || from < 0 || from >= list.items.length) return;
		const [item] = list.items.splice(from, 1);
		list.items.splice(Math.max(0, Math.min(to, list.items.length)), 0, item);
	}

	/** The line of `path` in the text last parsed (or of the nearest enclosing node that has one). */
	lineOf(path: DocPath): number | null {
		for (let n = path.length; n >= 0; n--) {
			const node = this.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
			if (node && typeof node === 'object' && node.range) return this.counter.linePos(node.range[0]).line;
		}
		return null;
	}

	/** The YAML text, in the studio's style. */
	text(): string {
		return this.doc.toString(YAML_STYLE);
	}

	/** A copy to edit without touching this one. */
	clone(): ScenarioDocument {
		return new ScenarioDocument(this.doc.clone(), this.counter);
	}
}
