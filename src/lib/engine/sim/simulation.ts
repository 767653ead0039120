/**
 * The live simulation (pure): turns team orders into courses, and at each tick
 * finds what has happened on the map since — intercepts, detections, area
 * crossings, boats in distress or landing, assets out of endurance, facilities
 * over capacity — as domain events. The exercise machine calls it; nothing here
 * reads a clock or does I/O.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon as turfPolygon } from '@turf/helpers';
import { MINUTE } from '../exercise/clock';
import { displacementPictureAt } from './displacement-state';
import { distanceNm, firstPoint } from './entity-position';
import type { CourseChange, DomainEventBody } from '../exercise/events';
import { own, type ExerciseState } from '../exercise/state';
import { refusal, type Refusal } from '../exercise/refusal';
import { formatHhmmFromMinutes } from '../exercise/time-format';
import { formatKnots, formatNm, planGoto, planIntercept, planPatrol, truncateForEndurance, type CoursePoint, type Order } from './kinematics';
import { courseAt, enduranceLeftMin, landingAt, positionAt, trackAt, underwayUntilMin } from './movement';
import type { Area, Asset, Boat, Entity, LonLat } from '../scenario/schema';
import { isAsset, isBoat, isTaskable } from '../scenario/kinds';
import { watersLabel, whoseWaters, type Waters } from './zones';

/** How often (exercise time) a running exercise looks for detections, area crossings and crowding. */
export const SWEEP_MS = 30_000;
/** How close an asset must come to a target to intercept it. */
export const CAPTURE_NM = 0.5;
/** Speed of an escort to port when the rescuer's is unknown. */
const BOAT_KNOTS = 8;
const MOVERS = new Set(['vessel', 'aircraft', 'boat']);

const entityOf = (state: ExerciseState, id: string): Entity | undefined => state.scenario?.entities.find((e) => e.id === id);

/** Whether `team` can see the entity now (public, revealed to it, or detected by it). */
export function visibleTo(state: ExerciseState, entity: Entity, team: string): boolean {
	return entity.visibility === 'all' || (own(state.sightedBy, entity.id) ?? []).includes(team);
}

/** Why a team cannot give this order now, or null. */
export function taskingProblem(
	state: ExerciseState,
	entityId: string,
	team: string,
	order: Order,
	speedKnots: number | undefined,
	atMs: number
): Refusal | null {
	const entity = entityOf(state, entityId);
	if (!entity) return refusal('unknown-entity', `unknown entity "${entityId}"`);
	if (!isTaskable(entity)) return refusal('not-taskable', `"${entity.name}" is not an asset that can be tasked`);
	if (entity.team !== team) return refusal('asset-other-team', `"${entity.name}" belongs to another team`);
	if (speedKnots !== undefined && speedKnots > entity.speedKnots!)
		return refusal('too-fast', `"${entity.name}" cannot make ${formatKnots(speedKnots)} (top speed ${formatKnots(entity.speedKnots!)})`, {
			asked: Math.round(speedKnots),
			top: Math.round(entity.speedKnots!)
		});
	if (order.type !== 'hold' && enduranceLeftMin(state, entity, atMs) <= 0)
		return refusal('no-endurance', `"${entity.name}" has no endurance left: it can only hold`);
	if (order.type === 'intercept') {
		const target = entityOf(state, order.target);
		if (!target || !MOVERS.has(target.kind) || !visibleTo(state, target, team)) return refusal('no-contact', `no contact "${order.target}" on your picture`);
		const lost = own(state.lostContacts, `${team}/${target.id}`);
		if (lost)
			return refusal(
				'contact-lost',
				`your sensors lost "${target.name}" at ${formatHhmmFromMinutes(lost.at / MINUTE)}: send an asset to search its last known position instead`,
				{
					at: formatHhmmFromMinutes(lost.at / MINUTE)
				}
			);
		if (target.id === entity.id) return refusal('self-intercept', 'an asset cannot intercept itself');
	}
	return null;
}

/** The events for a team's order: the new course, and for an intercept whether and where it can happen. */
export function taskAsset(
	state: ExerciseState,
	entityId: string,
	team: string | null,
	order: Order,
	speed: number | undefined,
	atMs: number,
	by: string
): DomainEventBody[] {
	const entity = entityOf(state, entityId);
	// Orders reach here only for assets that taskingProblem accepted.
	if (!entity || !isTaskable(entity)) throw new Error(`"${entityId}" is not an asset that can be tasked`);
	const speedKnots = speed ?? entity.speedKnots;
	const atMin = atMs / MINUTE;
	const from = positionAt(state, entity, atMs);
	const untilMin = state.scenario!.durationMinutes;
	const left = enduranceLeftMin(state, entity, atMs);
	let course: CoursePoint[];
	let intercept: { target: string; at: number; point: LonLat } | null = null;
	const events: DomainEventBody[] = [];
	switch (order.type) {
		case 'goto':
			course = planGoto(from, atMin, order.point, speedKnots);
			break;
		case 'patrol':
			course = planPatrol(from, atMin, order.points, speedKnots, Math.max(untilMin, atMin + 1));
			break;
		case 'hold':
			course = [{ at: atMin, position: from }];
			break;
		case 'intercept': {
			const target = entityOf(state, order.target)!;
			const targetUntil = underwayUntilMin(state, target, atMs) ?? untilMin;
			const plan = planIntercept(from, atMin, speedKnots, (min) => positionAt(state, target, min * MINUTE), Math.min(untilMin, targetUntil), CAPTURE_NM);
			const reachable = plan.feasible && plan.atMin - atMin <= left;
			if (plan.feasible && reachable) {
				course = plan.course;
				intercept = { target: target.id, at: plan.atMin * MINUTE, point: plan.point };
			} else {
				// Cannot intercept: close the target's present position as fast as it can (the best a crew would do).
				course = planGoto(from, atMin, positionAt(state, target, atMs), speedKnots);
			}
			const reason = plan.feasible
				? reachable
					? `intercept possible at ${formatHhmmFromMinutes(plan.atMin)}, ${formatNm(plan.distanceNm)} from here at ${formatKnots(speedKnots)}, ${watersLabel(whoseWaters(plan.point))}`
					: `intercept would need ${Math.round(plan.atMin - atMin)} min under way; ${entity.name} has ${Math.round(left)} min of endurance left`
				: plan.reason;
			events.push({
				type: 'intercept.assessed',
				entityId,
				team,
				target: target.id,
				feasible: intercept !== null,
				interceptAt: intercept?.at ?? null,
				point: intercept?.point ?? null,
				reason
			});
			break;
		}
	}
	const cut = Number.isFinite(left) ? truncateForEndurance(course, left) : { course, exhaustedAtMin: null };
	events.unshift({
		type: 'asset.tasked',
		entityId,
		team,
		order,
		speedKnots,
		course: cut.course,
		exhaustedAt: cut.exhaustedAtMin === null ? null : cut.exhaustedAtMin * MINUTE,
		intercept,
		by
	});
	return events;
}

/** Where a boat of displaced people goes after a rescue or an escort: on to its port, its people aboard the rescuer, at the rescuer's speed. */
function onToPort(state: ExerciseState, boat: Boat, from: LonLat, atMin: number, knots: number): CoursePoint[] {
	const port = boat.destination ? entityOf(state, boat.destination) : undefined;
	return port ? planGoto(from, atMin, firstPoint(port.track).position, knots) : [{ at: atMin, position: from }];
}

/** Whose waters relative to a team: its own state's territorial sea, another state's, or outside any. */
export function watersFor(waters: Waters, teamState: string | undefined): 'own' | 'foreign' | 'high-seas' {
	if (waters.kind === 'high-seas') return 'high-seas';
	return waters.state === teamState ? 'own' : 'foreign';
}

function inside(area: Area, p: LonLat): boolean {
	if (area.circle) return distanceNm(area.circle.center, p) <= area.circle.radiusNm;
	const polygon = area.polygon!; // no circle, so a polygon: cross-references requires exactly one
	const ring = [...polygon, ...polygon.slice(0, 1)];
	return booleanPointInPolygon(p, turfPolygon([ring]));
}

/** Pairs (entity, area) that waiting injects' triggers watch. */
function watchedAreas(state: ExerciseState): { entity: Entity; area: Area }[] {
	const scenario = state.scenario;
	if (!scenario) return [];
	const seen = new Set<string>();
	const out: { entity: Entity; area: Area }[] = [];
	for (const i of Object.values(state.injects)) {
		const t = i.inject.trigger;
		if (i.status !== 'waiting' || !t || !('area' in t)) continue;
		const key = `${t.area.entity}/${t.area.area}`;
		const entity = entityOf(state, t.area.entity);
		const area = scenario.areas.find((a) => a.id === t.area.area);
		if (seen.has(key) || !entity || !area) continue;
		seen.add(key);
		out.push({ entity, area });
	}
	return out;
}

/** A held contact is lost only beyond this multiple of a sensor's range, so it does not flicker at the edge. */
const LOSE_BEYOND = 1.1;

/** Whether an inject gave the team this contact (a track shared with it, not its own sensors' to lose). */
function tipped(state: ExerciseState, contact: string, team: string): boolean {
	return Object.values(state.injects).some((i) => i.status === 'released' && i.inject.reveals.includes(contact) && i.inject.to.includes(team));
}

/**
 * Hidden contacts that teams' sensors detected and hold only by those sensors, with the team's sensor assets: the
 * pairs whose track can be lost or regained (not a boat that has landed, which everyone sees).
 */
function heldContacts(state: ExerciseState): { team: string; contact: Entity; sensors: Asset[] }[] {
	const entities = state.scenario?.entities ?? [];
	const held: { team: string; contact: Entity; sensors: Asset[] }[] = [];
	for (const key of Object.keys(state.detections)) {
		const [team, contactId] = key.split('/') as [string, string];
		const contact = entities.find((e) => e.id === contactId);
		// Only a hidden contact can be lost: a public one (another team's launch, a ferry) is on everyone's map anyway.
		if (!contact || contact.visibility !== 'revealed' || own(state.alerts, `landed/${contactId}`) !== undefined || tipped(state, contactId, team)) continue;
		const sensors = entities.filter(isAsset).filter((e) => e.team === team && e.sensorRangeNm);
		if (sensors.length > 0) held.push({ team, contact, sensors });
	}
	return held;
}

/** Sensor-carrying team assets, and the contacts they could still detect. */
function sensorPairs(state: ExerciseState): { sensor: Asset; contact: Entity }[] {
	const entities = state.scenario?.entities ?? [];
	const sensors = entities.filter(isAsset).filter((e) => e.team && e.sensorRangeNm);
	const pairs: { sensor: Asset; contact: Entity }[] = [];
	for (const sensor of sensors)
		for (const contact of entities)
			if (MOVERS.has(contact.kind) && contact.team !== sensor.team && own(state.detections, `${sensor.team}/${contact.id}`) === undefined)
				pairs.push({ sensor, contact });
	return pairs;
}

/**
 * When a team's asset first reached the boat alongside (an aircraft overhead only shadows it), counting
 * the intercepts already folded into the state and those among `pending` events not yet stored; null if never.
 */
function reachedAt(state: ExerciseState, boatId: string, pending: DomainEventBody[] = []): number | null {
	const times = [
		...state.intercepts.filter((x) => x.target === boatId && !x.shadowing).map((x) => x.at),
		...pending.flatMap((e) => (e.type === 'intercept.achieved' && e.target === boatId && !e.shadowing ? [e.metAt] : []))
	];
	return times.length > 0 ? Math.min(...times) : null;
}

/** What the simulation makes happen by exercise time `atMs`. */
export function simulationEvents(state: ExerciseState, atMs: number): DomainEventBody[] {
	const scenario = state.scenario;
	if (!scenario) return [];
	const out: DomainEventBody[] = [];
	const alerted = (key: string) => own(state.alerts, key) !== undefined;

	// Intercepts that fall due: both stop where they meet (a boat of displaced people is escorted on to its port).
	for (const [entityId, list] of Object.entries(state.courses)) {
		const current = list.at(-1);
		if (!current) continue;
		const plan = current.intercept;
		if (!plan || plan.at > atMs || state.intercepts.some((x) => x.entityId === entityId && x.target === plan.target && x.at === plan.at)) continue;
		const target = entityOf(state, plan.target)!;
		if (distanceNm(positionAt(state, target, plan.at), plan.point) > 2 * CAPTURE_NM) {
			// The target changed its movement since the order: plan the intercept again.
			out.push(...taskAsset(state, entityId, current.team, { type: 'intercept', target: target.id }, current.speedKnots, atMs, 'system'));
			continue;
		}
		const minute = plan.at / MINUTE;
		// An aircraft cannot stop a vessel: it stays overhead and shadows it on its way.
		const shadowing = entityOf(state, entityId)?.kind === 'aircraft';
		const ahead = trackAt(state, target, plan.at).filter((p) => p.at > minute);
		const courses: CourseChange[] = shadowing
			? [{ entityId, course: [{ at: minute, position: plan.point }, ...ahead] }]
			: target.kind === 'boat'
				? (() => {
						// In distress its people go aboard the rescuer; otherwise the boat is escorted at its own pace.
						const rescuer = current.speedKnots || BOAT_KNOTS;
						const inDistress = own(state.alerts, `distress/${target.id}`) !== undefined;
						const escort = onToPort(state, target, plan.point, minute, inDistress ? rescuer : Math.min(rescuer, target.speedKnots ?? rescuer));
						return [
							{ entityId: target.id, course: escort },
							{ entityId, course: escort }
						];
					})()
				: [
						{ entityId: target.id, course: [{ at: minute, position: plan.point }] },
						{ entityId, course: [{ at: minute, position: plan.point }] }
					];
		out.push({
			type: 'intercept.achieved',
			entityId,
			team: current.team,
			target: target.id,
			metAt: plan.at,
			point: plan.point,
			waters: whoseWaters(plan.point),
			shadowing,
			courses
		});
	}

	for (const entity of scenario.entities) {
		const boat = isBoat(entity) ? entity : null;
		// A boat calls for help and stops until rescued.
		if (boat?.distressAt !== undefined && boat.distressAt * MINUTE <= atMs && !alerted(`distress/${entity.id}`)) {
			const at = boat.distressAt * MINUTE;
			const rescued = reachedAt(state, entity.id, out);
			const landed = landingAt(state, entity);
			// A boat reached before then is already in a crew's hands (escorted, or its people aboard), and one
			// that has landed is ashore: neither calls anyone.
			if ((rescued === null || rescued > at) && (landed === null || landed > at)) {
				const position = positionAt(state, entity, at);
				out.push({
					type: 'simulation.alert',
					alert: 'distress',
					entityId: entity.id,
					team: null,
					detail: `${entity.name} reports taking on water at ${position[1].toFixed(2)}°N ${Math.abs(position[0]).toFixed(2)}°W${boat.people ? `, ${boat.people.total} people aboard` : ''}`,
					count: boat.people?.total ?? null,
					facts: { position, ...(boat.people ? { people: boat.people.total } : {}) },
					// Reached since (in the same sweep): it goes on with its rescuer rather than stopping where it called.
					courses: rescued !== null ? [] : [{ entityId: entity.id, course: [{ at: boat.distressAt, position }] }]
				});
			}
		}
		// Out of endurance on the current course.
		const course = courseAt(state, entity.id, atMs);
		if (course?.exhaustedAt != null && course.exhaustedAt <= atMs && !alerted(`out-of-endurance/${entity.id}`))
			out.push({
				type: 'simulation.alert',
				alert: 'out-of-endurance',
				entityId: entity.id,
				team: entity.team ?? null,
				detail: `${entity.name} has reached the limit of its endurance and must stop`,
				count: null,
				courses: []
			});
		// A boat of displaced people lands.
		if (boat?.people && boat.destination && !alerted(`landed/${entity.id}`)) {
			const landed = landingAt(state, entity);
			if (landed !== null && landed <= atMs) out.push({ type: 'boat.landed', entityId: entity.id, port: boat.destination, people: boat.people.total, entity });
		}
		// Unaccompanied minors found when their boat lands.
		if (boat?.people && boat.people.unaccompaniedMinors > 0 && !alerted(`minors-found/${entity.id}`)) {
			const landed = landingAt(state, entity);
			const port = boat.destination ? entityOf(state, boat.destination) : undefined;
			if (landed !== null && landed <= atMs)
				out.push({
					type: 'simulation.alert',
					alert: 'minors-found',
					entityId: entity.id,
					team: port?.team ?? null,
					detail: `${boat.people.unaccompaniedMinors} unaccompanied children among the ${boat.people.total} people landed from ${entity.name} at ${port?.name ?? 'port'}`,
					count: boat.people.unaccompaniedMinors,
					facts: { minors: boat.people.unaccompaniedMinors, people: boat.people.total, ...(boat.destination ? { port: boat.destination } : {}) },
					courses: []
				});
		}
	}

	// Sensors: first detection of each contact by each team.
	for (const { sensor, contact } of sensorPairs(state)) {
		if (out.some((e) => e.type === 'contact.detected' && e.team === sensor.team && e.contact === contact.id)) continue;
		if (firstPoint(contact.track).at * MINUTE > atMs) continue;
		const here = positionAt(state, sensor, atMs);
		const there = positionAt(state, contact, atMs);
		const range = distanceNm(here, there);
		if (range <= sensor.sensorRangeNm!)
			out.push({
				type: 'contact.detected',
				entityId: sensor.id,
				team: sensor.team!,
				contact: contact.id,
				position: there,
				rangeNm: Math.round(range * 10) / 10,
				entity: contact
			});
	}

	// Sensors: a detected contact is lost when no sensor of the team holds it any more, and regained when one does.
	for (const { team, contact, sensors } of heldContacts(state)) {
		const there = positionAt(state, contact, atMs);
		const ranges = sensors.map((sensor) => ({ sensor, range: distanceNm(positionAt(state, sensor, atMs), there) }));
		const lost = own(state.lostContacts, `${team}/${contact.id}`) !== undefined;
		if (!lost && ranges.every(({ sensor, range }) => range > sensor.sensorRangeNm! * LOSE_BEYOND))
			out.push({ type: 'contact.lost', team, contact: contact.id, position: there });
		const holding = ranges.filter(({ sensor, range }) => range <= sensor.sensorRangeNm!).sort((a, b) => a.range - b.range)[0];
		if (lost && holding)
			out.push({
				type: 'contact.regained',
				entityId: holding.sensor.id,
				team,
				contact: contact.id,
				position: there,
				rangeNm: Math.round(holding.range * 10) / 10
			});
	}

	// Areas that triggers watch.
	for (const { entity, area } of watchedAreas(state)) {
		const now = inside(area, positionAt(state, entity, atMs));
		const before = own(state.inArea, `${entity.id}/${area.id}`) ?? false;
		if (now !== before) out.push({ type: 'area.crossed', entityId: entity.id, area: area.id, on: now ? 'enter' : 'leave' });
	}

	// Ports and shelters over capacity.
	const picture = displacementPictureAt(state, atMs);
	for (const f of picture?.facilities ?? [])
		if (f.overCapacity && !alerted(`capacity-exceeded/${f.id}`)) {
			const facility = entityOf(state, f.id);
			out.push({
				type: 'simulation.alert',
				alert: 'capacity-exceeded',
				entityId: f.id,
				team: facility?.team ?? null,
				detail:
					f.kind === 'port'
						? `${facility?.name ?? f.id}: ${f.occupancy} people waiting for screening, room for ${f.capacity}`
						: `${facility?.name ?? f.id} is full (${f.occupancy}/${f.capacity}); screened people are left without shelter`,
				count: f.occupancy,
				facts: { occupancy: f.occupancy, capacity: f.capacity, facility: f.kind },
				courses: []
			});
		}
	return out;
}

/** Whether a port or shelter is open, and its staff, at `atMs`. */
export function facilityNow(state: ExerciseState, entityId: string, atMs: number): { open: boolean; staff: number } {
	const entity = entityOf(state, entityId);
	let now = { open: entity?.open ?? true, staff: entity?.staff ?? 0 };
	for (const c of state.facilityChanges) if (c.entityId === entityId && c.at <= atMs) now = { open: c.open, staff: c.staff };
	return now;
}

/** The next exercise time the simulation has something due, given the time now. */
export function nextSimulationDueAt(state: ExerciseState, nowMs: number): number | null {
	const scenario = state.scenario;
	if (!scenario) return null;
	const times: number[] = [];
	for (const [entityId, list] of Object.entries(state.courses)) {
		const c = list.at(-1);
		if (!c) continue;
		if (c.intercept && !state.intercepts.some((x) => x.entityId === entityId && x.at === c.intercept!.at)) times.push(c.intercept.at);
		if (c.exhaustedAt !== null && own(state.alerts, `out-of-endurance/${entityId}`) === undefined) times.push(c.exhaustedAt);
	}
	for (const e of scenario.entities.filter(isBoat)) {
		const calls = own(state.alerts, `distress/${e.id}`) === undefined && own(state.alerts, `landed/${e.id}`) === undefined && reachedAt(state, e.id) === null;
		if (e.distressAt !== undefined && calls) times.push(e.distressAt * MINUTE);
		if (
			e.people &&
			e.destination &&
			(own(state.alerts, `landed/${e.id}`) === undefined || (e.people.unaccompaniedMinors && own(state.alerts, `minors-found/${e.id}`) === undefined))
		) {
			const landed = landingAt(state, e);
			if (landed !== null) times.push(landed);
		}
	}
	const sweeping = sensorPairs(state).length > 0 || heldContacts(state).length > 0 || watchedAreas(state).length > 0 || scenario.displacement !== undefined;
	if (sweeping) times.push(nowMs + SWEEP_MS);
	return times.length > 0 ? Math.min(...times) : null;
}
