/**
 * What each kind of map entity carries, as the studio's map editor sees it (pure): the fields every entity has, the
 * fields only some kinds take, the category a new entity of a kind starts with, and which fields a change of kind
 * drops. A port's or shelter's fields (state, capacity, staff, maxStaff, open) are allowed on any entity by the
 * schema, but only ports and shelters use them, so the editor treats them as theirs: a port turned into a vessel
 * loses them, as a boat turned into an aircraft loses its people.
 */
import { ENTITY_CATEGORIES, ENTITY_KINDS, type EntityKind } from '../scenario/vocabulary';
import { newId } from './new-id';

export type EntityCategory = (typeof ENTITY_CATEGORIES)[number];

/** Fields every entity keeps whatever its kind. */
export const COMMON_FIELDS = ['id', 'name', 'kind', 'category', 'team', 'visibility', 'description', 'translations', 'track'] as const;

const ASSET = ['speedKnots', 'enduranceHours', 'sensorRangeNm'] as const;
const FACILITY = ['state', 'capacity', 'staff', 'maxStaff', 'open'] as const;

/** The fields of each kind beyond the common ones, in the order the side form shows them. */
export const KIND_FIELDS: Readonly<Record<EntityKind, readonly string[]>> = {
	vessel: ASSET,
	aircraft: ASSET,
	boat: ['people', 'destination', 'distressAt', 'speedKnots'],
	storm: ['stormCategory', 'windRadiiNm'],
	port: FACILITY,
	shelter: FACILITY
};

/** The category a new entity of each kind starts with (the planner may pick another). */
export const DEFAULT_CATEGORY: Readonly<Record<EntityKind, EntityCategory>> = {
	vessel: 'law-enforcement',
	aircraft: 'law-enforcement',
	boat: 'displaced',
	storm: 'weather',
	port: 'facility',
	shelter: 'facility'
};

export const isEntityKind = (kind: unknown): kind is EntityKind => typeof kind === 'string' && (ENTITY_KINDS as readonly string[]).includes(kind);

/** Kinds whose track is a route (more than one point makes sense); ports and shelters stand where they are. */
export const moves = (kind: unknown): boolean => kind !== 'port' && kind !== 'shelter';

const KIND_ONLY = new Set(Object.values(KIND_FIELDS).flat());

/** The fields of `entity` that an entity of `kind` does not take, in the entity's own order (what a change of kind removes). */
export function fieldsDroppedByKind(entity: unknown, kind: EntityKind): string[] {
	if (entity === null || typeof entity !== 'object') return [];
	const keeps = new Set(KIND_FIELDS[kind]);
	return Object.keys(entity).filter((key) => KIND_ONLY.has(key) && !keeps.has(key));
}

export interface NewEntity {
	name: string;
	kind: EntityKind;
	category: EntityCategory;
	position: [number, number];
	/** The draft's entity ids (the new one's is made from its name and never one of these). */
	taken: Iterable<string>;
}

/** A new entity placed at `position` at minute 0 (its first track point), with an id from its name. */
export function newEntity({ name, kind, category, position, taken }: NewEntity) {
	return {
		id: newId(name, taken, kind),
		name: name.trim(),
		kind,
		category,
		track: [{ at: 0, position }]
	};
}
