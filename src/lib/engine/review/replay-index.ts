/**
 * A replay index (pure): the exercise's state at any exercise time without folding the log from its start each
 * time, so the review's scrubber can follow the mouse over a long exercise.
 *
 * The log is folded once; the state after every `every` events is kept as a snapshot. `replayStateAt` takes the
 * nearest snapshot at or before the time asked for and folds only the few events after it. The answer is the one
 * `stateAt` in review.ts gives (the fold of the log up to the first event later than the time).
 *
 * Snapshots stay as they were: `foldEvents` never writes into the state it starts from (it copies the records and
 * lists first and replaces the items it changes), so folding on from a snapshot leaves it untouched. Snapshots share
 * their items (injects, messages, …) with each other; each costs only its own records and lists.
 */
import type { DomainEvent } from '../exercise/events';
import { emptyExercise, foldEvents, type ExerciseState } from '../exercise/state';

/**
 * Events between snapshots. Measured on a 100,000-event log (tests/bench/scrub.bench.ts): a query folds at most
 * this many events (about 1 µs each) after copying the snapshot's lists, and the snapshots' memory falls as it grows.
 */
export const SNAPSHOT_EVERY = 2000;

export interface ReplayIndex {
	/** The exercise id the empty state before the first event carries. */
	readonly id: string;
	/** The log indexed, in log order. */
	readonly events: readonly DomainEvent[];
	readonly every: number;
	/** `reach[i]`: the latest exercise time among events 0…i (non-decreasing even if a log's times are not). */
	readonly reach: Float64Array;
	/** `snapshots[k]`: the state after the first k × `every` events (`snapshots[0]` is the empty state). */
	readonly snapshots: readonly ExerciseState[];
}

/** Folds `events` once and keeps a snapshot every `every` events. */
export function buildReplayIndex(events: readonly DomainEvent[], every = SNAPSHOT_EVERY): ReplayIndex {
	if (!Number.isInteger(every) || every < 1) throw new Error(`snapshot interval must be a positive whole number, not ${every}`);
	const id = events[0]?.exerciseId ?? '';
	return grow({ id, events: [], every, reach: new Float64Array(0), snapshots: [emptyExercise(id)] }, events);
}

/**
 * The index for `events`: `index` itself if it already covers exactly that log, `index` extended by the new events
 * if `events` is its log with events appended (the same event objects at the same places, as a live view appends),
 * else a new index. `index` is never changed.
 */
export function updateReplayIndex(index: ReplayIndex | null, events: readonly DomainEvent[], every = index?.every ?? SNAPSHOT_EVERY): ReplayIndex {
	if (!index || index.every !== every || !extends_(index.events, events)) return buildReplayIndex(events, every);
	if (events.length === index.events.length) return index;
	return grow(index, events);
}

/** Whether `events` starts with `before` (checked by identity at its first and last place: logs are only appended to). */
function extends_(before: readonly DomainEvent[], events: readonly DomainEvent[]): boolean {
	if (events.length < before.length) return false;
	if (before.length === 0) return true;
	return events[0] === before[0] && events[before.length - 1] === before[before.length - 1];
}

/** `index` extended to `events` (which starts with `index.events`): reach for the new events, snapshots for each new full block. */
function grow(index: ReplayIndex, events: readonly DomainEvent[]): ReplayIndex {
	const from = index.events.length;
	const reach = new Float64Array(events.length);
	reach.set(index.reach);
	let latest = from > 0 ? index.reach[from - 1]! : -Infinity;
	for (let i = from; i < events.length; i++) reach[i] = latest = Math.max(latest, events[i]!.at);
	const snapshots = [...index.snapshots];
	for (let start = (snapshots.length - 1) * index.every; start + index.every <= events.length; start += index.every)
		snapshots.push(foldEvents(index.id, events.slice(start, start + index.every), snapshots.at(-1)));
	return { id: index.id, events: [...events], every: index.every, reach, snapshots };
}

/** How many events, from the log's start, `stateAt(at)` folds: those before the first event later than `at`. */
export function prefixLength(index: ReplayIndex, at: number): number {
	// The first i with reach[i] > at (reach is non-decreasing), by binary search.
	let lo = 0;
	let hi = index.reach.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (index.reach[mid]! > at) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * The exercise as it stood at exercise time `at`: the nearest snapshot plus the events after it. Read it, never
 * change it: when `at` falls exactly on a snapshot, that snapshot itself is the answer.
 */
export function replayStateAt(index: ReplayIndex, at: number): ExerciseState {
	const length = prefixLength(index, at);
	const k = Math.floor(length / index.every);
	const start = k * index.every;
	return foldEvents(index.id, index.events.slice(start, length), index.snapshots[k]);
}
