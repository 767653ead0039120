/**
 * A scenario's injects as an MSEL (Master Scenario Events List) CSV that
 * planners can open in a spreadsheet (pure: no file access). Decisions are
 * written as text and triggers as words, for people to read; `msel-import.ts`
 * reads the rest back.
 */
import Papa from 'papaparse';
import { formatHhmmssFromMinutes } from '../exercise/time-format';
import { describeTrigger } from '../scenario/trigger-text';
import { CHANNEL_LABELS, type Scenario } from '../scenario/schema';
import { escapeFormula, LIST_SEPARATOR, MSEL_COLUMNS, type MselColumn } from './msel-cells';

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

/** The scenario's injects as an MSEL CSV (UTF-8 BOM, header row, one row per inject). */
export function mselToCsv(scenario: Scenario): string {
	const teamLabel = displayNames(scenario.teams);
	const objectiveLabel = displayNames(scenario.objectives);
	const rows = mselOrder(scenario).map(({ inject }) => {
		const d = inject.decision;
		const decision = d
			? [
					d.prompt,
					...d.options.map((o) => {
						const scores = Object.entries(o.scores)
							.map(([objective, points]) => `${objective}: ${points}`)
							.join(', ');
						return `[${o.id}] ${o.label}${scores ? ` (${scores})` : ''}`;
					})
				].join('\n')
			: '';
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
		return MSEL_COLUMNS.map((column) => escapeFormula(row[column]));
	});
	return BOM + Papa.unparse({ fields: [...MSEL_COLUMNS], data: rows }, { newline: '\r\n' }) + '\r\n';
}
