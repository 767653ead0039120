/**
 * Whether a clock speed leaves the teams too little real time to answer: at 60× a 10-minute deadline is
 * 10 real seconds. Looks at the decisions open now and those still to come, by their whole window from release to
 * deadline: the time an open decision has left shrinks at any speed, and the team board shows it.
 */
import { MINUTE } from './clock';
import type { ExerciseState } from './state';

/** Below this many real ms for a deadline, a speed is too fast to play. */
export const SHORT_DEADLINE_REAL_MS = 60_000;

export interface ShortDeadline {
	injectId: string;
	title: string;
	/** The deciding team, for a decision open now; null for one still to come (every deciding team). */
	team: string | null;
	/** Exercise ms the team has from release to deadline. */
	exerciseMs: number;
	/** Real ms that is at the speed looked at. */
	realMs: number;
}

export interface SpeedWarning {
	speed: number;
	/** The tightest deadline first. */
	short: ShortDeadline[];
}

/**
 * The decisions whose window would last under `thresholdMs` of real time at `speed`, because of the speed
 * (a window already shorter than that in exercise time is not the speed's doing and is left out). Null when none.
 */
export function speedWarning(state: ExerciseState, now: number, speed: number, thresholdMs = SHORT_DEADLINE_REAL_MS): SpeedWarning | null {
	if (speed <= 1) return null;
	const windows: Omit<ShortDeadline, 'realMs'>[] = [];
	for (const d of Object.values(state.decisions)) {
		if (d.status !== 'open') continue;
		if (d.deadlineAt <= now) continue;
		windows.push({ injectId: d.injectId, title: state.injects[d.injectId]?.inject.title ?? '', team: d.team, exerciseMs: d.deadlineAt - d.openedAt });
	}
	for (const id of state.injectOrder) {
		const i = state.injects[id];
		if (!i?.inject.decision || i.status === 'released' || i.status === 'skipped') continue;
		windows.push({ injectId: id, title: i.inject.title, team: null, exerciseMs: i.inject.decision.deadlineMinutes * MINUTE });
	}
	const short = windows
		.filter((w) => w.exerciseMs >= thresholdMs && w.exerciseMs / speed < thresholdMs)
		.map((w) => ({ ...w, realMs: w.exerciseMs / speed }))
		.sort((a, b) => a.realMs - b.realMs);
	return short.length ? { speed, short } : null;
}

/** The fastest of `speeds` that leaves every deadline at least `thresholdMs` of real time (1 if none does). */
export function fastestSafeSpeed(state: ExerciseState, now: number, speeds: readonly number[], thresholdMs = SHORT_DEADLINE_REAL_MS): number {
	const safe = speeds.filter((s) => speedWarning(state, now, s, thresholdMs) === null);
	return safe.length ? Math.max(...safe) : 1;
}
