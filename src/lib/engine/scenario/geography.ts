/**
 * Geography checks of a scenario that the schema cannot make (pure): vessels and
 * boats must sail at sea. The coastline is Natural Earth's 1:10m generalisation,
 * so points within a nautical mile of the coast pass (harbours, anchorages).
 */
import type { Scenario } from './schema';
import { landDepthNm } from '../sim/zones';

export const LAND_TOLERANCE_NM = 1;

export interface GeographyProblem {
	path: (string | number)[];
	message: string;
}

export function geographyProblems(scenario: Scenario): GeographyProblem[] {
	const problems: GeographyProblem[] = [];
	scenario.entities.forEach((e, i) => {
		if (e.kind !== 'vessel' && e.kind !== 'boat') return;
		e.track.forEach((p, j) => {
			const land = landDepthNm(p.position);
			if (land && land.depthNm > LAND_TOLERANCE_NM)
				problems.push({
					path: ['entities', i, 'track', j, 'position'],
					message: `track point is on land (${land.state}, ${land.depthNm.toFixed(1)} nm inland): a ${e.kind} must stay at sea`
				});
		});
	});
	return problems;
}
