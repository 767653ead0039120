/**
 * What the MSEL export and import agree on cell by cell: the columns, how a
 * list of teams or objectives sits in one cell, how formula-like text is kept
 * from running in a spreadsheet, how a time cell reads, and the words planners
 * use for each channel.
 */
import { CHANNELS, type Channel } from '../scenario/schema';

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
