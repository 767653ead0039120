/**
 * The map in words (pure): what the legend explains and what the text list of the map says about each
 * entity, for readers who cannot see the map. English for now (issue 12 moves these to catalogues).
 */
import { categoryColor, type MapEntity } from '../map-entity';
import type { IconName } from './icons';

export const CATEGORY_WORDS: Readonly<Record<string, string>> = {
	'law-enforcement': 'Law enforcement',
	military: 'Military',
	suspect: 'Suspect or dark contact',
	cargo: 'Cargo',
	fishing: 'Fishing',
	passenger: 'Passenger',
	'high-speed': 'High-speed craft',
	displaced: 'Displaced people',
	facility: 'Port or shelter',
	weather: 'Weather',
	unknown: 'Unknown'
};

const KIND_WORDS: Readonly<Record<string, string>> = {
	vessel: 'vessel',
	aircraft: 'aircraft',
	storm: 'storm',
	boat: 'boat',
	port: 'port',
	shelter: 'shelter'
};

const POINTS = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];

/** "north-east (045°)". */
export function headingWords(deg: number): string {
	const d = ((Math.round(deg) % 360) + 360) % 360;
	return `${POINTS[Math.round(d / 45) % 8]} (${String(d).padStart(3, '0')}°)`;
}

/** One line for the text list: "TTCG Cutter 1 — law enforcement vessel, your team's, heading north (000°) at 25 kn". */
export function describeEntity(e: MapEntity): string {
	const what = `${(CATEGORY_WORDS[e.category] ?? CATEGORY_WORDS.unknown!).toLowerCase()} ${KIND_WORDS[e.kind] ?? 'contact'}`;
	const parts = [e.category === 'facility' ? (KIND_WORDS[e.kind] ?? 'facility') : what];
	if (e.own) parts.push("your team's");
	if (e.lost) parts.push('contact lost, last known position');
	else if (e.headingDeg !== null && e.speedKnots > 0) parts.push(`heading ${headingWords(e.headingDeg)} at ${Math.round(e.speedKnots)} kn`);
	else if (e.kind !== 'port' && e.kind !== 'shelter') parts.push('stopped');
	if (e.status) parts.push(e.status);
	return `${e.name} — ${parts.join(', ')}`;
}

/** The text list's order: own assets, then suspects, then other contacts, then facilities; by name within each. */
export function listOrder(list: readonly MapEntity[]): MapEntity[] {
	const group = (e: MapEntity) => (e.own ? 0 : e.category === 'suspect' ? 1 : e.category === 'facility' ? 3 : 2);
	return [...list].sort((a, b) => group(a) - group(b) || a.name.localeCompare(b.name, 'en'));
}

export interface LegendEntry {
	key: string;
	label: string;
	color: string;
	icon: IconName;
}

/** The colours present on the map, in the legend's order (categories that are not drawn are left out). */
export function legendColors(list: readonly MapEntity[]): LegendEntry[] {
	const present = new Set(list.map((e) => e.category));
	return Object.keys(CATEGORY_WORDS)
		.filter((c) => present.has(c))
		.map((c) => ({ key: c, label: CATEGORY_WORDS[c]!, color: c === 'suspect' ? '#d32f2f' : categoryColor(c), icon: c === 'facility' ? 'port' : 'vessel' }));
}

/** The symbol shapes, always explained. */
export const LEGEND_SHAPES: readonly { icon: IconName; label: string }[] = [
	{ icon: 'vessel', label: 'Vessel, pointing where it heads; the line ahead is 15 minutes at its speed' },
	{ icon: 'boat', label: 'Small boat' },
	{ icon: 'aircraft', label: 'Aircraft' },
	{ icon: 'vessel-still', label: 'Stopped or heading unknown' },
	{ icon: 'port', label: 'Port (people waiting / places)' },
	{ icon: 'shelter', label: 'Shelter (people sheltered / places)' },
	{ icon: 'cluster', label: 'Several ports and shelters: zoom in or click to separate' },
	{ icon: 'storm', label: 'Storm centre, with its wind fields' },
	{ icon: 'dot', label: 'Capital city' }
];
