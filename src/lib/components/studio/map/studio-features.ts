/**
 * What the studio's map draws from a draft (no DOM, no map): the entities as the exercise map draws them (at their
 * first track point, heading along their first leg), their tracks leg by leg with the speed each leg implies (red
 * and dashed when too fast or over land), storm wind fields, the areas, and the handles the planner drags (the
 * selected entity's track points, the selected area's corners, or its centre and radius). The draft's data may be
 * half-written: anything without a usable position is left out, never a crash.
 */
import turfBearing from '@turf/bearing';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { EntityKind } from '$lib/engine/scenario/vocabulary';
import { circleRing } from '$lib/engine/sim/map-picture';
import type { EntityCategory } from '$lib/engine/studio/entity-kinds';
import { trackLegs, type TrackLeg } from '$lib/engine/studio/track-legs';
import { radiusHandle, usableTrack, type LonLat } from '$lib/engine/studio/track-edit';
import { formatKnots } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { categoryColor, type MapEntity, type MapRing } from '../../map-entity';

/** What "Add entity" asks before the entity is placed. */
export interface EntityStart {
	name: string;
	kind: EntityKind;
	category: EntityCategory;
}

export type AreaShape = 'polygon' | 'circle';

export type Selection = { type: 'entity'; index: number } | { type: 'area'; index: number } | null;

/** A handle the planner can drag: a track point of the selected entity, a corner of the selected area, a circle's centre or radius. */
export type HandleId = `point:${number}` | `corner:${number}` | 'centre' | 'radius';

const SUSPECT = '#d32f2f';
const WARN = '#b3261e';

const isLonLat = (p: unknown): p is LonLat =>
	Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x)) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
const record = (x: unknown): Record<string, unknown> => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
export const listOf = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** How an item of the draft is named on the map and in the lists: its name, else its id, else its place in the list. */
export function nameOf(item: unknown, index: number): string {
	const { name, id } = record(item);
	if (typeof name === 'string' && name.trim()) return name;
	if (typeof id === 'string' && id) return id;
	return `#${index + 1}`;
}

/**
 * The legs of each entity, worked out once per track: an entity whose kind, speed and track have not changed
 * keeps its legs (the land test samples every half mile, and a drag redraws the map on every mouse move).
 */
export function legCache(limit = 1000): (entity: unknown) => TrackLeg[] {
	let cache = new Map<string, TrackLeg[]>();
	return (entity) => {
		const { kind, speedKnots, track } = record(entity);
		const key = JSON.stringify([kind, speedKnots, track]);
		let legs = cache.get(key);
		if (!legs) {
			if (cache.size >= limit) cache = new Map();
			legs = trackLegs({ kind, speedKnots, track });
			cache.set(key, legs);
		}
		return legs;
	};
}

/** A leg the map warns of: faster than the entity can go, over land, or with no time to sail it. */
export const legWarns = (leg: TrackLeg): boolean => leg.tooFast || leg.crossesLand !== null || leg.knots === null;

/** "14 kn", "38 kn (max. 25 kn)", "14 kn, over land", "no time": a leg's label on the map. */
export function legLabel(leg: TrackLeg, speedKnots: unknown): string {
	if (leg.knots === null) return m.studiomap_leg_label_no_time();
	const speed = formatKnots(leg.knots);
	if (leg.tooFast && typeof speedKnots === 'number') return m.studiomap_leg_label_fast({ speed, max: formatKnots(speedKnots) });
	if (leg.crossesLand) return m.studiomap_leg_label_land({ speed });
	return speed;
}

/** The draft's entities as the exercise map draws them (ids are their places in the list: a click names the index); the selected one is marked by its handles. */
export function entityMarks(entities: unknown): MapEntity[] {
	const marks: MapEntity[] = [];
	listOf(entities).forEach((item, index) => {
		const e = record(item);
		const points = usableTrack(e.track);
		const first = points[0];
		if (!first || !isLonLat(first.position)) return;
		const next = points.find((p) => p.index > first.index && (p.position[0] !== first.position[0] || p.position[1] !== first.position[1]));
		const kind = typeof e.kind === 'string' ? e.kind : 'vessel';
		const heading = next && (kind === 'vessel' || kind === 'boat' || kind === 'aircraft') ? turfBearing(first.position, next.position) : null;
		marks.push({
			id: String(index),
			name: nameOf(e, index),
			kind,
			category: typeof e.category === 'string' ? e.category : 'unknown',
			position: first.position,
			headingDeg: heading === null ? null : (heading + 360) % 360,
			speedKnots: 0,
			...(kind === 'port' || kind === 'shelter' ? { capacity: typeof e.capacity === 'number' ? e.capacity : 0, occupancy: 0 } : {})
		});
	});
	return marks;
}

/** A storm's wind fields around its first track point. */
export function stormRings(entities: unknown): MapRing[] {
	const rings: MapRing[] = [];
	listOf(entities).forEach((item, index) => {
		const e = record(item);
		if (e.kind !== 'storm') return;
		const first = usableTrack(e.track)[0];
		const radii = record(e.windRadiiNm);
		if (!first) return;
		if (typeof radii.tropicalStorm === 'number' && radii.tropicalStorm > 0)
			rings.push({ id: `${index}-ts`, kind: 'tropical-storm', ring: circleRing(first.position, radii.tropicalStorm) });
		if (typeof radii.hurricane === 'number' && radii.hurricane > 0)
			rings.push({ id: `${index}-h`, kind: 'hurricane', ring: circleRing(first.position, radii.hurricane) });
	});
	return rings;
}

export interface LegProps {
	entity: number;
	leg: number;
	warn: boolean;
	selected: boolean;
	color: string;
}
export interface LegLabelProps {
	label: string;
	warn: boolean;
	selected: boolean;
}

/**
 * Every entity's legs as lines, and their labels at their middles: the selected entity's legs all labelled, the
 * others' only where they warn (so forty tracks do not bury the map in numbers).
 */
export function trackFeatures(
	entities: unknown,
	legsOf: (entity: unknown) => TrackLeg[],
	selected: Selection
): { lines: FeatureCollection<LineString, LegProps>; labels: FeatureCollection<Point, LegLabelProps> } {
	const lines: Feature<LineString, LegProps>[] = [];
	const labels: Feature<Point, LegLabelProps>[] = [];
	listOf(entities).forEach((item, index) => {
		const e = record(item);
		const isSelected = selected?.type === 'entity' && selected.index === index;
		const color = e.category === 'suspect' ? SUSPECT : categoryColor(typeof e.category === 'string' ? e.category : 'unknown');
		legsOf(e).forEach((leg, k) => {
			const warn = legWarns(leg);
			lines.push({
				type: 'Feature',
				geometry: { type: 'LineString', coordinates: [leg.from.position, leg.to.position] },
				properties: { entity: index, leg: k, warn, selected: isSelected, color: warn ? WARN : color }
			});
			if (!isSelected && !warn) return;
			const middle: LonLat = [(leg.from.position[0] + leg.to.position[0]) / 2, (leg.from.position[1] + leg.to.position[1]) / 2];
			labels.push({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: middle },
				properties: { label: legLabel(leg, e.speedKnots), warn, selected: isSelected }
			});
		});
	});
	return { lines: { type: 'FeatureCollection', features: lines }, labels: { type: 'FeatureCollection', features: labels } };
}

export interface AreaProps {
	index: number;
	name: string;
	selected: boolean;
}

/** An area's outline: its corners, or its circle; null while it has neither in a usable shape. */
export function areaRing(area: unknown): LonLat[] | null {
	const a = record(area);
	const corners = listOf(a.polygon).filter(isLonLat);
	if (corners.length >= 2) return [...corners, corners[0]!];
	const circle = record(a.circle);
	if (isLonLat(circle.center) && typeof circle.radiusNm === 'number' && circle.radiusNm > 0) return circleRing(circle.center, circle.radiusNm);
	return null;
}

export function areaFeatures(areas: unknown, selected: Selection): FeatureCollection<Polygon, AreaProps> {
	const features: Feature<Polygon, AreaProps>[] = [];
	listOf(areas).forEach((area, index) => {
		const ring = areaRing(area);
		if (!ring) return;
		features.push({
			type: 'Feature',
			geometry: { type: 'Polygon', coordinates: [ring] },
			properties: { index, name: nameOf(area, index), selected: selected?.type === 'area' && selected.index === index }
		});
	});
	return { type: 'FeatureCollection', features };
}

export interface HandleProps {
	handle: HandleId;
	label: string;
	selected: boolean;
}

/** The handles of what is selected: its track points (numbered from 1), or its corners, or its centre and radius. */
export function handleFeatures(entities: unknown, areas: unknown, selected: Selection, selectedPoint: number | null): FeatureCollection<Point, HandleProps> {
	const features: Feature<Point, HandleProps>[] = [];
	const add = (handle: HandleId, at: LonLat, label: string, isSelected = false) =>
		features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { handle, label, selected: isSelected } });
	if (selected?.type === 'entity') {
		listOf(record(listOf(entities)[selected.index]).track).forEach((p, j) => {
			const position = record(p).position;
			if (isLonLat(position)) add(`point:${j}`, position, String(j + 1), j === selectedPoint);
		});
	} else if (selected?.type === 'area') {
		const area = record(listOf(areas)[selected.index]);
		if (Array.isArray(area.polygon)) {
			area.polygon.forEach((c, j) => {
				if (isLonLat(c)) add(`corner:${j}`, c, String(j + 1), j === selectedPoint);
			});
		} else {
			const circle = record(area.circle);
			if (isLonLat(circle.center)) {
				add('centre', circle.center, '');
				if (typeof circle.radiusNm === 'number' && circle.radiusNm > 0) add('radius', radiusHandle(circle.center, circle.radiusNm), '');
			}
		}
	}
	return { type: 'FeatureCollection', features };
}

/** The polygon being drawn: its corners so far and the outline joining them. */
export function sketchFeatures(corners: readonly LonLat[]): FeatureCollection {
	const features: Feature[] = corners.map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: {} }));
	if (corners.length >= 2)
		features.push({
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: corners.length >= 3 ? [...corners, corners[0]!] : [...corners] },
			properties: {}
		});
	return { type: 'FeatureCollection', features };
}

/** `entities` with one track point (or `areas` with one corner or circle) moved: what the map shows during a drag. */
export function withHandleAt(data: { entities?: unknown; areas?: unknown }, selected: Selection, handle: HandleId, at: LonLat, radiusNm?: number) {
	if (!selected) return data;
	const list = [...listOf(selected.type === 'entity' ? data.entities : data.areas)];
	const item = { ...record(list[selected.index]) };
	if (handle.startsWith('point:')) {
		const j = Number(handle.slice(6));
		const track = [...listOf(item.track)];
		track[j] = { ...record(track[j]), position: at };
		item.track = track;
	} else if (handle.startsWith('corner:')) {
		const j = Number(handle.slice(7));
		const polygon = [...listOf(item.polygon)];
		polygon[j] = at;
		item.polygon = polygon;
	} else if (handle === 'centre') {
		item.circle = { ...record(item.circle), center: at };
	} else if (handle === 'radius' && radiusNm !== undefined) {
		item.circle = { ...record(item.circle), radiusNm };
	}
	list[selected.index] = item;
	return selected.type === 'entity' ? { ...data, entities: list } : { ...data, areas: list };
}
