/**
 * Exercise time as people read it. Exercise time travels in two units — ms in
 * the clock, views and events, minutes in the scenario file and the movement
 * model — so each formatter's name says which unit it takes.
 */
import { MINUTE } from './clock';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "01:05:09": the exercise clock, from ms since STARTEX (cut to the second; negative shows as 00:00:00). */
export function formatClockMs(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60].map(pad2).join(':');
}

/** "01:31": exercise minutes as hh:mm, rounded to the minute. */
export function formatHhmmFromMinutes(min: number): string {
	const m = Math.round(min);
	return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** "01:30:30", or "01:30" when the seconds are zero: exercise minutes, rounded to the second (MSEL time cells). */
export function formatHhmmssFromMinutes(minutes: number): string {
	const totalSeconds = Math.round(minutes * 60);
	const h = Math.floor(totalSeconds / 3600);
	const m = Math.floor((totalSeconds % 3600) / 60);
	const s = totalSeconds % 60;
	return `${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

/** "4.5 min": a duration in ms, as minutes with one decimal under 10 minutes, whole minutes above. */
export function formatDurationMs(ms: number): string {
	const m = ms / MINUTE;
	const shown = Math.abs(m) < 10 ? Math.round(m * 10) / 10 : Math.round(m);
	return `${shown} min`;
}
