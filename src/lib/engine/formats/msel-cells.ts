/**
 * What the MSEL export and import agree on cell by cell: the columns, how a
 * list of teams or objectives sits in one cell, how formula-like text is kept
 * from running in a spreadsheet, how a time cell reads, and the words planners
 * use for each channel.
 */
import { CHANNELS, SCENARIO_LANGUAGES, type Channel, type ScenarioLanguage } from '../scenario/vocabulary';

export const MSEL_COLUMNS = [
	'Event No.',
	'Time (hh:mm)',
	'Move / phase',
	'Inject type',
	'Channel',
	'From',
	'To',
	'Title',
	'Inject',
	'Expected action',
	'Objectives',
	'Responsible controller',
	'Contingency',
	'Decision',
	'Controller note',
	'Inject id'
] as const;
export type MselColumn = (typeof MSEL_COLUMNS)[number];

/**
 * The columns a scenario's translations add, one set per language: "Title [fr]", "Inject [fr]", … beside the
 * originals, so a translator works in the same spreadsheet and the MSEL round trip keeps every language.
 * ("Decision [fr]" is exported for reading, like "Decision"; neither is imported.)
 */
export const TRANSLATED_MSEL_COLUMNS = ['From', 'Title', 'Inject', 'Expected action', 'Controller note', 'Decision'] as const satisfies readonly MselColumn[];
export type TranslatedMselColumn = (typeof TRANSLATED_MSEL_COLUMNS)[number];

export const translatedColumn = (column: TranslatedMselColumn, language: ScenarioLanguage) => `${column} [${language}]`;

/** "Title [fr]" → the column and language it translates; null for any other header. */
export function translatedColumnOf(
	header: string
): { column: TranslatedMselColumn; language: ScenarioLanguage } | { column: string; language: string; unknown: true } | null {
	const match = /^(.+?)\s*\[([A-Za-z-]{2,8})\]$/.exec(header.trim());
	if (!match) return null;
	const [, column, tag] = match as unknown as [string, string, string];
	const language = tag.toLowerCase();
	const known = (TRANSLATED_MSEL_COLUMNS as readonly string[]).includes(column) && (SCENARIO_LANGUAGES as readonly string[]).includes(language);
	return known ? { column: column as TranslatedMselColumn, language: language as ScenarioLanguage } : { column, language, unknown: true };
}

/** How the export joins a list (teams, objectives) into one cell. */
export const LIST_SEPARATOR = '; ';

/** A list cell ("A; B" or one per line) → its trimmed, non-empty items. */
export const listItems = (cell: string) =>
	cell
		.split(/[;\n]/)
		.map((s) => s.trim())
		.filter(Boolean);

/** Cells a spreadsheet would run as a formula; exported with a leading apostrophe, removed again on import. */
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

export function escapeFormula(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeFormula(cell: string): string {
	return cell.replace(ESCAPED_FORMULA, '');
}

/** hh:mm, hh:mm:ss or plain minutes (optionally prefixed with "T+" or "+") → exercise minutes, or null. */
export function parseExerciseMinutes(text: string): number | null {
	const t = text.trim().replace(/^t?\s*\+\s*/i, '');
	const clock = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(t);
	if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + (clock[3] ? Number(clock[3]) / 60 : 0);
	if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
	return null;
}

/** Words planners use for each channel (compared lower-case, letters and digits only). */
const CHANNEL_WORDS: Record<Channel, string[]> = {
	radio: ['radio', 'vhf', 'uhf', 'hf', 'vhfradio', 'radiocall', 'radiomessage', 'marineradio'],
	phone: ['phone', 'telephone', 'phonecall', 'call', 'mobile', 'cellphone', 'tel', 'sms', 'text', 'textmessage', 'whatsapp', 'satphone'],
	email: ['email', 'mail', 'message', 'emailmessage', 'memo', 'letter', 'fax'],
	intel: ['intel', 'intelreport', 'intelligence', 'intelligencereport', 'intsum', 'report'],
	media: ['media', 'press', 'news', 'socialmedia', 'tv', 'television', 'newspaper', 'mediaquery', 'pressquery'],
	map: ['map', 'mapupdate', 'cop', 'commonoperatingpicture', 'radar', 'track', 'trackupdate', 'plot', 'ais']
};

/** A channel as written by a planner ("Intel report", "E-mail", "VHF") → a scenario channel, or null. */
export function normaliseChannel(text: string): Channel | null {
	const key = text.toLowerCase().replace(/[^a-z0-9]/g, '');
	if (!key) return null;
	if ((CHANNELS as readonly string[]).includes(key)) return key as Channel;
	for (const channel of CHANNELS) if (CHANNEL_WORDS[channel].includes(key)) return channel;
	return null;
}
