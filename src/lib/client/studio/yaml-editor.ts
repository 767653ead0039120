/**
 * The studio's YAML editor (browser only, loaded with `import()` by the YAML view so no other page carries it):
 * CodeMirror 6 with YAML highlighting, completion and hover from the scenario's JSON Schema
 * (`scenarios/scenario.schema.json`, through codemirror-json-schema), the draft's problems as marks, and the
 * editor's own words (search, folding, completion list) in the reader's language.
 *
 * The app's CSP allows styles from 'self' and inline ones (`style-src 'self' 'unsafe-inline'`): CodeMirror mounts
 * its styles as a constructed style sheet (or a <style> element in older browsers), which that policy admits, so no
 * nonce is needed. Scripts stay 'self' only: nothing here evaluates code. The schema's own linter is not used: the
 * draft's checks are the same schema and more (cross-references, geography), worded in the reader's language, and
 * a second, English-only set of marks for the same faults would only say them twice.
 *
 * Keyboard: CodeMirror's defaults, Tab indents, and Escape then Tab (or Ctrl-M, which toggles it) moves the focus
 * out of the editor, so it is never a keyboard trap. F8 goes to the next problem, Ctrl-Shift-M lists them all.
 */
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, nextDiagnostic, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, Transaction, type Extension } from '@codemirror/state';
import {
	crosshairCursor,
	drawSelection,
	dropCursor,
	EditorView,
	highlightActiveLine,
	highlightActiveLineGutter,
	highlightSpecialChars,
	hoverTooltip,
	keymap,
	lineNumbers,
	rectangularSelection
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import { m } from '$lib/paraglide/messages';
import { schemaHoverTexts, type SchemaPart } from './yaml-editor-hover';
import scenarioSchema from '../../../../scenarios/scenario.schema.json';

/** How long the planner may pause typing before the draft takes the text. */
export const TEXT_DELAY_MS = 300;

export interface EditorProblem {
	from: number;
	to: number;
	message: string;
}

export interface YamlEditorOptions {
	parent: HTMLElement;
	text: string;
	readonly: boolean;
	/** The editor's accessible name. */
	label: string;
	/** Id of the element that explains the editor's keys. */
	describedBy?: string;
	/** The text after the planner's edits (after a pause in typing, or when the editor loses the focus). */
	onText: (text: string) => void;
}

/** CodeMirror's own words, in the reader's language. */
function phrases(): Record<string, string> {
	return {
		Find: m.studioyaml_cm_find(),
		Replace: m.studioyaml_cm_replace(),
		next: m.studioyaml_cm_next(),
		previous: m.studioyaml_cm_previous(),
		all: m.studioyaml_cm_all(),
		'match case': m.studioyaml_cm_match_case(),
		regexp: m.studioyaml_cm_regexp(),
		'by word': m.studioyaml_cm_by_word(),
		replace: m.studioyaml_cm_replace_one(),
		'replace all': m.studioyaml_cm_replace_all(),
		close: m.studioyaml_cm_close(),
		'current match': m.studioyaml_cm_current_match(),
		'on line': m.studioyaml_cm_on_line(),
		'replaced $ matches': m.studioyaml_cm_replaced_matches(),
		'replaced match on line $': m.studioyaml_cm_replaced_on_line(),
		'Go to line': m.studioyaml_cm_go_to_line(),
		go: m.studioyaml_cm_go(),
		Diagnostics: m.studioyaml_cm_diagnostics(),
		'No diagnostics': m.studioyaml_cm_no_diagnostics(),
		Completions: m.studioyaml_cm_completions(),
		'Fold line': m.studioyaml_cm_fold_line(),
		'Unfold line': m.studioyaml_cm_unfold_line(),
		'folded code': m.studioyaml_cm_folded_code(),
		unfold: m.studioyaml_cm_unfold(),
		'Folded lines': m.studioyaml_cm_folded_lines(),
		'Unfolded lines': m.studioyaml_cm_unfolded_lines(),
		'Selection deleted': m.studioyaml_cm_selection_deleted(),
		'Control character': m.studioyaml_cm_control_character(),
		to: m.studioyaml_cm_to()
	};
}

/** Colours for YAML with at least 4.5:1 contrast on white and on the active line's tint. */
const highlight = HighlightStyle.define([
	{ tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#0b3d6e', fontWeight: '600' },
	{ tag: [tags.string, tags.special(tags.string), tags.content], color: '#7a2414' },
	{ tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#0f5c2e' },
	{ tag: [tags.comment, tags.lineComment], color: '#5c5346', fontStyle: 'italic' },
	{ tag: [tags.meta, tags.keyword, tags.typeName, tags.labelName], color: '#5b2a86' },
	{ tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: '#3d4651' },
	{ tag: tags.invalid, color: '#a00000', textDecoration: 'underline' }
]);

const theme = EditorView.theme({
	'&': { height: '100%', fontSize: '0.9rem', backgroundColor: 'white', color: '#1a2330' },
	'&.cm-focused': { outline: '2px solid #1d5fa8', outlineOffset: '1px' },
	'.cm-scroller': { fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace', lineHeight: '1.5' },
	'.cm-gutters': { backgroundColor: '#f3f5f8', color: '#4d5866', borderRight: '1px solid #d5dbe3' },
	'.cm-activeLine': { backgroundColor: '#eef4fb' },
	'.cm-activeLineGutter': { backgroundColor: '#e1ebf7', color: '#1a2330' },
	'.cm-tooltip': { maxWidth: '32rem', fontSize: '0.85rem' },
	'.cm-tooltip-lint, .cm-diagnostic': { color: '#1a2330' },
	'.cm-panels': { color: '#1a2330' },
	'.cm-schema-hover': { padding: '0.35rem 0.5rem', display: 'grid', gap: '0.2rem' },
	'.cm-schema-kind': { color: '#4d5866', fontStyle: 'italic' },
	'.cm-diagnosticText': { whiteSpace: 'pre-wrap' },
	// The app's own form styles (labels as grids, full-width fields) must not reach the search panel's.
	'.cm-panel.cm-search': { paddingRight: '2rem' },
	'.cm-panel.cm-search label': { display: 'inline-flex', alignItems: 'center', gap: '0.25rem', fontSize: '0.85rem', margin: '0 0.4rem' },
	'.cm-panel.cm-search input[type=checkbox]': { margin: '0', padding: '0' },
	'.cm-panel.cm-search .cm-button, .cm-panel.cm-search .cm-textfield': { margin: '0', fontSize: '0.85rem', color: '#1a2330' },
	'.cm-panel.cm-search [name=close]': { color: '#1a2330', background: 'transparent', border: 'none', fontSize: '1.2rem', padding: '0 0.3rem' }
});

/** The schema's description of a key on hover and what it takes, as plain text (never as HTML). */
function formatHover({ message, typeInfo }: { message: string | null; typeInfo: string }): HTMLElement {
	const box = document.createElement('div');
	box.className = 'cm-schema-hover';
	if (message) box.append(Object.assign(document.createElement('div'), { textContent: message }));
	if (typeInfo) box.append(Object.assign(document.createElement('div'), { className: 'cm-schema-kind', textContent: typeInfo }));
	return box;
}

const EXTERNAL = 'external';

export class YamlEditor {
	readonly view: EditorView;
	#readonly = new Compartment();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#onText: (text: string) => void;

	constructor(options: YamlEditorOptions) {
		this.#onText = options.onText;
		const extensions: Extension[] = [
			lineNumbers(),
			highlightActiveLineGutter(),
			highlightSpecialChars(),
			history(),
			foldGutter(),
			drawSelection(),
			dropCursor(),
			EditorState.allowMultipleSelections.of(true),
			indentOnInput(),
			syntaxHighlighting(highlight),
			bracketMatching(),
			autocompletion(),
			rectangularSelection(),
			crosshairCursor(),
			highlightActiveLine(),
			highlightSelectionMatches(),
			lintGutter(),
			// Ctrl-S saves (the studio's key): the pending text reaches the draft first, and the key goes on to the studio.
			keymap.of([{ key: 'Mod-s', run: () => (this.flush(), false) }]),
			// Leaving the editor (for a button such as Save) hands the text over before the click acts.
			EditorView.domEventHandlers({ blur: () => (this.flush(), false) }),
			keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
			EditorState.phrases.of(phrases()),
			EditorState.tabSize.of(2),
			// Long texts wrap rather than scroll sideways (a phone, the narrow view beside the problems).
			EditorView.lineWrapping,
			yaml(),
			yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
			hoverTooltip(yamlSchemaHover({ getHoverTexts: (data) => schemaHoverTexts(data.schema as SchemaPart), formatHover })),
			stateExtensions(scenarioSchema as unknown as Parameters<typeof stateExtensions>[0]),
			this.#readonly.of(this.#readonlyExtensions(options.readonly)),
			EditorView.contentAttributes.of({
				// Focusable by the keyboard in any mode (and seen as such by accessibility checks of its scrolling box).
				tabindex: '0',
				'aria-label': options.label,
				...(options.describedBy ? { 'aria-describedby': options.describedBy } : {})
			}),
			theme,
			EditorView.updateListener.of((update) => {
				if (update.docChanged && !update.transactions.every((tr) => tr.isUserEvent(EXTERNAL))) this.#schedule();
			})
		];
		this.view = new EditorView({ parent: options.parent, state: EditorState.create({ doc: options.text, extensions }) });
	}

	get focused(): boolean {
		return this.view.hasFocus;
	}

	/** The editor's text now (it may hold edits the draft has not taken yet). */
	text(): string {
		return this.view.state.doc.toString();
	}

	/** Edits not yet handed to the draft. */
	get pending(): boolean {
		return this.#timer !== null;
	}

	/**
	 * Shows `text` that changed elsewhere (a form, undo): only the changed middle is replaced, outside the editor's
	 * own undo history, and the cursor stays on its line.
	 */
	replace(text: string): void {
		const { state } = this.view;
		const old = state.doc.toString();
		if (old === text) return;
		let start = 0;
		const shortest = Math.min(old.length, text.length);
		while (start < shortest && old.charCodeAt(start) === text.charCodeAt(start)) start++;
		let end = 0;
		while (end < shortest - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
		const head = state.selection.main.head;
		const line = state.doc.lineAt(head);
		const column = head - line.from;
		const changes = { from: start, to: old.length - end, insert: text.slice(start, text.length - end) };
		const next = state.update({ changes }).state.doc;
		const keptLine = next.line(Math.min(line.number, next.lines));
		this.view.dispatch({
			changes,
			selection: EditorSelection.cursor(keptLine.from + Math.min(column, keptLine.length)),
			annotations: [Transaction.addToHistory.of(false), Transaction.userEvent.of(EXTERNAL)]
		});
	}

	setReadonly(readonly: boolean): void {
		this.view.dispatch({ effects: this.#readonly.reconfigure(this.#readonlyExtensions(readonly)) });
	}

	/** The draft's problems as marks (ranges are clamped to the text). */
	setProblems(problems: readonly EditorProblem[]): void {
		const length = this.view.state.doc.length;
		const diagnostics: Diagnostic[] = problems.map((p) => {
			const from = Math.max(0, Math.min(p.from, length));
			return { from, to: Math.max(from, Math.min(p.to, length)), severity: 'error', message: p.message };
		});
		this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
	}

	/** Puts the cursor at `offset`, scrolled to the middle, and focuses the editor. */
	goTo(offset: number): void {
		const at = Math.max(0, Math.min(offset, this.view.state.doc.length));
		this.view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
		this.view.focus();
	}

	/** Moves the cursor to the next problem after it (wrapping), as F8 does. */
	nextProblem(): void {
		this.view.focus();
		nextDiagnostic(this.view);
	}

	/** Hands pending edits to the draft now. */
	flush(): void {
		if (this.#timer === null) return;
		clearTimeout(this.#timer);
		this.#timer = null;
		this.#onText(this.text());
	}

	destroy(): void {
		this.flush();
		this.view.destroy();
	}

	#schedule() {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.#onText(this.text());
		}, TEXT_DELAY_MS);
	}

	#readonlyExtensions(readonly: boolean): Extension {
		return readonly ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-readonly': 'true' })] : [];
	}
}
