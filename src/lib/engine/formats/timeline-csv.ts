/** The timeline as CSV for analysis in a spreadsheet (pure). */
import Papa from 'papaparse';
import { formatClockMs } from '../exercise/time-format';
import type { DomainEvent } from '../exercise/events';
import type { Scenario } from '../scenario/schema';
import { timelineEntry } from '../review/timeline';

export const TIMELINE_CSV_COLUMNS = [
	'seq',
	'exercise_time',
	'wall_time_utc',
	'kind',
	'type',
	'teams',
	'objectives',
	'channel',
	'latency_min',
	'actor',
	'text'
] as const;

export function timelineCsv(events: readonly DomainEvent[], scenario: Scenario | null): string {
	const rows = events.map((e) => {
		const t = timelineEntry(e, scenario);
		return [
			t.seq,
			formatClockMs(t.at),
			new Date(t.wall).toISOString(),
			t.kind,
			t.type,
			t.teams.join('; '),
			t.objectives.join('; '),
			t.channel ?? '',
			t.latencyMs === null ? '' : (t.latencyMs / 60_000).toFixed(2),
			t.actor,
			// Keep spreadsheets from running text as a formula.
			/^[=+\-@]/.test(t.text) ? `'${t.text}` : t.text
		];
	});
	return '\uFEFF' + Papa.unparse({ fields: [...TIMELINE_CSV_COLUMNS], data: rows });
}
