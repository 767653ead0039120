/**
 * An MSEL CSV back into a scenario skeleton that still needs completing in
 * YAML (pure: no file access), with a warning for everything that could not
 * be carried over.
 *
 * What does not survive the trip: decisions (shown as text, never parsed back),
 * `reveals`, `shareWith`, entities, team details and objective capabilities (unless known
 * teams and objectives are passed in), and the top-level fields (placeholders).
 */
import Papa from 'papaparse';
import type { Objective, ScenarioInput, Team } from '../scenario/schema';
import { CHANNELS, type ScenarioLanguage } from '../scenario/vocabulary';
import { listItems, MSEL_COLUMNS, normaliseChannel, parseExerciseMinutes, translatedColumnOf, unescapeFormula, type MselColumn } from './msel-cells';

/** Columns an imported CSV must have (the rest may be missing). */
export const REQUIRED_MSEL_COLUMNS: readonly MselColumn[] = ['Time (hh:mm)', 'From', 'To', 'Channel', 'Inject'];

/** MSEL columns the scenario format has no field for yet (Contingency: a trigger, exported as words only): reported on import. */
const UNSTORED_COLUMNS: readonly MselColumn[] = ['Move / phase', 'Responsible controller', 'Contingency'];

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A scenario id from free text: lower-case ASCII letters, digits and dashes, at most 64 characters. */
export function slugify(text: string, fallback: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+/, '')
		.slice(0, 64)
		.replace(/-+$/, '');
	return slug || fallback;
}

/** `wanted`, or `wanted-2`, `wanted-3`… : the first that is not taken (kept within 64 characters), added to `taken`. */
export function uniqueId(wanted: string, taken: Set<string>): string {
	let candidate = wanted;
	for (let n = 2; taken.has(candidate); n++) {
		const suffix = `-${n}`;
		candidate = `${wanted.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
	}
	taken.add(candidate);
	return candidate;
}

export interface MselImportBase {
	id: string;
	title: string;
	/** Teams already defined (for example from the scenario the MSEL was exported from): matched by name or id and kept as they are. */
	teams?: readonly Team[];
	/** Objectives already defined: matched by name or id and kept as they are. */
	objectives?: readonly Objective[];
}

export interface MselImportResult {
	scenario: ScenarioInput;
	warnings: string[];
}

const headerKey = (h: string) =>
	h
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/\s+/g, ' ');
const HEADER_ALIASES: Record<string, MselColumn> = {
	...Object.fromEntries(MSEL_COLUMNS.map((c) => [headerKey(c), c])),
	'event no': 'Event No.',
	'event number': 'Event No.',
	time: 'Time (hh:mm)',
	'time (hh:mm:ss)': 'Time (hh:mm)'
};

/**
 * The delimiter of the header row: a comma, or the semicolon or tab some
 * spreadsheet programs write. Decided on the header alone, because cells such
 * as "To" contain semicolons themselves.
 */
function headerDelimiter(text: string): string {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const count = (d: string) => firstLine.split(d).length - 1;
	return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Resolves names or ids against known items, creating (and reporting) unknown ones. */
class Registry<T extends { id: string; name: string }> {
	readonly items: T[];
	private byKey = new Map<string, T>();
	private taken = new Set<string>();

	constructor(
		known: readonly T[],
		private readonly create: (id: string, name: string) => T,
		private readonly what: string,
		private readonly warn: (message: string) => void
	) {
		this.items = known.map((item) => ({ ...item }));
		for (const item of this.items) this.taken.add(item.id);
		// Names first, then ids, so a name can never be shadowed by another item's id.
		for (const item of this.items) this.remember(item.name, item);
		for (const item of this.items) this.remember(item.id, item);
	}

	private remember(key: string, item: T) {
		const k = key.trim().toLowerCase();
		if (!this.byKey.has(k)) this.byKey.set(k, item);
	}

	resolve(text: string, where: string): string {
		const found = this.byKey.get(text.trim().toLowerCase());
		if (found) return found.id;
		const id = uniqueId(slugify(text, this.what), this.taken);
		const item = this.create(id, text.trim());
		this.items.push(item);
		this.remember(text, item);
		this.warn(`${where}: unknown ${this.what} "${text.trim()}" — created ${this.what} "${id}"; complete its details in the YAML`);
		return id;
	}
}

/**
 * An MSEL CSV → a scenario skeleton plus warnings about everything that could
 * not be carried over. Throws an Error naming the missing column(s) when a
 * required column is absent.
 */
export function csvToScenarioSkeleton(csv: string, base: MselImportBase): MselImportResult {
	const warnings: string[] = [];
	const warn = (message: string) => warnings.push(message);
	const text = csv.replace(/^\uFEFF/, '');
	const parsed = Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter: headerDelimiter(text),
		skipEmptyLines: 'greedy',
		transformHeader: (h) => {
			// "title [FR]" → "Title [fr]": a translated column, named like its original.
			const translated = /^(.+?)\s*\[([A-Za-z-]{2,8})\]$/.exec(h.trim());
			if (translated) return `${HEADER_ALIASES[headerKey(translated[1]!)] ?? translated[1]!.trim()} [${translated[2]!.toLowerCase()}]`;
			return HEADER_ALIASES[headerKey(h)] ?? h.trim();
		}
	});
	const headers = parsed.meta.fields ?? [];
	const missing = REQUIRED_MSEL_COLUMNS.filter((c) => !headers.includes(c));
	if (missing.length > 0)
		throw new Error(
			`The CSV is missing required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} (the header row must name: ${MSEL_COLUMNS.join(', ')})`
		);
	const translatedHeaders = headers.flatMap((h) => {
		const t = translatedColumnOf(h);
		return t && !('unknown' in t) ? [{ header: h, ...t }] : [];
	});
	const extra = headers.filter(
		(h) => !(MSEL_COLUMNS as readonly string[]).includes(h) && h !== '__parsed_extra' && !translatedHeaders.some((t) => t.header === h)
	);
	if (extra.length > 0) warn(`Ignored unknown column${extra.length > 1 ? 's' : ''} ${extra.map((h) => `"${h}"`).join(', ')}`);
	for (const e of parsed.errors) warn(`${e.row !== undefined ? `spreadsheet row ${e.row + 2}: ` : ''}CSV ${e.code}: ${e.message}`);

	const teams = new Registry<Team>(base.teams ?? [], (id, name) => ({ id, name: name.slice(0, 80), agency: name.slice(0, 120), state: 'TBD' }), 'team', warn);
	const objectives = new Registry<Objective>(base.objectives ?? [], (id, name) => ({ id, name: name.slice(0, 120), capability: 'TBD' }), 'objective', warn);

	const injectIds = new Set<string>();
	const decisionRows: string[] = [];
	const unstored = new Map<MselColumn, number>();
	const injects: ScenarioInput['injects'] = parsed.data.map((record, index) => {
		const where = `spreadsheet row ${index + 2}`;
		const cell = (column: MselColumn) => unescapeFormula((record[column] ?? '').replace(/\r\n?/g, '\n')).trim();

		const body = cell('Inject');
		if (!body) warn(`${where}: the "Inject" text is empty`);
		const title = cell('Title') || body.slice(0, 60).trim();
		if (!cell('Title') && title) warn(`${where}: no title — used the start of the inject text`);

		const wantedId = cell('Inject id');
		let id: string;
		if (wantedId && ID_PATTERN.test(wantedId) && !injectIds.has(wantedId)) {
			id = wantedId;
			injectIds.add(id);
		} else {
			id = uniqueId(slugify(wantedId || title, 'inject'), injectIds);
			if (wantedId) warn(`${where}: inject id "${wantedId}" is ${ID_PATTERN.test(wantedId) ? 'a duplicate' : 'not a valid id'} — used "${id}"`);
		}

		const numberText = cell('Event No.');
		let number: number | undefined;
		if (numberText) {
			const n = Number(numberText);
			if (Number.isInteger(n) && n > 0) number = n;
			else warn(`${where}: Event No. "${numberText}" is not a positive whole number — left out`);
		}

		const timeText = cell('Time (hh:mm)');
		let at = parseExerciseMinutes(timeText);
		if (at === null && !timeText && cell('Contingency')) {
			// A triggered inject: its condition travels as words only.
			warn(`${where}: no time — a triggered inject ("${cell('Contingency').slice(0, 120)}"); set to 0: re-add its trigger in YAML`);
			at = 0;
		} else if (at === null) {
			warn(`${where}: cannot read the time "${timeText}" (use hh:mm or minutes) — set to 0`);
			at = 0;
		}

		const from = cell('From');
		if (!from) warn(`${where}: "From" is empty`);

		const to = listItems(cell('To')).map((t) => teams.resolve(t, where));
		if (to.length === 0) warn(`${where}: "To" names no team`);

		const channelText = cell('Channel');
		let channel = normaliseChannel(channelText);
		if (!channel) {
			warn(`${where}: unknown channel "${channelText}" — set to email (one of: ${CHANNELS.join(', ')})`);
			channel = 'email';
		}

		const injectObjectives = [...new Set(listItems(cell('Objectives')).map((o) => objectives.resolve(o, where)))];

		if (cell('Inject type').toLowerCase() === 'decision' || cell('Decision')) decisionRows.push(id);
		for (const column of UNSTORED_COLUMNS) if (cell(column)) unstored.set(column, (unstored.get(column) ?? 0) + 1);

		const expectedAction = cell('Expected action');
		const controllerNote = cell('Controller note');
		// "Title [fr]", "Inject [fr]", …: this row's texts in other languages ("Decision [fr]" is for reading only).
		const FIELD = { From: 'from', Title: 'title', Inject: 'body', 'Expected action': 'expectedAction', 'Controller note': 'controllerNote' } as const;
		const translations: Partial<Record<ScenarioLanguage, Partial<Record<(typeof FIELD)[keyof typeof FIELD], string>>>> = {};
		for (const { header, column, language } of translatedHeaders) {
			const value = unescapeFormula((record[header] ?? '').replace(/\r\n?/g, '\n')).trim();
			if (!value || column === 'Decision') continue;
			(translations[language] ??= {})[FIELD[column]] = value;
		}
		return {
			id,
			...(number !== undefined ? { number } : {}),
			at,
			from,
			to: [...new Set(to)],
			channel,
			title,
			body,
			...(expectedAction ? { expectedAction } : {}),
			objectives: injectObjectives,
			...(controllerNote ? { controllerNote } : {}),
			...(Object.keys(translations).length > 0 ? { translations } : {})
		};
	});

	if (injects.length === 0) warn('The CSV has no inject rows');
	if (decisionRows.length > 0)
		warn(
			`Decisions are not imported from CSV: re-add them in the YAML (prompt, timings, options and scores) for ${decisionRows.length} inject${decisionRows.length > 1 ? 's' : ''}: ${decisionRows.join(', ')}`
		);
	for (const [column, count] of unstored)
		warn(`Column "${column}" has text in ${count} row${count > 1 ? 's' : ''}, but scenarios have no field for it yet — not imported`);

	const latest = injects.reduce((max, i) => Math.max(max, i.at ?? 0), 0);
	const scenario: ScenarioInput = {
		id: base.id,
		title: base.title,
		summary: 'Imported from MSEL CSV — complete before use',
		kind: 'maritime-trafficking',
		durationMinutes: Math.min(24 * 60, Math.max(5, Math.ceil((latest + 30) / 5) * 5)),
		map: { center: [-61.5, 13.0], zoom: 6 },
		teams: teams.items,
		objectives: objectives.items,
		entities: [],
		injects
	};
	return { scenario, warnings };
}
