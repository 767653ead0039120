/**
 * The timeline as CSV for analysis in a spreadsheet (pure). The words (column headers, kinds, each event's text) come
 * from the caller, in the reader's language (`timelineCsvWords` in `$lib/i18n/review-words`).
 */
import Papa from 'papaparse';
import { formatClockMs } from '../exercise/time-format';
import type { DomainEvent } from '../exercise/events';
import type { Scenario } from '../scenario/schema';
import { timelineEntry } from '../review/timeline';
import type { TimelineCsvWords } from './timeline-columns';

export function timelineCsv(events: readonly DomainEvent[], scenario: Scenario | null, words: TimelineCsvWords): string {
	const rows = events.map((e) => {
		const t = timelineEntry(e, scenario);
		const text = words.text(t);
		return [
			t.seq,
			formatClockMs(t.at),
			new Date(t.wall).toISOString(),
			words.kind(t.kind),
			t.type,
			t.teams.join('; '),
			t.objectives.join('; '),
			t.channel ?? '',
			t.latencyMs === null ? '' : (t.latencyMs / 60_000).toFixed(2),
			t.actor,
			// Keep spreadsheets from running text as a formula.
			/^[=+\-@]/.test(text) ? `'${text}` : text
		];
	});
	return '\uFEFF' + Papa.unparse({ fields: [...words.columns], data: rows });
}
