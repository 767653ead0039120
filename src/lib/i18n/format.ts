/**
 * Numbers, dates, times and durations in the reader's language, through `Intl` (the browser's own locale data, so
 * nothing to ship). Nautical units stay knots and nautical miles in every language, as seafarers and the region's
 * coast guards use them; only the number in front is localised ("12,5 nm" in French, "12.5 nm" in English).
 *
 * Exercise clock times ("01:05:09") are not here: they read the same in all five languages, see
 * `engine/exercise/time-format.ts`. Formatters are cached per locale and options, as `Intl` objects are costly to build.
 */
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The locale `Intl` formats with. ICU has no Haitian Creole data (Node and Chromium fall back to English), so `ht`
 * formats numbers as Haiti writes them, the French way ("12 345,6"); its dates are written in figures (see
 * `formatDate`) rather than with French month names, and its lists are joined with "ak" (see `formatList`).
 */
const intlLocale = (locale: string) => (locale === 'ht' ? 'fr' : locale);

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
	kind: string,
	options: object,
	make: (locale: string) => T,
	locale: string = getLocale()
): T {
	const key = `${kind}|${locale}|${JSON.stringify(options)}`;
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make(intlLocale(locale))));
	return f;
}

/** "1,234" / "1 234" / "1.234": a count or measure, with at most `maximumFractionDigits` decimals (default 0). */
export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}, locale?: string): string {
	const o = { maximumFractionDigits: 0, ...options };
	return cached('n', o, (l) => new Intl.NumberFormat(l, o), locale).format(n);
}

/** "62 %": a share from 0 to 1. */
export const formatPercent = (share: number, locale?: string) => formatNumber(share, { style: 'percent' }, locale);

/** "25 kn": a speed, whole knots. */
export const formatKnots = (kn: number, locale?: string) => `${formatNumber(Math.round(kn), {}, locale)} kn`;

/** "4.5 nm" under 10 nm, "37 nm" above: a distance in nautical miles. */
export const formatNm = (nm: number, locale?: string) =>
	`${formatNumber(nm, { maximumFractionDigits: nm < 10 ? 1 : 0, minimumFractionDigits: nm < 10 ? 1 : 0 }, locale)} nm`;

/** "12.34°N 61.75°W": a position as the map and the assets panel show it (hemisphere letters are international). */
export function formatPosition([lon, lat]: readonly [number, number], locale?: string): string {
	const deg = (v: number) => formatNumber(Math.abs(v), { minimumFractionDigits: 2, maximumFractionDigits: 2 }, locale);
	return `${deg(lat)}°${lat < 0 ? 'S' : 'N'} ${deg(lon)}°${lon < 0 ? 'W' : 'E'}`;
}

function unit(value: number, unitName: 'minute' | 'hour' | 'second', locale?: string, maximumFractionDigits = 0): string {
	const o = { style: 'unit', unit: unitName, unitDisplay: 'short', maximumFractionDigits } as const;
	return cached('u', o, (l) => new Intl.NumberFormat(l, o), locale).format(value);
}

/** "4.5 min" under 10 minutes, "25 min" above: a short duration in ms (decision latency, time to share). */
export function formatMinutesMs(ms: number, locale?: string): string {
	const min = ms / 60_000;
	return unit(min, 'minute', locale, Math.abs(min) < 10 ? 1 : 0);
}

/** "11 h 05 min", or "45 min" under an hour: a span of exercise minutes, rounded to the minute before it is split. */
export function formatHoursMinutes(minutes: number, locale?: string): string {
	const total = Math.max(0, Math.round(minutes));
	const h = Math.floor(total / 60);
	if (h === 0) return unit(total, 'minute', locale);
	const mm = cached('mm', {}, (l) => new Intl.NumberFormat(l, { minimumIntegerDigits: 2 }), locale).format(total % 60);
	return `${unit(h, 'hour', locale)} ${unit(0, 'minute', locale).replace(/0/, mm)}`;
}

/** "14 s": whole seconds (a real-time countdown at speed). */
export const formatSeconds = (s: number, locale?: string) => unit(Math.round(s), 'second', locale);

/** A wall-clock moment (when an exercise was created, a report prepared): "2 Dec 2026, 18:05" in the reader's style. */
export function formatDateTime(wall: number, locale: string = getLocale()): string {
	const o = locale === 'ht' ? ({ dateStyle: 'short', timeStyle: 'short' } as const) : ({ dateStyle: 'medium', timeStyle: 'short' } as const);
	return cached('dt', o, (l) => new Intl.DateTimeFormat(l, o), locale).format(wall);
}

/** A wall-clock date: "2 December 2026" (`long`) or "2 Dec 2026" (`medium`); in figures in Haitian Creole ("02/12/2026"). */
export function formatDate(wall: number, style: 'long' | 'medium' = 'medium', locale: string = getLocale()): string {
	const o = { dateStyle: locale === 'ht' ? 'short' : style } as const;
	return cached('d', o, (l) => new Intl.DateTimeFormat(l, o), locale).format(wall);
}

/** A wall-clock time of day: "18:05". */
export function formatTimeOfDay(wall: number, locale?: string): string {
	const o = { timeStyle: 'short' } as const;
	return cached('t', o, (l) => new Intl.DateTimeFormat(l, o), locale).format(wall);
}

/** "Coast guard, Customs and Police": names joined as the reader's language joins a list. */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction', locale: string = getLocale()): string {
	if (locale === 'ht') {
		const last = items.at(-1);
		return items.length < 2 ? (last ?? '') : `${items.slice(0, -1).join(', ')} ${type === 'conjunction' ? 'ak' : 'oswa'} ${last}`;
	}
	const o = { style: 'long', type } as const;
	return cached('l', o, (l) => new Intl.ListFormat(l, o), locale).format(items);
}
