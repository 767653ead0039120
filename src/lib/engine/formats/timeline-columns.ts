/**
 * The timeline CSV's columns and the words it is written with (pure), apart from the writer (`timeline-csv.ts`) so
 * the pages that word them — every page that shows a review — do not load the CSV library with them.
 */
import type { TimelineEntry, TimelineKind } from '../review/timeline';

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

/** How the CSV words things: a header per column of `TIMELINE_CSV_COLUMNS` (in its order), a kind, an event. */
export interface TimelineCsvWords {
	columns: readonly string[];
	kind: (kind: TimelineKind) => string;
	text: (entry: TimelineEntry) => string;
}
