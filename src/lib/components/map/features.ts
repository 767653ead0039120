/**
 * What the map's sources hold (pure): the map picture's entities turned into GeoJSON features with the
 * properties the style reads — icon, colour, heading, label, drawing priority — plus speed vectors and
 * fading trails. Facilities (ports, shelters) go to their own source, which MapLibre clusters.
 */
import { destination } from '@turf/destination';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { entityStatusWords } from '$lib/i18n/map-words';
import { m } from '$lib/paraglide/messages';
import { categoryColor, type MapEntity, type MapTrail } from '../map-entity';
import type { IconName } from './icons';

/** Minutes of travel a speed vector shows: its length grows with speed. */
export const VECTOR_MINUTES = 15;
/** Pieces a trail is cut into, oldest faintest. */
const TRAIL_PIECES = 6;
const SUSPECT = '#d32f2f';
const LOST = '#7a7a7a';
const TRAIL_DEFAULT = '#455a64';

export interface EntityProps {
	id: string;
	label: string;
	icon: IconName;
	color: string;
	/** Degrees clockwise from north; 0 for symbols that do not turn. */
	rotate: number;
	own: boolean;
	suspect: boolean;
	lost: boolean;
	/** Lower is placed first when labels compete (own assets, then suspects, then other contacts). */
	rank: number;
}

export interface FacilityProps extends EntityProps {
	capacity: number;
	occupancy: number;
}

const isFacility = (e: MapEntity) => e.kind === 'port' || e.kind === 'shelter';
const moving = (e: MapEntity) => e.headingDeg !== null && e.speedKnots > 0;

function iconOf(e: MapEntity): IconName {
	switch (e.kind) {
		case 'vessel':
			return e.headingDeg === null ? 'vessel-still' : 'vessel';
		case 'boat':
			return e.headingDeg === null ? 'boat-still' : 'boat';
		case 'aircraft':
			return 'aircraft';
		case 'storm':
			return 'storm';
		case 'port':
			return 'port';
		case 'shelter':
			return 'shelter';
		default:
			return 'vessel-still';
	}
}

/** The label: the name, and the status (a facility's load, an asset's order) on a second line, in the reader's words. */
export function labelOf(e: MapEntity): string {
	const name = e.lost ? m.map_label_lost({ name: e.name }) : e.name;
	return e.status ? `${name}\n${entityStatusWords(e.status)}` : name;
}

function propsOf(e: MapEntity): EntityProps {
	const suspect = e.category === 'suspect';
	const lost = e.lost === true;
	const icon = iconOf(e);
	const turns = icon === 'vessel' || icon === 'boat' || icon === 'aircraft';
	return {
		id: e.id,
		label: labelOf(e),
		icon,
		color: lost ? LOST : suspect ? SUSPECT : categoryColor(e.category),
		rotate: turns ? (e.headingDeg ?? 0) : 0,
		own: e.own === true,
		suspect,
		lost,
		rank: e.own ? 0 : suspect ? 1 : e.kind === 'storm' ? 3 : 2
	};
}

const point = <P>(e: MapEntity, properties: P): Feature<Point, P> => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [e.position[0], e.position[1]] },
	properties
});

/** Vessels, aircraft, boats and storms. */
export function moverFeatures(list: readonly MapEntity[]): FeatureCollection<Point, EntityProps> {
	return { type: 'FeatureCollection', features: list.filter((e) => !isFacility(e)).map((e) => point(e, propsOf(e))) };
}

/** Ports and shelters, with the numbers a cluster sums. */
export function facilityFeatures(list: readonly MapEntity[]): FeatureCollection<Point, FacilityProps> {
	return {
		type: 'FeatureCollection',
		features: list.filter(isFacility).map((e) => point(e, { ...propsOf(e), rank: 4, capacity: e.capacity ?? 0, occupancy: e.occupancy ?? 0 }))
	};
}

/** A line from each moving entity to where it will be after VECTOR_MINUTES at its heading and speed. */
export function speedVectors(list: readonly MapEntity[]): FeatureCollection<LineString, { id: string; color: string }> {
	const features: Feature<LineString, { id: string; color: string }>[] = [];
	for (const e of list) {
		if (!moving(e) || e.lost) continue;
		const start: [number, number] = [e.position[0], e.position[1]];
		const end = destination(start, e.speedKnots * (VECTOR_MINUTES / 60), e.headingDeg!, { units: 'nauticalmiles' }).geometry.coordinates;
		features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [start, end] }, properties: { id: e.id, color: propsOf(e).color } });
	}
	return { type: 'FeatureCollection', features };
}

/**
 * Past tracks cut into up to TRAIL_PIECES pieces whose `fade` (the line's opacity) rises from the oldest
 * piece to the newest, so a trail fades out behind its entity. Coloured like the entity when the ids match.
 */
export function fadingTrails(
	trails: readonly MapTrail[],
	entities: readonly MapEntity[]
): FeatureCollection<LineString, { id: string; color: string; fade: number }> {
	const colorById = new Map(entities.map((e) => [e.id, propsOf(e).color]));
	const features: Feature<LineString, { id: string; color: string; fade: number }>[] = [];
	for (const t of trails) {
		const points = t.coordinates.map((c): [number, number] => [c[0], c[1]]);
		if (points.length < 2) continue;
		const pieces = Math.min(TRAIL_PIECES, points.length - 1);
		for (let i = 0; i < pieces; i++) {
			const from = Math.floor((i * (points.length - 1)) / pieces);
			const to = Math.floor(((i + 1) * (points.length - 1)) / pieces);
			features.push({
				type: 'Feature',
				geometry: { type: 'LineString', coordinates: points.slice(from, to + 1) },
				properties: { id: t.id, color: colorById.get(t.id) ?? TRAIL_DEFAULT, fade: Math.round((0.15 + (0.7 * (i + 1)) / pieces) * 100) / 100 }
			});
		}
	}
	return { type: 'FeatureCollection', features };
}

/** Planned courses (thin lines ahead of the viewer's assets). */
export function planLines(plans: readonly MapTrail[]): FeatureCollection<LineString, { id: string }> {
	return {
		type: 'FeatureCollection',
		features: plans
			.filter((p) => p.coordinates.length >= 2)
			.map((p) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: p.coordinates.map((c) => [c[0], c[1]]) }, properties: { id: p.id } }))
	};
}
