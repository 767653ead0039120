/**
 * ENDEX: when exercise time reaches the scenario's planned length, the controller is asked whether to end play.
 * The prompt is the controller's to dismiss ("Keep playing"); it comes back after `REMIND_AFTER_MS` more exercise time.
 */
import { MINUTE } from './clock';
import type { ExerciseState } from './state';
import { formatHhmmFromMinutes } from './time-format';

export const REMIND_AFTER_MS = 15 * MINUTE;

export interface EndexPrompt {
	/** The planned length, exercise ms. */
	plannedMs: number;
	/** How far past it play is now, exercise ms (0 at the moment it is reached). */
	overMs: number;
}

/**
 * The prompt to show now, or null: play is running or paused, the planned length is reached, and the controller
 * has not chosen to keep playing in the last `REMIND_AFTER_MS` (`keptPlayingAt`: the exercise time they did).
 */
export function endexPrompt(state: ExerciseState, now: number, keptPlayingAt: number | null = null): EndexPrompt | null {
	if (!state.scenario || (state.status !== 'running' && state.status !== 'paused')) return null;
	const plannedMs = state.scenario.durationMinutes * MINUTE;
	if (now < plannedMs) return null;
	if (keptPlayingAt !== null && now < keptPlayingAt + REMIND_AFTER_MS) return null;
	return { plannedMs, overMs: now - plannedMs };
}

/**
 * How far past the planned end play is, for the prompt to word: the planned end as an exercise time ("01:30") and
 * the whole minutes since (0 at the moment it is reached).
 */
export function overrunOf(prompt: EndexPrompt): { planned: string; overMinutes: number } {
	return { planned: formatHhmmFromMinutes(prompt.plannedMs / MINUTE), overMinutes: Math.max(0, Math.floor(prompt.overMs / MINUTE)) };
}
