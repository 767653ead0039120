import { describe, expect, it } from 'vitest';
import { exerciseTimeAt, runClock, setClockSpeed, stopClock, stoppedClock, wallTimeFor } from './clock';

describe('exercise clock', () => {
	it('stands still until started', () => {
		expect(exerciseTimeAt(stoppedClock, 1_000_000)).toBe(0);
		expect(wallTimeFor(stoppedClock, 5000)).toBeNull();
	});

	it('runs at wall speed after start and stops on pause', () => {
		let clock = runClock(stoppedClock, 10_000, 0);
		expect(exerciseTimeAt(clock, 15_000)).toBe(5000);
		clock = stopClock(clock, 15_000, exerciseTimeAt(clock, 15_000));
		expect(exerciseTimeAt(clock, 99_000)).toBe(5000);
		clock = runClock(clock, 100_000, 5000);
		expect(exerciseTimeAt(clock, 101_000)).toBe(6000);
	});

	it('multiplies elapsed wall time by the speed from the moment it changes', () => {
		let clock = runClock(stoppedClock, 0, 0);
		clock = setClockSpeed(clock, 10_000, exerciseTimeAt(clock, 10_000), 4);
		expect(exerciseTimeAt(clock, 12_000)).toBe(18_000);
		expect(wallTimeFor(clock, 30_000)).toBe(15_000);
	});

	it('keeps speed across pause and resume', () => {
		let clock = setClockSpeed(runClock(stoppedClock, 0, 0), 0, 0, 60);
		clock = stopClock(clock, 1000, exerciseTimeAt(clock, 1000));
		clock = runClock(clock, 5000, clock.anchorAt);
		expect(exerciseTimeAt(clock, 6000)).toBe(120_000);
	});
});
