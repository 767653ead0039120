/**
 * A scenario's injects as an MSEL (Master Scenario Events List) CSV that
 * planners can open in a spreadsheet (pure: no file access). Decisions are
 * written as text and triggers as words, for people to read; `msel-import.ts`
 * reads the rest back.
 */
import Papa from 'papaparse';
import { formatHhmmssFromMinutes } from '../exercise/time-format';
import { describeTrigger } from '../scenario/trigger-text';
import type { Decision, Scenario } from '../scenario/schema';
import { CHANNEL_LABELS } from '../scenario/vocabulary';
import { translatedLanguages } from '../scenario/translation-file';
import { localizeInject } from '../scenario/localize';
import { escapeFormula, LIST_SEPARATOR, MSEL_COLUMNS, TRANSLATED_MSEL_COLUMNS, translatedColumn, type MselColumn } from './msel-cells';

const BOM = '\uFEFF';

/**
 * How each team / objective is written in the CSV: its name, or its id when the
 * name is not a safe key (shared with another item, or equal to another item's id).
 */
function displayNames(items: readonly { id: string; name: string }[]): Map<string, string> {
	const count = new Map<string, number>();
	const key = (s: string) => s.trim().toLowerCase();
	for (const item of items) count.set(key(item.name), (count.get(key(item.name)) ?? 0) + 1);
	const ids = new Set(items.map((i) => key(i.id)));
	return new Map(
		items.map((item) => {
			const k = key(item.name);
			const ambiguous = (count.get(k) ?? 0) > 1 || (ids.has(k) && k !== key(item.id)) || item.name.includes(';');
			return [item.id, ambiguous ? item.id : item.name];
		})
	);
}

/** Injects in MSEL order: release time, then file order. */
function mselOrder(scenario: Scenario) {
	// Triggered injects have no time of their own: they follow the timed ones.
	const time = (inject: Scenario['injects'][number]) => inject.at ?? Number.POSITIVE_INFINITY;
	return scenario.injects.map((inject, index) => ({ inject, index })).sort((a, b) => time(a.inject) - time(b.inject) || a.index - b.index);
}

/** A decision as text for people: the prompt, then one line per option (with its scores when `scores`). */
function decisionText(d: Decision | undefined, scores: boolean): string {
	if (!d) return '';
	return [
		d.prompt,
		...d.options.map((o) => {
			const points = Object.entries(o.scores)
				.map(([objective, value]) => `${objective}: ${value}`)
				.join(', ');
			return `[${o.id}] ${o.label}${scores && points ? ` (${points})` : ''}`;
		})
	].join('\n');
}

/**
 * The scenario's injects as an MSEL CSV (UTF-8 BOM, header row, one row per inject), followed by one set of
 * columns per language the scenario is translated into ("Title [fr]", …; see TRANSLATED_MSEL_COLUMNS).
 */
export function mselToCsv(scenario: Scenario): string {
	const teamLabel = displayNames(scenario.teams);
	const objectiveLabel = displayNames(scenario.objectives);
	const languages = translatedLanguages(scenario);
	const translatedFields = languages.flatMap((l) => TRANSLATED_MSEL_COLUMNS.map((c) => translatedColumn(c, l)));
	const rows = mselOrder(scenario).map(({ inject }) => {
		const d = inject.decision;
		const decision = decisionText(d, true);
		const row: Record<MselColumn, string> = {
			'Event No.': inject.number === undefined ? '' : String(inject.number),
			'Time (hh:mm)': inject.at === undefined ? '' : formatHhmmssFromMinutes(inject.at),
			'Move / phase': '',
			'Inject type': d ? 'decision' : 'information',
			Channel: CHANNEL_LABELS[inject.channel],
			From: inject.from,
			To: inject.to.map((t) => teamLabel.get(t) ?? t).join(LIST_SEPARATOR),
			Title: inject.title,
			Inject: inject.body,
			'Expected action': inject.expectedAction ?? '',
			Objectives: inject.objectives.map((o) => objectiveLabel.get(o) ?? o).join(LIST_SEPARATOR),
			'Responsible controller': '',
			// A triggered inject's condition, in words (the MSEL's contingency column).
			Contingency: inject.trigger ? `When ${describeTrigger(inject.trigger, scenario)}` : '',
			Decision: decision,
			'Controller note': inject.controllerNote ?? '',
			'Inject id': inject.id
		};
		const translated = languages.flatMap((language) => {
			const texts = inject.translations?.[language] ?? {};
			const read = localizeInject(inject, language);
			const cells: Record<(typeof TRANSLATED_MSEL_COLUMNS)[number], string> = {
				From: texts.from ?? '',
				Title: texts.title ?? '',
				Inject: texts.body ?? '',
				'Expected action': texts.expectedAction ?? '',
				'Controller note': texts.controllerNote ?? '',
				Decision: d?.translations?.[language] ? decisionText(read.decision, false) : ''
			};
			return TRANSLATED_MSEL_COLUMNS.map((column) => cells[column]);
		});
		return [...MSEL_COLUMNS.map((column) => row[column]), ...translated].map(escapeFormula);
	});
	return BOM + Papa.unparse({ fields: [...MSEL_COLUMNS, ...translatedFields], data: rows }, { newline: '\r\n' }) + '\r\n';
}
