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

/** "11 h 05 min", or "45 min" under an hour: a span of exercise minutes, rounded to the minute before it is split (never "11 h 60 min"). */
export function formatHoursMinutesFromMinutes(min: number): string {
	const m = Math.max(0, Math.round(min));
	const h = Math.floor(m / 60);
	return h > 0 ? `${h} h ${pad2(m % 60)} min` : `${m} min`;
}

/** "9:05" or "1:02:03": a countdown in ms, rounded up to the second (a deadline 0.4 s away still shows 0:01). */
export function formatCountdownMs(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}
