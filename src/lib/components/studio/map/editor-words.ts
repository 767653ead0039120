/**
 * The map editor's words for what the draft holds as codes: kinds of entity, the fields a change of kind removes,
 * and a leg's warning in a sentence, in the reader's language.
 */
import type { EntityKind } from '$lib/engine/scenario/vocabulary';
import type { TrackLeg } from '$lib/engine/studio/track-legs';
import { formatKnots, formatList, formatNm } from '$lib/i18n/format';
import { placeWord } from '$lib/i18n/map-words';
import { m } from '$lib/paraglide/messages';

export const KIND_WORDS: Record<EntityKind, () => string> = {
	vessel: m.studiomap_kind_vessel,
	aircraft: m.studiomap_kind_aircraft,
	boat: m.studiomap_kind_boat,
	storm: m.studiomap_kind_storm,
	port: m.studiomap_kind_port,
	shelter: m.studiomap_kind_shelter
};

/** "Vessel": a kind's name as a label; anything else as the draft wrote it. */
export const kindWord = (kind: unknown): string => (typeof kind === 'string' && kind in KIND_WORDS ? KIND_WORDS[kind as EntityKind]() : String(kind ?? '—'));

/** The side form's label of each field that belongs to some kinds only. */
export const FIELD_WORDS: Record<string, () => string> = {
	speedKnots: m.studiomap_field_speed,
	enduranceHours: m.studiomap_field_endurance,
	sensorRangeNm: m.studiomap_field_sensor_range,
	people: m.studiomap_field_people,
	destination: m.studiomap_field_destination,
	distressAt: m.studiomap_field_distress_at,
	stormCategory: m.studiomap_field_storm_category,
	windRadiiNm: m.studiomap_field_wind_radii,
	state: m.studiomap_field_state,
	capacity: m.studiomap_field_capacity,
	staff: m.studiomap_field_staff,
	maxStaff: m.studiomap_field_max_staff,
	open: m.studiomap_field_open
};

/** "people aboard, destination port and distress minute": the fields a change of kind removes, named as the form names them. */
export const fieldList = (fields: readonly string[]): string => formatList(fields.map((f) => (FIELD_WORDS[f] ?? (() => f))()));

/**
 * What is wrong with a leg, in sentences ("Points 2 → 3: 38 kn over 12.5 nm, faster than its 25 kn"); none when
 * nothing is. Points are numbered from 1, as on the map.
 */
export function legWarnings(leg: TrackLeg, speedKnots: unknown): string[] {
	const points = { from: leg.from.index + 1, to: leg.to.index + 1 };
	const words: string[] = [];
	if (leg.knots === null) words.push(m.studiomap_warn_no_time(points));
	else if (leg.tooFast && typeof speedKnots === 'number')
		words.push(m.studiomap_warn_too_fast({ ...points, speed: formatKnots(leg.knots), distance: formatNm(leg.distanceNm), max: formatKnots(speedKnots) }));
	if (leg.crossesLand) words.push(m.studiomap_warn_land({ ...points, state: placeWord(leg.crossesLand.state) }));
	return words;
}
