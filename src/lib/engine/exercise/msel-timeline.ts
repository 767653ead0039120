/**
 * The MSEL as the control room's timeline: what has gone out (or was skipped), the now-line, what is due next
 * and how soon, and the conditional injects still waiting for their trigger.
 */
import type { ExerciseState, InjectState } from './state';

export interface TimelineEntry {
	inject: InjectState;
	/** When it went out, or is due (exercise ms); null while it waits for a trigger. */
	at: number | null;
	/** Exercise ms from now until it is due; null for a past or waiting one. */
	dueInMs: number | null;
	/** Due within the look-ahead window. */
	soon: boolean;
}

export interface MselTimeline {
	past: TimelineEntry[];
	upcoming: TimelineEntry[];
	waiting: TimelineEntry[];
}

export function mselTimeline(state: ExerciseState, now: number, lookAheadMs: number): MselTimeline {
	const past: TimelineEntry[] = [];
	const upcoming: TimelineEntry[] = [];
	const waiting: TimelineEntry[] = [];
	for (const id of state.injectOrder) {
		const inject = state.injects[id];
		if (!inject) continue;
		if (inject.status === 'released') past.push({ inject, at: inject.releasedAt, dueInMs: null, soon: false });
		else if (inject.status === 'skipped') past.push({ inject, at: inject.dueAt, dueInMs: null, soon: false });
		else if (inject.status === 'waiting' || inject.dueAt === null) waiting.push({ inject, at: null, dueInMs: null, soon: false });
		else {
			const dueInMs = Math.max(0, inject.dueAt - now);
			upcoming.push({ inject, at: inject.dueAt, dueInMs, soon: dueInMs <= lookAheadMs });
		}
	}
	const byTime = (a: TimelineEntry, b: TimelineEntry) => (a.at ?? 0) - (b.at ?? 0);
	return { past: past.sort(byTime), upcoming: upcoming.sort(byTime), waiting };
}
