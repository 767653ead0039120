/**
 * Where a place of the scenario stands in its YAML text (pure): for a path such as `['injects', 3, 'title']`, the
 * characters to mark (the key and its value on the key's line) and the line. The YAML view marks the checker's
 * problems and moves its cursor with it. The text is parsed once; a path the text does not have (a required field
 * missing) is placed at the nearest enclosing key it has, and said to be not exact.
 */
import { isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DocPath } from './scenario-document';

export interface YamlSpot {
	/** Offset of the first character to mark (the key, or a list item's first character). */
	from: number;
	/** Offset after the last character to mark: the value's end, never past the end of the first line. */
	to: number;
	/** 1-based line of `from`. */
	line: number;
	/** Whether the text has the whole path (false: this is where its nearest enclosing part stands). */
	exact: boolean;
}

type Ranged = { range?: [number, number, number] | null };
const rangeOf = (node: unknown): [number, number, number] | null => (node && typeof node === 'object' ? ((node as Ranged).range ?? null) : null);

export class YamlSpots {
	private constructor(
		private readonly text: string,
		private readonly root: unknown,
		private readonly counter: LineCounter
	) {}

	/** Reads `text` (even when it has syntax errors: whatever parses is placed). */
	static of(text: string): YamlSpots {
		const counter = new LineCounter();
		const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
		return new YamlSpots(text, doc.contents, counter);
	}

	/** The line (1-based) where `path` stands, or the nearest enclosing part of it; 1 for the root. */
	lineOf(path: DocPath): number {
		return this.spotOf(path).line;
	}

	spotOf(path: DocPath): YamlSpot {
		let node: unknown = this.root;
		let key: unknown = null;
		let walked = 0;
		for (const part of path) {
			let next: { key: unknown; value: unknown } | null = null;
			if (isMap(node)) {
				const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(part));
				if (pair) next = { key: pair.key, value: pair.value };
			} else if (isSeq(node) && typeof part === 'number' && part >= 0 && part < node.items.length) {
				next = { key: null, value: node.items[part] };
			}
			if (!next) break;
			key = next.key;
			node = next.value;
			walked++;
		}
		const exact = walked === path.length;
		const keyRange = rangeOf(key);
		const valueRange = rangeOf(node);
		const from = keyRange?.[0] ?? valueRange?.[0] ?? 0;
		const lineEnd = this.lineEnd(from);
		// A scalar is marked to its end; a list or map (or a missing value) only on its key's line.
		const end = valueRange && !isCollection(node as Node) ? valueRange[1] : (keyRange?.[1] ?? lineEnd);
		const to = Math.max(from, Math.min(end, lineEnd));
		return { from, to, line: this.counter.linePos(from).line, exact };
	}

	/** The whole of line `line` (1-based, clamped to the text's lines), for a problem known only by its line. */
	spotOfLine(line: number): YamlSpot {
		const starts = this.counter.lineStarts;
		const n = Math.max(1, Math.min(Math.trunc(line) || 1, starts.length || 1));
		const from = Math.min(starts[n - 1] ?? 0, this.text.length);
		return { from, to: this.lineEnd(from), line: n, exact: true };
	}

	private lineEnd(offset: number): number {
		const newline = this.text.indexOf('\n', offset);
		const end = newline === -1 ? this.text.length : newline;
		return this.text[end - 1] === '\r' ? end - 1 : end;
	}
}
