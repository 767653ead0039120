/**
 * The map in words: what the legend explains and what the text list of the map says about each entity, for
 * readers who cannot see the map, in the reader's language (the catalogues' `map_…` messages).
 */
import { entityStatusWords } from '$lib/i18n/map-words';
import { formatKnots } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { categoryColor, type MapEntity } from '../map-entity';
import type { IconName } from './icons';

/** The categories' names, in the legend's order. */
const CATEGORY_WORDS: Readonly<Record<string, () => string>> = {
	'law-enforcement': m.map_category_law_enforcement,
	military: m.map_category_military,
	suspect: m.map_category_suspect,
	cargo: m.map_category_cargo,
	fishing: m.map_category_fishing,
	passenger: m.map_category_passenger,
	'high-speed': m.map_category_high_speed,
	displaced: m.map_category_displaced,
	facility: m.map_category_facility,
	weather: m.map_category_weather,
	unknown: m.map_category_unknown
};

/** "Law enforcement": a category's name (an unknown category is "Unknown"). */
export const categoryWord = (category: string): string => (CATEGORY_WORDS[category] ?? CATEGORY_WORDS.unknown!)();

const KIND_WORDS: Readonly<Record<string, () => string>> = {
	vessel: m.map_kind_vessel,
	aircraft: m.map_kind_aircraft,
	storm: m.map_kind_storm,
	boat: m.map_kind_boat,
	port: m.map_kind_port,
	shelter: m.map_kind_shelter
};

const POINTS = [
	m.map_direction_n,
	m.map_direction_ne,
	m.map_direction_e,
	m.map_direction_se,
	m.map_direction_s,
	m.map_direction_sw,
	m.map_direction_w,
	m.map_direction_nw
];

/** "north-east" and "045": a heading's nearest compass point and its degrees. */
export function headingWords(deg: number): { direction: string; degrees: string } {
	const d = ((Math.round(deg) % 360) + 360) % 360;
	return { direction: POINTS[Math.round(d / 45) % 8]!(), degrees: String(d).padStart(3, '0') };
}

/** "law enforcement" inside a sentence; "AIS" stays as it is written. */
const lowerFirst = (text: string, locale: string) => text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);

/** One line for the text list: "TTCG Cutter 1 — law enforcement vessel, your team's, heading north (000°) at 25 kn". */
export function describeEntity(e: MapEntity): string {
	const locale = getLocale();
	const kind = KIND_WORDS[e.kind];
	const what =
		e.category === 'facility'
			? (kind ?? m.map_kind_facility)()
			: m.map_describe_kind({ category: lowerFirst(categoryWord(e.category), locale), kind: (kind ?? m.map_kind_contact)() });
	const parts = [what];
	if (e.own) parts.push(m.map_describe_own());
	if (e.lost) parts.push(m.map_describe_lost());
	else if (e.headingDeg !== null && e.speedKnots > 0) parts.push(m.map_describe_heading({ ...headingWords(e.headingDeg), speed: formatKnots(e.speedKnots) }));
	else if (e.kind !== 'port' && e.kind !== 'shelter') parts.push(m.map_describe_stopped());
	if (e.status) parts.push(entityStatusWords(e.status));
	return m.map_describe_line({ name: e.name, details: parts.join(', ') });
}

/** The text list's order: own assets, then suspects, then other contacts, then facilities; by name within each. */
export function listOrder(list: readonly MapEntity[]): MapEntity[] {
	const group = (e: MapEntity) => (e.own ? 0 : e.category === 'suspect' ? 1 : e.category === 'facility' ? 3 : 2);
	return [...list].sort((a, b) => group(a) - group(b) || a.name.localeCompare(b.name, getLocale()));
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
		.map((c) => ({ key: c, label: categoryWord(c), color: c === 'suspect' ? '#d32f2f' : categoryColor(c), icon: c === 'facility' ? 'port' : 'vessel' }));
}

/** The symbol shapes, always explained. */
export const legendShapes = (): readonly { icon: IconName; label: string }[] => [
	{ icon: 'vessel', label: m.map_shape_vessel() },
	{ icon: 'boat', label: m.map_shape_boat() },
	{ icon: 'aircraft', label: m.map_shape_aircraft() },
	{ icon: 'vessel-still', label: m.map_shape_still() },
	{ icon: 'port', label: m.map_shape_port() },
	{ icon: 'shelter', label: m.map_shape_shelter() },
	{ icon: 'cluster', label: m.map_shape_cluster() },
	{ icon: 'storm', label: m.map_shape_storm() },
	{ icon: 'dot', label: m.map_shape_capital() }
];
