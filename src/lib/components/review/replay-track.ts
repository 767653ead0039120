/**
 * The replay's event track (pure): which timeline entries the replay lists and marks on its scrubber, where each
 * marker sits, and which entry is current at a scrubber time.
 */
import type { TimelineEntry, TimelineKind } from '$lib/engine/review/timeline';

/** Kinds the replay lists and marks: what happened in play, not the evaluators' own records. */
export const REPLAY_KINDS: readonly TimelineKind[] = ['exercise', 'inject', 'decision', 'message', 'coordination', 'map'];

export function replayEntries(entries: readonly TimelineEntry[]): TimelineEntry[] {
	return entries.filter((e) => REPLAY_KINDS.includes(e.kind)).sort((a, b) => a.at - b.at || a.seq - b.seq);
}

/** The index of the last entry at or before `at` (entries in time order), or -1 before the first. */
export function currentIndex(entries: readonly TimelineEntry[], at: number): number {
	let lo = 0;
	let hi = entries.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (entries[mid]!.at <= at) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

export interface TrackMarker {
	kind: TimelineKind;
	/** Percent along the scrubber, 0–100. */
	left: number;
	count: number;
}

/** One marker per kind per slot of the scrubber (`slots` across), so hundreds of events stay a readable strip. */
export function trackMarkers(entries: readonly TimelineEntry[], end: number, slots = 200): TrackMarker[] {
	if (end <= 0) return [];
	const markers = new Map<string, TrackMarker>();
	for (const e of entries) {
		const slot = Math.min(slots, Math.round((Math.max(0, e.at) / end) * slots));
		const key = `${e.kind}/${slot}`;
		const m = markers.get(key) ?? { kind: e.kind, left: (slot / slots) * 100, count: 0 };
		m.count++;
		markers.set(key, m);
	}
	return [...markers.values()];
}
