/**
 * Where things are: an entity follows its scripted track until an order or the
 * simulation gives it a course; positions are computed from exercise time,
 * never stored per tick (pure; safe for the browser: no geography data).
 */
import { MINUTE } from '../exercise/clock';
import { entityFixAt, lastPoint, type EntityFix } from './entity-position';
import { own, type CourseRecord, type ExerciseState } from '../exercise/state';
import { underwayMinutes, type CoursePoint } from './kinematics';
import type { Entity, LonLat } from '../scenario/schema';
import { isAsset } from '../scenario/kinds';

type Positioned = Pick<ExerciseState, 'courses'>;

/** The course an entity is on at `atMs`, or null while it follows its scripted track. */
export function courseAt(state: Positioned, entityId: string, atMs: number): CourseRecord | null {
	const list = own(state.courses, entityId) ?? [];
	return list.findLast((c) => c.startAt <= atMs) ?? null;
}

/** The track an entity moves along at `atMs`: its current course, else its scripted track. */
export function trackAt(state: Positioned, entity: Pick<Entity, 'id' | 'track'>, atMs: number): CoursePoint[] {
	return courseAt(state, entity.id, atMs)?.track ?? entity.track;
}

export function fixAt(state: Positioned, entity: Pick<Entity, 'id' | 'track'>, atMs: number): EntityFix {
	return entityFixAt({ track: trackAt(state, entity, atMs) }, atMs);
}

export function positionAt(state: Positioned, entity: Pick<Entity, 'id' | 'track'>, atMs: number): LonLat {
	return fixAt(state, entity, atMs).position;
}

/** Until when (exercise minutes) the entity keeps moving on the track it has at `atMs`; null when it is not moving. */
export function underwayUntilMin(state: Positioned, entity: Pick<Entity, 'id' | 'track'>, atMs: number): number | null {
	const track = trackAt(state, entity, atMs);
	const last = lastPoint(track);
	return track.length > 1 && last.at * MINUTE > atMs ? last.at : null;
}

/** The way an entity has come up to `atMs`: scripted points, then each course's points, ending where it is. */
export function trailOf(state: Positioned, entity: Pick<Entity, 'id' | 'track'>, atMs: number): LonLat[] {
	const list = (own(state.courses, entity.id) ?? []).filter((c) => c.startAt <= atMs);
	const legs: { track: CoursePoint[]; until: number }[] = [];
	const firstStart = list[0]?.startAt ?? Infinity;
	legs.push({ track: entity.track, until: Math.min(firstStart, atMs) });
	list.forEach((c, i) => legs.push({ track: c.track, until: Math.min(list[i + 1]?.startAt ?? Infinity, atMs) }));
	const points: LonLat[] = [];
	for (const leg of legs) {
		for (const p of leg.track) if (p.at * MINUTE < leg.until) points.push(p.position);
		points.push(entityFixAt({ track: leg.track }, leg.until).position);
	}
	return points.length > 1 ? points : [];
}

/**
 * When a boat of displaced people lands at its destination: the end of its last
 * movement, unless that movement is a stop (a boat in distress waiting for rescue). Null for any other entity.
 */
export function landingAt(state: Positioned, boat: Entity): number | null {
	if (boat.kind !== 'boat' || !boat.destination) return null;
	const lastCourse = own(state.courses, boat.id)?.at(-1);
	const track = lastCourse?.track ?? boat.track;
	if (lastCourse && track.length < 2) return null;
	return lastPoint(track).at * MINUTE;
}

/** Minutes an asset has left under way at `atMs` (Infinity when the scenario sets no endurance, and for anything but an asset). */
export function enduranceLeftMin(state: Positioned, entity: Entity, atMs: number): number {
	if (!isAsset(entity) || entity.enduranceHours === undefined) return Infinity;
	const courses = own(state.courses, entity.id) ?? [];
	let used = 0;
	courses.forEach((c, i) => {
		const end = Math.min(courses[i + 1]?.startAt ?? Infinity, atMs, c.exhaustedAt ?? Infinity);
		if (end > c.startAt) used += underwayMinutes(c.track, c.startAt / MINUTE, end / MINUTE);
	});
	return Math.max(0, entity.enduranceHours * 60 - used);
}
