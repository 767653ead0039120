/**
 * A planner's own MSEL spreadsheet → a new scenario's data (pure: no file access, no DOM). The sheet arrives as rows
 * of text cells (`Sheet`, read from .xlsx or .csv at the browser edge); the planner says which row holds the headers
 * and what each column is (`ColumnMapping`, guessed from the headers in any of the interface's five languages and
 * the usual MSEL headings); each row is read into an inject with the problems found in it (`mapRows`); the team and
 * objective names the sheet uses are confirmed one by one as new or as another name's (`NameChoices`); then
 * `sheetScenario` builds the raw scenario data for a new draft. The column convention, decisions included, is in
 * `scenarios/MSEL-COLUMNS.md`.
 */
import { SCENARIO_LANGUAGES, type Channel, type ScenarioLanguage } from '../scenario/vocabulary';
import { DEFAULT_MAP } from '../studio/blank-scenario';
import { listItems, normaliseChannel, parseExerciseMinutes, translatedColumnOf, unescapeFormula, type TranslatedMselColumn } from './msel-cells';
import { slugify, uniqueId } from './msel-import';

/** One sheet of a workbook (or a CSV file): its rows of cells as text, top to bottom. */
export interface Sheet {
	name: string;
	rows: string[][];
}

export const MAX_OPTIONS = 8;
export const OPTION_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type OptionNumber = (typeof OPTION_NUMBERS)[number];
export const OPTION_PARTS = ['label', 'scores', 'feedback'] as const;
export type OptionPart = (typeof OPTION_PARTS)[number];
/** Inject texts a column may carry in another language ("Title [fr]"). */
export const TRANSLATED_FIELDS = ['from', 'title', 'body', 'expectedAction', 'controllerNote'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

export const INJECT_FIELDS = [
	'number',
	'time',
	'trigger',
	'teams',
	'channel',
	'from',
	'title',
	'body',
	'expectedAction',
	'objectives',
	'controllerNote',
	'injectId'
] as const;
export const DECISION_FIELDS = ['decision', 'decisionExpected', 'decisionDeadline'] as const;
export type InjectField = (typeof INJECT_FIELDS)[number];
export type DecisionField = (typeof DECISION_FIELDS)[number];

/** What a column holds: an inject field, a decision field, one part of an option, or an inject text in another language. */
export type SheetField = InjectField | DecisionField | `option:${OptionNumber}:${OptionPart}` | `tr:${ScenarioLanguage}:${TranslatedField}`;

/** Per column of the sheet (by index), the field it holds, or null when it is not imported. */
export type ColumnMapping = readonly (SheetField | null)[];

export const optionField = (n: OptionNumber, part: OptionPart): SheetField => `option:${n}:${part}`;
export const translationField = (language: ScenarioLanguage, field: TranslatedField): SheetField => `tr:${language}:${field}`;

/** Every field a column can be mapped to, in the order a planner reads them. */
export const SHEET_FIELDS: readonly SheetField[] = [
	...INJECT_FIELDS,
	...DECISION_FIELDS,
	...OPTION_NUMBERS.flatMap((n) => OPTION_PARTS.map((part) => optionField(n, part))),
	...SCENARIO_LANGUAGES.flatMap((language) => TRANSLATED_FIELDS.map((field) => translationField(language, field)))
];
const FIELD_SET = new Set<string>(SHEET_FIELDS);
export const isSheetField = (value: unknown): value is SheetField => typeof value === 'string' && FIELD_SET.has(value);

/** The parts of an option or translation field; null for the others. */
export function optionOf(field: SheetField): { n: OptionNumber; part: OptionPart } | null {
	const match = /^option:([1-8]):(label|scores|feedback)$/.exec(field);
	return match ? { n: Number(match[1]) as OptionNumber, part: match[2] as OptionPart } : null;
}
export function translationOf(field: SheetField): { language: ScenarioLanguage; field: TranslatedField } | null {
	const match = /^tr:([a-z]{2}):([a-zA-Z]+)$/.exec(field);
	return match ? { language: match[1] as ScenarioLanguage, field: match[2] as TranslatedField } : null;
}

// ————————————————————————————————————————— guessing from the headers

/** A header as compared: lower case, no accents, words of letters, digits and "#" separated by one space. */
export function normaliseHeader(header: string): string {
	return header
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9#]+/g, ' ')
		.trim();
}

/** Headings planners write for each field, in English, Spanish, French, Dutch and Haitian Creole (compared normalised). */
const HEADINGS: Record<InjectField | DecisionField, string[]> = {
	number: [
		'event no',
		'event number',
		'event #',
		'inject no',
		'inject number',
		'inject #',
		'msel no',
		'msel #',
		'no',
		'nr',
		'#',
		'serial',
		'serial no',
		'seq',
		'sequence',
		'ref',
		'numero',
		'n',
		'no de evento',
		'numero de evento',
		'numero de inyeccion',
		'num',
		'numero d evenement',
		'numero d inject',
		'no d evenement',
		'nummer',
		'volgnummer',
		'inject nr',
		'nimewo'
	],
	time: [
		'time',
		'time hh mm',
		'time hh mm ss',
		'scenario time',
		'exercise time',
		'clock time',
		'inject time',
		'delivery time',
		'release time',
		'designated scenario time',
		'h hour',
		'h',
		't',
		'minute',
		'minutes',
		'min',
		'timing',
		'when',
		'hora',
		'tiempo',
		'minuto',
		'hora del ejercicio',
		'heure',
		'temps',
		'horaire',
		'heure d exercice',
		'tijd',
		'tijdstip',
		'minuut',
		'uur',
		'le',
		'tan',
		'minit'
	],
	trigger: [
		'released by',
		'trigger',
		'triggered by',
		'release after',
		'depends on',
		'condition',
		'activado por',
		'liberado por',
		'disparador',
		'condicion',
		'declencheur',
		'declenche par',
		'libere par',
		'uitgelokt door',
		'vrijgegeven door',
		'voorwaarde',
		'deklanche pa',
		'kondisyon'
	],
	teams: [
		'to',
		'recipient',
		'recipients',
		'team',
		'teams',
		'player',
		'players',
		'addressee',
		'addressees',
		'audience',
		'receiving agency',
		'recipient player',
		'recipient players',
		'agency',
		'participant',
		'participants',
		'para',
		'destinatario',
		'destinatarios',
		'equipo',
		'equipos',
		'a',
		'destinataire',
		'destinataires',
		'equipe',
		'equipes',
		'aan',
		'ontvanger',
		'ontvangers',
		'pou',
		'ekip',
		'destinate'
	],
	channel: [
		'channel',
		'method',
		'means',
		'delivery method',
		'delivery',
		'mode',
		'medium',
		'inject mode',
		'inject method',
		'via',
		'canal',
		'medio',
		'metodo',
		'moyen',
		'methode',
		'mode de transmission',
		'kanaal',
		'middel',
		'kanal',
		'mwayen'
	],
	from: [
		'from',
		'sender',
		'source',
		'originator',
		'simulated sender',
		'de',
		'remitente',
		'origen',
		'emisor',
		'expediteur',
		'emetteur',
		'van',
		'afzender',
		'bron',
		'soti nan',
		'moun ki voye'
	],
	title: [
		'title',
		'event',
		'subject',
		'heading',
		'inject title',
		'event title',
		'short title',
		'titulo',
		'asunto',
		'titre',
		'objet',
		'intitule',
		'titel',
		'onderwerp',
		'tit'
	],
	body: [
		'inject',
		'injection',
		'inject text',
		'message',
		'description',
		'event description',
		'event synopsis',
		'synopsis',
		'content',
		'text',
		'details',
		'narrative',
		'inyeccion',
		'mensaje',
		'descripcion',
		'contenido',
		'texto',
		'contenu',
		'texte',
		'bericht',
		'inhoud',
		'beschrijving',
		'tekst',
		'mesaj',
		'teks',
		'deskripsyon'
	],
	expectedAction: [
		'expected action',
		'expected actions',
		'expected player action',
		'expected player actions',
		'expected player response',
		'expected response',
		'expected outcome',
		'accion esperada',
		'acciones esperadas',
		'respuesta esperada',
		'action attendue',
		'actions attendues',
		'reponse attendue',
		'verwachte actie',
		'verwachte acties',
		'verwachte reactie',
		'aksyon ki atann',
		'aksyon yo atann'
	],
	objectives: [
		'objective',
		'objectives',
		'core capability',
		'core capabilities',
		'capability',
		'capabilities',
		'exercise objective',
		'exercise objectives',
		'objetivo',
		'objetivos',
		'capacidad',
		'objectif',
		'objectifs',
		'capacite',
		'doel',
		'doelen',
		'doelstelling',
		'doelstellingen',
		'objektif'
	],
	controllerNote: [
		'controller note',
		'controller notes',
		'note',
		'notes',
		'remarks',
		'controller remarks',
		'notes for controllers',
		'comments',
		'nota del controlador',
		'notas',
		'observaciones',
		'note du controleur',
		'remarques',
		'notitie voor de leiding',
		'opmerkingen',
		'notities',
		'not',
		'remak'
	],
	injectId: ['inject id', 'id'],
	decision: [
		'decision',
		'decision prompt',
		'decision point',
		'decision question',
		'question',
		'pregunta',
		'beslissing',
		'besluit',
		'vraag',
		'desizyon',
		'kesyon'
	],
	decisionExpected: [
		'expected within',
		'decision expected',
		'decision expected within',
		'esperada en',
		'esperado en',
		'attendue sous',
		'attendu sous',
		'verwacht binnen',
		'atann nan'
	],
	decisionDeadline: [
		'decision deadline',
		'deadline',
		'plazo',
		'plazo de decision',
		'delai',
		'echeance',
		'delai de decision',
		'termijn',
		'beslistermijn',
		'dat limit',
		'dele'
	]
};

const HEADING_FIELD = new Map<string, InjectField | DecisionField>();
for (const [field, headings] of Object.entries(HEADINGS) as [InjectField | DecisionField, string[]][])
	for (const heading of headings) if (!HEADING_FIELD.has(heading)) HEADING_FIELD.set(heading, field);

const OPTION_WORDS = 'option|options|choice|answer|alternative|opcion|respuesta|choix|reponse|optie|keuze|antwoord|opsyon|chwa|repons';
const SCORE_WORDS = new Set(['scores', 'score', 'points', 'point', 'pts', 'puntos', 'puntuacion', 'puntaje', 'punten', 'pwen']);
const FEEDBACK_WORDS = new Set(['feedback', 'retroalimentacion', 'comentario', 'retour', 'commentaire', 'terugkoppeling', 'fidbak']);
const OPTION_HEADER = new RegExp(`^(?:${OPTION_WORDS})(?:\\s*([1-8])|\\s([a-h]))(?:\\s+(.+))?$`);
/** Words a heading may add after its field ("Time (hh:mm)", "Deadline in minutes"). */
const UNIT_WORDS = /\s+(?:hh mm(?: ss)?|min|mins|minutes|minutos|minuten|minit|in minutes|en minutos|en minutes|in minuten|an minit)$/;

const TRANSLATED_COLUMN_FIELD: Record<TranslatedMselColumn, TranslatedField | null> = {
	From: 'from',
	Title: 'title',
	Inject: 'body',
	'Expected action': 'expectedAction',
	'Controller note': 'controllerNote',
	Decision: null
};

/** Which option number a letter (A–H) or digit (1–8) names. */
const optionNumberOf = (token: string): OptionNumber | null => {
	const t = token.toLowerCase();
	if (/^[a-h]$/.test(t)) return (t.charCodeAt(0) - 96) as OptionNumber;
	if (/^[1-8]$/.test(t)) return Number(t) as OptionNumber;
	return null;
};

/** The field a header most likely names, or null when it names none we know. */
export function guessField(header: string): SheetField | null {
	const translated = translatedColumnOf(header);
	if (translated && !('unknown' in translated)) {
		const field = TRANSLATED_COLUMN_FIELD[translated.column];
		return field ? translationField(translated.language, field) : null;
	}
	const key = normaliseHeader(header);
	if (!key) return null;
	const option = OPTION_HEADER.exec(key);
	if (option) {
		const n = optionNumberOf(option[1] ?? option[2]!)!;
		const rest = (option[3] ?? '').replace(UNIT_WORDS, '');
		if (!rest || rest === 'label' || rest === 'text') return optionField(n, 'label');
		if (SCORE_WORDS.has(rest)) return optionField(n, 'scores');
		if (FEEDBACK_WORDS.has(rest)) return optionField(n, 'feedback');
		return null;
	}
	const bare = normaliseHeader(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
	const singular = (s: string) =>
		s
			.split(' ')
			.map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
			.join(' ');
	for (const candidate of [key, bare, key.replace(UNIT_WORDS, ''), bare.replace(UNIT_WORDS, ''), singular(bare)]) {
		const field = HEADING_FIELD.get(candidate) ?? HEADING_FIELD.get(singular(candidate));
		if (field) return field;
	}
	return null;
}

/**
 * A guess per column. A field is given to the first column that names it; a decision prompt only when some option
 * label is mapped too (our own MSEL export's "Decision" column is a text for reading, with no option columns).
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
	const taken = new Set<SheetField>();
	const mapping = headers.map((header) => {
		const field = guessField(header);
		if (!field || taken.has(field)) return null;
		taken.add(field);
		return field;
	});
	const hasOptions = mapping.some((f) => f && optionOf(f)?.part === 'label');
	return hasOptions ? mapping : mapping.map((f) => (f && (DECISION_FIELDS as readonly string[]).includes(f) ? null : f));
}

/** Sets `field` on column `column`, taking it away from any other column (a field comes from one column). */
export function withField(mapping: ColumnMapping, column: number, field: SheetField | null): ColumnMapping {
	return mapping.map((f, i) => (i === column ? field : field !== null && f === field ? null : f));
}

/** How many rows from the top may be a title block above the header row. */
const HEADER_SEARCH_ROWS = 15;

/** The header row (0-based index): of the first rows, the one whose cells name the most known fields; else the first non-empty row. */
export function guessHeaderRow(rows: readonly (readonly string[])[]): number {
	let best = -1;
	let bestScore = 0;
	rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
		const score = new Set(row.map(guessField).filter(Boolean)).size;
		if (score > bestScore) {
			best = i;
			bestScore = score;
		}
	});
	if (best >= 0 && bestScore >= 2) return best;
	const firstFilled = rows.findIndex((row) => row.some((c) => c.trim() !== ''));
	return Math.max(0, firstFilled);
}

/** The sheet that looks most like an MSEL: the one whose header row names the most known fields (the first on a tie). */
export function guessSheet(sheets: readonly Sheet[]): number {
	let best = 0;
	let bestScore = -1;
	sheets.forEach((sheet, i) => {
		const header = sheet.rows[guessHeaderRow(sheet.rows)] ?? [];
		const score = new Set(header.map(guessField).filter(Boolean)).size;
		if (score > bestScore) {
			best = i;
			bestScore = score;
		}
	});
	return best;
}

/** A short stable key for a set of headers (FNV-1a over the normalised headers): where a remembered mapping is kept. */
export function headerSetKey(headers: readonly string[]): string {
	let hash = 0x811c9dc5;
	const text = headers.map(normaliseHeader).join('\u241f');
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

/** A remembered mapping read back (from storage): only when it fits these headers and names known fields. */
export function rememberedMapping(value: unknown, headers: readonly string[]): ColumnMapping | null {
	if (!Array.isArray(value) || value.length !== headers.length) return null;
	if (!value.every((f) => f === null || isSheetField(f))) return null;
	const fields = value.filter((f): f is SheetField => f !== null);
	return new Set(fields).size === fields.length ? (value as ColumnMapping) : null;
}

// ————————————————————————————————————————— reading the rows

export type RowProblemCode =
	| 'missing'
	| 'title-from-body'
	| 'bad-time'
	| 'before-start'
	| 'bad-number'
	| 'duplicate-number'
	| 'unknown-channel'
	| 'time-and-trigger'
	| 'bad-trigger'
	| 'unknown-event'
	| 'not-a-decision'
	| 'unknown-option'
	| 'self-trigger'
	| 'trigger-excluded'
	| 'options-without-prompt'
	| 'few-options'
	| 'option-without-label'
	| 'bad-scores'
	| 'score-range'
	| 'score-needs-objective'
	| 'bad-minutes'
	| 'default-deadline'
	| 'deadline-before-expected'
	| 'unconfirmed-team'
	| 'unconfirmed-objective';

/** One thing wrong with a row: `error` leaves a problem in the draft (or blocks the import), `warning` was settled by the importer as it says. */
export interface RowProblem {
	code: RowProblemCode;
	severity: 'error' | 'warning';
	/** The field the problem is in. */
	field?: SheetField;
	params: Record<string, string | number>;
}

/** What releases a row's inject, as the sheet wrote it: a decision's answer (any, or one option) or its deadline passing. */
export type SheetTrigger = { kind: 'decision'; event: number; option: string | null } | { kind: 'missed'; event: number };

export interface SheetOption {
	n: OptionNumber;
	label: string;
	scores: { objective: string; points: number }[];
	feedback: string;
}

/** One row of the sheet read through the mapping (names of teams and objectives as the sheet writes them). */
export interface MappedRow {
	/** The row's number in the spreadsheet (1-based, as the spreadsheet program shows it). */
	row: number;
	number: number | null;
	at: number | null;
	trigger: SheetTrigger | null;
	/** The trigger resolved against the other rows: the row it watches and, for an option, which one. */
	watches: { row: number; option: OptionNumber | null } | null;
	teams: string[];
	objectives: string[];
	channel: Channel | null;
	from: string;
	title: string;
	body: string;
	expectedAction: string;
	controllerNote: string;
	injectId: string;
	decision: { prompt: string; expectedWithinMinutes: number; deadlineMinutes: number; options: SheetOption[] } | null;
	translations: Partial<Record<ScenarioLanguage, Partial<Record<TranslatedField, string>>>>;
	/** Problems of the row itself (the ones that depend on the planner's choices come from `checkRows`). */
	problems: RowProblem[];
}

export interface MapOptions {
	/** The sheet time the exercise starts at (clock times in the sheet): subtracted from every time. 0 by default. */
	startAt?: number;
}

/** Minutes of exercise time from a sheet cell: hh:mm, hh:mm:ss, plain minutes, "H+30", "T+0:30", "1h30", "90 min". */
export function sheetMinutes(text: string): number | null {
	const t = text
		.trim()
		.replace(/^[hHtT]\s*\+\s*/, '+')
		.replace(/\s*(?:min|mins|minutes|minutos|minuten|minit|m|')$/i, '')
		.trim();
	if (!t) return null;
	const dated = /^\d{4}-\d{2}-\d{2}[ T](\d{1,2}):(\d{2})/.exec(t);
	if (dated) return Number(dated[1]) * 60 + Number(dated[2]);
	const hours = /^(\d{1,2})\s*h\s*(\d{1,2})?$/i.exec(t);
	if (hours) return Number(hours[1]) * 60 + Number(hours[2] ?? 0);
	return parseExerciseMinutes(t);
}

/** Words for "the decision was not answered in time" in a trigger cell ("missed 5"). */
const MISSED_WORDS =
	'missed|no answer|expired|unanswered|sin respuesta|vencida|vencido|perdida|manque|sans reponse|expire|gemist|verlopen|geen antwoord|rate|pa gen repons|pa reponn';
const MISSED_TRIGGER = new RegExp(`^(?:(?:${MISSED_WORDS})\\s*(?:#|no|nr|n)?\\s*(\\d+)|(\\d+)\\s*(?:${MISSED_WORDS}))$`);
const EVENT_WORDS = 'event|inject|evento|inyeccion|inyección|evenement|événement|evenman|gebeurtenis|no|nr|n°|nº';
const OPTION_TRIGGER = new RegExp(`^(?:(?:${EVENT_WORDS})\\.?\\s*)?#?(\\d+)(?:\\s*(?:[:/=>]|\\s)\\s*(?:(?:${OPTION_WORDS}|opción|réponse)\\s*)?(.+))?$`, 'i');

/** A trigger cell → what it says: "5" (any answer to event 5's decision), "5 A" / "5: Option B" / "5 = Board" (that option), "missed 5". */
export function parseSheetTrigger(text: string): SheetTrigger | null | 'unreadable' {
	const raw = text.trim();
	if (!raw) return null;
	const key = raw
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ');
	const missed = MISSED_TRIGGER.exec(key);
	if (missed) return { kind: 'missed', event: Number(missed[1] ?? missed[2]) };
	const chosen = OPTION_TRIGGER.exec(raw.replace(/\s+/g, ' '));
	if (chosen) return { kind: 'decision', event: Number(chosen[1]), option: chosen[2]?.trim() || null };
	return 'unreadable';
}

/** Items of a scores cell: "; ", new lines, or a comma before the next name (a comma between digits is a decimal comma). */
const scoreItems = (cell: string) =>
	cell
		.split(/[;\n]|,(?=\s*[^\d\s])/)
		.map((s) => s.trim())
		.filter(Boolean);

/**
 * An option's scores cell → points per objective name: "Detect and share: 5; Lawful interdiction: -2", or one bare
 * number when the row has exactly one objective. Null with the reason when it cannot be read.
 */
export function parseScores(
	cell: string,
	rowObjectives: readonly string[]
): { ok: true; scores: { objective: string; points: number }[] } | { ok: false; code: 'bad-scores' | 'score-needs-objective' } {
	const text = cell.trim();
	if (!text) return { ok: true, scores: [] };
	const number = (s: string) => Number(s.replace(/\s+/g, '').replace('−', '-').replace(',', '.'));
	if (/^[+\-−]?\s*\d+(?:[.,]\d+)?$/.test(text)) {
		if (rowObjectives.length !== 1) return { ok: false, code: 'score-needs-objective' };
		return { ok: true, scores: [{ objective: rowObjectives[0]!, points: number(text) }] };
	}
	const scores: { objective: string; points: number }[] = [];
	for (const item of scoreItems(text)) {
		const match = /^(.+?)\s*[:=]?\s*([+\-−]?\s*\d+(?:[.,]\d+)?)$/.exec(item);
		if (!match || !match[1]!.trim()) return { ok: false, code: 'bad-scores' };
		scores.push({ objective: match[1]!.replace(/[:=]\s*$/, '').trim(), points: number(match[2]!) });
	}
	return { ok: true, scores };
}

const cellOf = (row: readonly string[], column: number) => unescapeFormula((row[column] ?? '').replace(/\r\n?/g, '\n')).trim();

/** The data rows below the header row read through the mapping, with each row's own problems; empty rows are skipped. */
export function mapRows(rows: readonly (readonly string[])[], headerRow: number, mapping: ColumnMapping, options: MapOptions = {}): MappedRow[] {
	const columnOf = new Map<SheetField, number>();
	mapping.forEach((field, i) => {
		if (field && !columnOf.has(field)) columnOf.set(field, i);
	});
	const startAt = options.startAt ?? 0;
	const mapped: MappedRow[] = [];
	rows.forEach((cells, index) => {
		if (index <= headerRow) return;
		if (!mapping.some((field, i) => field !== null && cellOf(cells, i) !== '')) return;
		const cell = (field: SheetField) => {
			const column = columnOf.get(field);
			return column === undefined ? '' : cellOf(cells, column);
		};
		const problems: RowProblem[] = [];
		const problem = (code: RowProblemCode, severity: RowProblem['severity'], field?: SheetField, params: RowProblem['params'] = {}) =>
			problems.push({ code, severity, ...(field ? { field } : {}), params });

		const numberText = cell('number');
		let number: number | null = null;
		if (numberText) {
			const n = Number(numberText.replace(/^#/, ''));
			if (Number.isInteger(n) && n > 0) number = n;
			else problem('bad-number', 'warning', 'number', { text: numberText });
		}

		const triggerText = cell('trigger');
		const parsedTrigger = parseSheetTrigger(triggerText);
		let trigger: SheetTrigger | null = null;
		if (parsedTrigger === 'unreadable') problem('bad-trigger', 'error', 'trigger', { text: triggerText });
		else trigger = parsedTrigger;

		const timeText = cell('time');
		let at: number | null = null; // kept beside a trigger: used when the trigger cannot be resolved
		if (timeText) {
			const minutes = sheetMinutes(timeText);
			if (minutes === null) problem('bad-time', 'error', 'time', { text: timeText });
			else if (minutes - startAt < 0) problem('before-start', 'error', 'time', { text: timeText });
			else at = Math.round((minutes - startAt) * 100) / 100;
		}
		if (trigger && at !== null) problem('time-and-trigger', 'warning', 'time', { text: timeText });
		if (!trigger && at === null && !timeText && parsedTrigger !== 'unreadable') problem('missing', 'error', 'time');

		const teams = distinctNames(listItems(cell('teams')));
		if (teams.length === 0) problem('missing', 'error', 'teams');

		const channelText = cell('channel');
		let channel: Channel | null = null;
		if (channelText) {
			channel = normaliseChannel(channelText);
			if (!channel) {
				problem('unknown-channel', 'warning', 'channel', { text: channelText, used: 'email' });
				channel = 'email';
			}
		} else problem('missing', 'error', 'channel');

		const from = cell('from');
		if (!from) problem('missing', 'error', 'from');
		const body = cell('body');
		if (!body) problem('missing', 'error', 'body');
		let title = cell('title');
		if (!title && body) {
			title = firstWords(body, 80);
			problem('title-from-body', 'warning', 'title', { title });
		} else if (!title) problem('missing', 'error', 'title');

		const objectives = distinctNames(listItems(cell('objectives')));
		const decision = readDecision(cell, objectives, problem);
		const translations: MappedRow['translations'] = {};
		for (const [field] of columnOf) {
			const tr = translationOf(field);
			const value = tr && cell(field);
			if (tr && value) (translations[tr.language] ??= {})[tr.field] = value;
		}
		mapped.push({
			row: index + 1,
			number,
			at,
			trigger,
			watches: null,
			teams,
			objectives,
			channel,
			from,
			title,
			body,
			expectedAction: cell('expectedAction'),
			controllerNote: cell('controllerNote'),
			injectId: cell('injectId'),
			decision,
			translations,
			problems
		});
	});
	resolveTriggers(mapped);
	return mapped;
}

/** Names without repeats (compared by `nameKey`), each as first written. */
function distinctNames(names: string[]): string[] {
	const seen = new Set<string>();
	return names.filter((n) => !seen.has(nameKey(n)) && !!seen.add(nameKey(n)));
}

/** The start of a text, cut at a word, for a title the sheet did not give. */
function firstWords(text: string, max: number): string {
	const line = text.split('\n')[0]!.trim();
	if (line.length <= max) return line;
	const cut = line.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

function readDecision(
	cell: (field: SheetField) => string,
	objectives: string[],
	problem: (code: RowProblemCode, severity: RowProblem['severity'], field?: SheetField, params?: RowProblem['params']) => void
): MappedRow['decision'] {
	const prompt = cell('decision');
	const listed = [...objectives];
	const options: SheetOption[] = [];
	for (const n of OPTION_NUMBERS) {
		const label = cell(optionField(n, 'label'));
		const scoresText = cell(optionField(n, 'scores'));
		const feedback = cell(optionField(n, 'feedback'));
		if (!label && !scoresText && !feedback) continue;
		if (!label) {
			problem('option-without-label', 'error', optionField(n, 'label'), { option: n });
			continue;
		}
		const scores = parseScores(scoresText, listed);
		if (!scores.ok) problem(scores.code, 'error', optionField(n, 'scores'), { option: n, text: scoresText });
		const kept = scores.ok ? scores.scores.filter((s) => Math.abs(s.points) <= 10) : [];
		if (scores.ok)
			for (const s of scores.scores)
				if (Math.abs(s.points) > 10) problem('score-range', 'error', optionField(n, 'scores'), { option: n, points: s.points, objective: s.objective });
		for (const s of kept) if (!objectives.some((o) => nameKey(o) === nameKey(s.objective))) objectives.push(s.objective);
		options.push({ n, label, scores: kept, feedback });
	}
	if (!prompt) {
		if (options.length > 0) problem('options-without-prompt', 'error', 'decision', { count: options.length });
		return null;
	}
	if (options.length < 2) problem('few-options', 'error', 'decision', { count: options.length });
	const minutes = (field: 'decisionExpected' | 'decisionDeadline') => {
		const text = cell(field);
		if (!text) return null;
		const value = sheetMinutes(text);
		if (value === null || value <= 0) {
			problem('bad-minutes', 'error', field, { text });
			return null;
		}
		return value;
	};
	const expected = minutes('decisionExpected');
	let deadline = minutes('decisionDeadline');
	if (deadline === null) {
		deadline = expected ?? DEFAULT_DEADLINE_MINUTES;
		problem('default-deadline', 'warning', 'decisionDeadline', { minutes: deadline });
	}
	if (expected !== null && deadline < expected) problem('deadline-before-expected', 'error', 'decisionDeadline', { expected, deadline });
	return { prompt, expectedWithinMinutes: expected ?? deadline, deadlineMinutes: deadline, options };
}

/** A decision's deadline when the sheet gives none. */
export const DEFAULT_DEADLINE_MINUTES = 30;

/** Finds the row each trigger watches (by event number) and the option it names (by letter, number or label). */
function resolveTriggers(rows: MappedRow[]) {
	const byNumber = new Map<number, MappedRow>();
	for (const row of rows) {
		if (row.number === null) continue;
		if (byNumber.has(row.number)) row.problems.push({ code: 'duplicate-number', severity: 'warning', field: 'number', params: { number: row.number } });
		else byNumber.set(row.number, row);
	}
	for (const row of rows) {
		const t = row.trigger;
		if (!t) continue;
		const fail = (code: RowProblemCode, params: RowProblem['params']) => {
			row.problems.push({ code, severity: 'error', field: 'trigger', params });
			row.trigger = null;
		};
		const target = byNumber.get(t.event);
		if (!target) {
			fail('unknown-event', { number: t.event });
			continue;
		}
		if (target === row) {
			fail('self-trigger', { number: t.event });
			continue;
		}
		if (!target.decision) {
			fail('not-a-decision', { number: t.event });
			continue;
		}
		if (t.kind === 'missed' || t.option === null) {
			row.watches = { row: target.row, option: null };
			continue;
		}
		const wanted = t.option.trim();
		const byToken = optionNumberOf(wanted.replace(/^(?:option|opcion|opción|choix|optie|keuze|opsyon|chwa)\s*/i, ''));
		const option = target.decision.options.find((o) => o.n === byToken) ?? target.decision.options.find((o) => nameKey(o.label) === nameKey(wanted));
		if (!option) fail('unknown-option', { number: t.event, option: wanted });
		else row.watches = { row: target.row, option: option.n };
	}
}

// ————————————————————————————————————————— team and objective names

/** Names are matched without regard to case or surrounding spaces. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** A name the sheet uses and the rows it is used in. */
export interface FoundName {
	name: string;
	rows: number[];
}

/** The distinct team (or objective) names of the rows, in order of first use, with the rows that use each. */
export function namesFound(rows: readonly MappedRow[], which: 'teams' | 'objectives'): FoundName[] {
	const found = new Map<string, FoundName>();
	for (const row of rows)
		for (const name of row[which]) {
			const key = nameKey(name);
			const entry = found.get(key) ?? found.set(key, { name: name.trim(), rows: [] }).get(key)!;
			entry.rows.push(row.row);
		}
	return [...found.values()];
}

/** What the planner made of one name: a new team (objective) with this name, or the same as another name's. */
export type NameChoice = { as: 'new'; name: string } | { as: 'same'; target: string };
/** Choices by `nameKey` of the sheet's name. */
export type NameChoices = Readonly<Record<string, NameChoice>>;

/** Every found name as a new one under its own name (the planner's "confirm all"). */
export const allAsNew = (found: readonly FoundName[]): Record<string, NameChoice> =>
	Object.fromEntries(found.map((f) => [nameKey(f.name), { as: 'new', name: f.name }]));

/** The key of the new item a name ends up as (following "same as" choices), or null while it is not settled. */
export function resolveName(name: string, choices: NameChoices): string | null {
	let key = nameKey(name);
	for (let hops = 0; hops < 50; hops++) {
		const choice = choices[key];
		if (!choice) return null;
		if (choice.as === 'new') return choice.name.trim() ? key : null;
		key = nameKey(choice.target);
	}
	return null;
}

export interface RowCheck {
	row: number;
	excluded: boolean;
	problems: RowProblem[];
}

/** Every row's problems: its own, names not yet confirmed, and triggers on an excluded row. */
export function checkRows(rows: readonly MappedRow[], choices: { teams: NameChoices; objectives: NameChoices }, excluded: ReadonlySet<number>): RowCheck[] {
	return rows.map((row) => {
		const problems = [...row.problems];
		for (const name of row.teams)
			if (resolveName(name, choices.teams) === null) problems.push({ code: 'unconfirmed-team', severity: 'error', field: 'teams', params: { name } });
		for (const name of row.objectives)
			if (resolveName(name, choices.objectives) === null)
				problems.push({ code: 'unconfirmed-objective', severity: 'error', field: 'objectives', params: { name } });
		if (row.watches && excluded.has(row.watches.row))
			problems.push({ code: 'trigger-excluded', severity: 'error', field: 'trigger', params: { row: row.watches.row } });
		return { row: row.row, excluded: excluded.has(row.row), problems };
	});
}

/** Whether the import may go ahead: some row is included, and every name the included rows use is settled. */
export function readyToImport(checks: readonly RowCheck[]): boolean {
	const included = checks.filter((c) => !c.excluded);
	return included.length > 0 && !included.some((c) => c.problems.some((p) => p.code === 'unconfirmed-team' || p.code === 'unconfirmed-objective'));
}

// ————————————————————————————————————————— the scenario

export interface SheetScenarioMeta {
	/** The new scenario's id (its key in the library). */
	id: string;
	title: string;
	language: ScenarioLanguage;
	kind: 'maritime-trafficking' | 'displacement';
}

/** A file name → a title: no extension, dashes and underscores as spaces. */
export function titleFromFileName(fileName: string): string {
	const title = fileName
		.replace(/\.[^.]+$/, '')
		.replace(/[_-]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return title.slice(0, 160) || 'MSEL';
}

type Raw = Record<string, unknown>;

/**
 * The new scenario's data from the included rows: teams and objectives as confirmed (name only: agency, state and
 * capability are the planner's to fill in the studio), one inject per row with its decision and trigger. Fields the
 * sheet left empty are left out, so the draft's problems list names them. Rows whose names are not settled are skipped.
 */
export function sheetScenario(
	rows: readonly MappedRow[],
	choices: { teams: NameChoices; objectives: NameChoices },
	excluded: ReadonlySet<number>,
	meta: SheetScenarioMeta
): Raw & { injects: Raw[]; teams: Raw[]; objectives: Raw[] } {
	const included = rows.filter((r) => !excluded.has(r.row));
	const registry = (which: 'teams' | 'objectives', choiceMap: NameChoices) => {
		const items: { id: string; name: string }[] = [];
		const idByKey = new Map<string, string>();
		const taken = new Set<string>();
		const idOf = (sheetName: string): string | null => {
			const key = resolveName(sheetName, choiceMap);
			if (key === null) return null;
			const known = idByKey.get(key);
			if (known) return known;
			const name = (choiceMap[key] as { name: string }).name.trim().slice(0, which === 'teams' ? 80 : 120);
			const id = uniqueId(slugify(name, which === 'teams' ? 'team' : 'objective'), taken);
			idByKey.set(key, id);
			items.push({ id, name });
			return id;
		};
		return { items, idOf };
	};
	const teams = registry('teams', choices.teams);
	const objectives = registry('objectives', choices.objectives);

	const usable = included.filter(
		(r) => r.teams.every((t) => resolveName(t, choices.teams) !== null) && r.objectives.every((o) => resolveName(o, choices.objectives) !== null)
	);
	for (const row of usable) {
		row.teams.forEach(teams.idOf);
		row.objectives.forEach(objectives.idOf);
	}
	const injectIds = new Set<string>();
	const idByRow = new Map<number, string>();
	const optionIds = new Map<number, Map<OptionNumber, string>>();
	for (const row of usable) {
		const wanted = row.injectId;
		const id =
			wanted && /^[a-z0-9][a-z0-9-]{0,63}$/.test(wanted) && !injectIds.has(wanted)
				? (injectIds.add(wanted), wanted)
				: uniqueId(slugify(wanted || row.title || row.body, 'inject'), injectIds);
		idByRow.set(row.row, id);
		if (row.decision) {
			const taken = new Set<string>();
			optionIds.set(row.row, new Map(row.decision.options.map((o) => [o.n, uniqueId(slugify(o.label, `option-${o.n}`), taken)])));
		}
	}

	const injects = usable.map((row) => {
		const inject: Raw = { id: idByRow.get(row.row)! };
		if (row.number !== null) inject.number = row.number;
		const watched = row.watches && !excluded.has(row.watches.row) ? idByRow.get(row.watches.row) : undefined;
		if (row.watches && watched && row.trigger) {
			const option = row.watches.option !== null ? optionIds.get(row.watches.row)?.get(row.watches.option) : undefined;
			inject.trigger = row.trigger.kind === 'missed' ? { missed: watched } : { decision: watched, ...(option ? { option } : {}) };
		} else if (row.at !== null) inject.at = row.at;
		if (row.from) inject.from = row.from;
		inject.to = [...new Set(row.teams.map((t) => teams.idOf(t)!))];
		if (row.channel) inject.channel = row.channel;
		if (row.title) inject.title = row.title;
		if (row.body) inject.body = row.body;
		if (row.expectedAction) inject.expectedAction = row.expectedAction;
		inject.objectives = [...new Set(row.objectives.map((o) => objectives.idOf(o)!))];
		if (row.controllerNote) inject.controllerNote = row.controllerNote;
		if (row.decision) {
			const ids = optionIds.get(row.row)!;
			inject.decision = {
				prompt: row.decision.prompt,
				expectedWithinMinutes: row.decision.expectedWithinMinutes,
				deadlineMinutes: row.decision.deadlineMinutes,
				options: row.decision.options.map((o) => ({
					id: ids.get(o.n)!,
					label: o.label,
					scores: Object.fromEntries(o.scores.map((s) => [objectives.idOf(s.objective)!, s.points])),
					...(o.feedback ? { feedback: o.feedback } : {})
				}))
			};
		}
		const translations = Object.fromEntries(Object.entries(row.translations).filter(([language]) => language !== meta.language));
		if (Object.keys(translations).length > 0) inject.translations = translations;
		return inject;
	});

	const latest = usable.reduce((max, r) => Math.max(max, r.at ?? 0), 0);
	return {
		id: meta.id,
		title: meta.title,
		summary: '',
		language: meta.language,
		kind: meta.kind,
		durationMinutes: Math.min(24 * 60, Math.max(5, Math.ceil((latest + 30) / 5) * 5)),
		overview: { missionAreas: [] },
		map: DEFAULT_MAP,
		teams: teams.items,
		objectives: objectives.items,
		entities: [],
		areas: [],
		injects
	};
}
