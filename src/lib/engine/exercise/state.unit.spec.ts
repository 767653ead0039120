import { describe, expect, it } from 'vitest';
import { generateLog } from '../../../../tests/bench/lib/replay-log';
import { evolve, foldEvents, forEachState } from './state';

// A valid log of a few thousand events of every kind, made by the real machine.
const { events } = generateLog(3000, 7);

describe('exercise projection', () => {
	it('folds a log to the same state event by event and all at once', () => {
		let stepwise = foldEvents(events[0].exerciseId, []);
		for (const e of events) stepwise = evolve(stepwise, e);
		expect(foldEvents(events[0].exerciseId, events)).toEqual(stepwise);
		expect(stepwise.lastSeq).toBe(events.at(-1)!.seq);
		expect(stepwise.messages.length).toBe(events.filter((e) => e.type === 'message.sent').length);
	});

	it('never changes the state it starts from', () => {
		const half = Math.floor(events.length / 2);
		const middle = foldEvents(events[0].exerciseId, events.slice(0, half));
		const before = structuredClone(middle);
		const after = foldEvents(middle.id, events.slice(half), middle);
		expect(middle).toEqual(before);
		expect(after.lastSeq).toBe(events.at(-1)!.seq);
		for (const e of events.slice(half, half + 50)) evolve(middle, e);
		expect(middle).toEqual(before);
	});

	it('visits the state after every event with forEachState', () => {
		const seen: number[] = [];
		const messages: number[] = [];
		forEachState(events, (s, e) => {
			seen.push(s.lastSeq);
			if (e.type === 'message.sent') messages.push(s.messages.length);
		});
		expect(seen).toEqual(events.map((e) => e.seq));
		expect(messages).toEqual(messages.map((_, i) => i + 1));
	});
});
