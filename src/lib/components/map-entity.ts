/** What the map draws for one entity: derived from the exercise state by the engine's map picture. */
export type { MapEntity, MapRing } from '$lib/engine/sim/map-picture';

/** A past track line; `id` normally matches the entity it belongs to (it then takes its colour). */
export interface MapTrail {
	id: string;
	coordinates: [number, number][];
}

/** Symbol colour per entity category (scenario-schema ENTITY_CATEGORIES). */
export const CATEGORY_COLORS: Readonly<Record<string, string>> = {
	'law-enforcement': '#1f5fbf', // blue
	military: '#2e5e2e', // dark green
	suspect: '#d32f2f', // red
	cargo: '#78818a', // slate grey
	fishing: '#00897b', // teal
	passenger: '#7b3fa6', // purple
	'high-speed': '#f57c00', // orange
	displaced: '#ffb300', // amber
	facility: '#212121', // black
	weather: '#b5179e', // magenta
	unknown: '#a3a3a3' // light grey (lighter than cargo so the two stay apart)
};

/** Colour for a category, falling back to the "unknown" grey for anything unlisted. */
export function categoryColor(category: string): string {
	return CATEGORY_COLORS[category] ?? CATEGORY_COLORS.unknown;
}
