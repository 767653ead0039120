/**
 * Which series a chart shows (pure): the ids switched off in its legend, toggled one at a time, and the
 * sharing graph's routes that remain when teams are switched off. Used by SeriesLegend and the three charts;
 * unit-tested in `series.unit.spec.ts`.
 */

/** `hidden` with `id` switched: added when shown, removed when hidden. Order of the others is kept. */
export function toggled(hidden: readonly string[], id: string): string[] {
	return hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id];
}

/** The items whose id is not hidden, in their order. */
export function shown<T extends { id: string }>(items: readonly T[], hidden: readonly string[]): T[] {
	return items.filter((i) => !hidden.includes(i.id));
}

/** The names of the hidden items, in the items' order (for the chart's text alternative). */
export function hiddenNames(items: readonly { id: string; name: string }[], hidden: readonly string[]): string[] {
	return items.filter((i) => hidden.includes(i.id)).map((i) => i.name);
}

/** Routes between teams that are both shown: a hidden team's messages, sent or received, go with it. */
export function routesBetweenShown<E extends { from: string; to: string }>(edges: readonly E[], hidden: readonly string[]): E[] {
	return edges.filter((e) => !hidden.includes(e.from) && !hidden.includes(e.to));
}
