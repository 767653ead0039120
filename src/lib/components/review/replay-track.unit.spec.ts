import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '$lib/engine/review/timeline';
import { currentIndex, replayEntries, trackMarkers } from './replay-track';

const entry = (seq: number, at: number, kind: TimelineEntry['kind']): TimelineEntry => ({
	seq,
	at,
	wall: 0,
	type: 'exercise.started',
	kind,
	teams: [],
	objectives: [],
	channel: null,
	latencyMs: null,
	actor: 'x',
	line: { kind: 'started' }
});

describe('replay track', () => {
	const entries = replayEntries([entry(3, 5000, 'decision'), entry(1, 0, 'exercise'), entry(2, 5000, 'inject'), entry(4, 7000, 'evaluation')]);
	it('lists what happened in play, in time order, without the evaluators’ own records', () => {
		expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
	});
	it('finds the current entry: the last at or before the scrubber', () => {
		expect(currentIndex(entries, -1)).toBe(-1);
		expect(currentIndex(entries, 0)).toBe(0);
		expect(currentIndex(entries, 4999)).toBe(0);
		expect(currentIndex(entries, 5000)).toBe(2);
		expect(currentIndex(entries, 99_000)).toBe(2);
		expect(currentIndex([], 10)).toBe(-1);
	});
	it('marks each kind once per slot, at its place along the scrubber', () => {
		const markers = trackMarkers([...entries, entry(5, 5000, 'inject')], 10_000, 10);
		expect(markers).toEqual([
			{ kind: 'exercise', left: 0, count: 1 },
			{ kind: 'inject', left: 50, count: 2 },
			{ kind: 'decision', left: 50, count: 1 }
		]);
		expect(trackMarkers(entries, 0)).toEqual([]);
	});
});
