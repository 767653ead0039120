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

/** "2 min past the planned end (01:30)", "at the planned end (01:30)": how the prompt says it. */
export function describeOverrun(prompt: EndexPrompt): string {
	const planned = formatHhmmFromMinutes(prompt.plannedMs / MINUTE);
	const over = Math.floor(prompt.overMs / MINUTE);
	if (over < 1) return `The scenario's planned end (${planned}) is reached.`;
	const h = Math.floor(over / 60);
	const m = over % 60;
	const amount = h ? `${h} h ${m} min` : `${m} min`;
	return `${amount} past the scenario's planned end (${planned}).`;
}
