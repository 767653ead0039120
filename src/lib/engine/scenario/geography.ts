/**
 * Geography checks of a scenario that the schema cannot make (pure): vessels and boats must sail at sea, at their
 * track points and along the legs between them, and a team's, port's or shelter's state must be one the zone data
 * knows (else "whose waters" never names it, and every `waters: own` trigger of that team fails). The coastline is
 * Natural Earth's 1:10m generalisation, so points within a nautical mile of the coast pass (harbours, anchorages),
 * and so do the first and last mile of a leg.
 */
import turfBearing from '@turf/bearing';
import turfDestination from '@turf/destination';
import turfDistance from '@turf/distance';
import type { ProblemCode, ProblemParams } from './problem-codes';
import { closestKnownState, isKnownState } from './known-states';
import type { LonLat, Scenario } from './schema';
import { landDepthNm } from '../sim/zones';

export const LAND_TOLERANCE_NM = 1;
/** How far apart a leg is sampled for land: islets narrower than this may slip between two samples. */
export const LEG_SAMPLE_NM = 0.5;

export interface GeographyProblem {
	path: (string | number)[];
	message: string;
	code: ProblemCode;
	params: ProblemParams;
}

const NM = { units: 'nauticalmiles' } as const;

/** Whether this kind of entity must keep to the sea (a storm, an aircraft, a port do not). */
export const sailsAtSea = (e: { kind: string }): boolean => e.kind === 'vessel' || e.kind === 'boat';

/** A track point's land, when it is further inland than the harbour tolerance. */
export function pointOnLand(position: LonLat): { state: string; depthNm: number } | null {
	const land = landDepthNm(position);
	return land && land.depthNm > LAND_TOLERANCE_NM ? land : null;
}

/**
 * The land a leg crosses (the great circle from `from` to `to`, as entities sail it), sampled every
 * `LEG_SAMPLE_NM`; the first and last `LAND_TOLERANCE_NM` of the leg are not looked at (harbours, anchorages).
 */
export function legOverLand(from: LonLat, to: LonLat): { state: string; position: LonLat } | null {
	const lengthNm = turfDistance(from, to, NM);
	if (lengthNm <= 2 * LAND_TOLERANCE_NM) return null;
	const bearing = turfBearing(from, to);
	const steps = Math.ceil(lengthNm / LEG_SAMPLE_NM);
	for (let k = 1; k < steps; k++) {
		const along = (lengthNm * k) / steps;
		if (along < LAND_TOLERANCE_NM || lengthNm - along < LAND_TOLERANCE_NM) continue;
		const position = turfDestination(from, along, bearing, NM).geometry.coordinates as LonLat;
		const land = landDepthNm(position);
		if (land) return { state: land.state, position };
	}
	return null;
}

function stateProblem(path: (string | number)[], value: string): GeographyProblem {
	const suggestion = closestKnownState(value);
	return {
		path,
		code: 'unknown-state',
		params: suggestion ? { value, suggestion } : { value },
		message: `the map's zone data knows no state "${value}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: pick one it knows`
	};
}

export function geographyProblems(scenario: Scenario): GeographyProblem[] {
	const problems: GeographyProblem[] = [];
	scenario.teams.forEach((t, i) => {
		if (!isKnownState(t.state)) problems.push(stateProblem(['teams', i, 'state'], t.state));
	});
	scenario.entities.forEach((e, i) => {
		if ((e.kind === 'port' || e.kind === 'shelter') && e.state !== undefined && !isKnownState(e.state))
			problems.push(stateProblem(['entities', i, 'state'], e.state));
		if (!sailsAtSea(e)) return;
		const onLand = e.track.map((p) => pointOnLand(p.position));
		onLand.forEach((land, j) => {
			if (land)
				problems.push({
					path: ['entities', i, 'track', j, 'position'],
					code: 'on-land',
					params: { state: land.state, depth: Math.round(land.depthNm * 10) / 10, kind: e.kind },
					message: `track point is on land (${land.state}, ${land.depthNm.toFixed(1)} nm inland): a ${e.kind} must stay at sea`
				});
		});
		e.track.forEach((p, j) => {
			const before = e.track[j - 1];
			// A leg from or to a point on land is said by that point's problem.
			if (!before || onLand[j - 1] || onLand[j]) return;
			const land = legOverLand(before.position, p.position);
			if (land)
				problems.push({
					path: ['entities', i, 'track', j],
					code: 'leg-on-land',
					params: { state: land.state, from: j, to: j + 1, kind: e.kind },
					message: `the leg from track point ${j} to ${j + 1} crosses land (${land.state}): a ${e.kind} must stay at sea`
				});
		});
	});
	return problems;
}
