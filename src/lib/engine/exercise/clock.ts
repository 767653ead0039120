/**
 * The exercise clock: exercise time is a pure function of wall time, speed and
 * pauses. Nothing here reads the real clock; callers pass wall time in.
 */
export interface ClockState {
	running: boolean;
	speed: number;
	/** Wall time (epoch ms) at which the current segment began. */
	anchorWall: number;
	/** Exercise time (ms since start) at `anchorWall`. */
	anchorAt: number;
}

export const MIN_SPEED = 1;
export const MAX_SPEED = 60;

export const stoppedClock: ClockState = { running: false, speed: 1, anchorWall: 0, anchorAt: 0 };

/** Exercise time in ms at the given wall time. */
export function exerciseTimeAt(clock: ClockState, wallMs: number): number {
	if (!clock.running) return clock.anchorAt;
	return clock.anchorAt + Math.max(0, wallMs - clock.anchorWall) * clock.speed;
}

/** Wall time (epoch ms) at which the clock reaches exercise time `at`; null if it never will (stopped). */
export function wallTimeFor(clock: ClockState, at: number): number | null {
	if (!clock.running) return null;
	return clock.anchorWall + Math.max(0, at - clock.anchorAt) / clock.speed;
}

/** Starts or resumes the clock at (wall, at). */
export function runClock(clock: ClockState, wall: number, at: number): ClockState {
	return { ...clock, running: true, anchorWall: wall, anchorAt: at };
}

export function stopClock(clock: ClockState, wall: number, at: number): ClockState {
	return { ...clock, running: false, anchorWall: wall, anchorAt: at };
}

export function setClockSpeed(clock: ClockState, wall: number, at: number, speed: number): ClockState {
	return { ...clock, speed, anchorWall: wall, anchorAt: at };
}

export const MINUTE = 60_000;
