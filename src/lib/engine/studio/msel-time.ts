/**
 * Exercise minutes as the studio's MSEL table shows and takes them (pure): "1:05" for 65 minutes, and back from what
 * a planner types in a time cell — "65", "1:05", "01:05:30", "1h05", "1 h 5", "T+1:05", "2,5".
 */
import { parseExerciseMinutes } from '../formats/msel-cells';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "1:05", or "1:05:30" when the minute is not whole (rounded to the second). */
export function formatMinute(minutes: number): string {
	const seconds = Math.max(0, Math.round(minutes * 60));
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	return `${h}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

/** The minutes a planner typed, or null when it is not a time. */
export function parseMinute(text: string): number | null {
	const t = text.trim().toLowerCase();
	const hours = /^(\d{1,2})\s*h\s*(?:([0-5]?\d)\s*(?:m|min)?)?$/.exec(t);
	if (hours) return Number(hours[1]) * 60 + Number(hours[2] ?? 0);
	const minutes = /^(\d+(?:[.,]\d+)?)\s*(?:m|min)$/.exec(t);
	if (minutes) return Number(minutes[1]!.replace(',', '.'));
	return parseExerciseMinutes(t);
}
