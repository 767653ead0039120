/**
 * What the exercise map needs to know about one entity at the current exercise time.
 * The page derives these from the server's projection; the map only draws them.
 */
export interface MapEntity {
	id: string;
	name: string;
	/** vessel, aircraft, storm, boat, port, shelter… (shown in tooltips/panels, not styled). */
	kind: string;
	/** Drives the symbol colour; see {@link CATEGORY_COLORS}. */
	category: string;
	/** [longitude, latitude] in decimal degrees (GeoJSON order). */
	position: [number, number];
	/** Degrees true; null when stationary (no vector is drawn). */
	headingDeg: number | null;
	speedKnots: number;
	/** Owning team id, if the entity is a team's asset. */
	team?: string;
	/** True when the entity belongs to the viewer's own team (drawn with a highlighted ring). */
	own?: boolean;
}

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
