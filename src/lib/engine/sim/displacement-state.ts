/**
 * The displacement model's inputs from an exercise (pure, browser-safe): which
 * boats have landed where and when, which are still at sea or in distress, and
 * what teams did with their ports and shelters.
 */
import { MINUTE } from '../exercise/clock';
import { displacementAt, type DisplacementInput, type DisplacementPicture } from './displacement';
import { own, type ExerciseState } from '../exercise/state';
import { firstPoint } from './entity-position';
import { landingAt } from './movement';
import { isBoat } from '../scenario/kinds';

/** The displacement model's inputs at `atMs`, from the scenario and what happened in play. */
export function displacementInputAt(state: ExerciseState, atMs: number): DisplacementInput | null {
	const scenario = state.scenario;
	if (!scenario?.displacement) return null;
	// A participant's scenario lists only public entities: boats revealed to it, or landed, are in its state.
	const known = new Map([...scenario.entities, ...Object.values(state.entities)].map((e) => [e.id, e]));
	const boats = [...known.values()].filter(isBoat).filter((b) => b.people);
	const arrivals: DisplacementInput['arrivals'] = [];
	const atSea: DisplacementInput['atSea'] = [];
	for (const boat of boats) {
		const landed = landingAt(state, boat);
		if (landed !== null && landed <= atMs) arrivals.push({ boatId: boat.id, portId: boat.destination!, at: landed, people: boat.people! });
		else if (firstPoint(boat.track).at * MINUTE <= atMs)
			atSea.push({ boatId: boat.id, people: boat.people!.total, distress: own(state.alerts, `distress/${boat.id}`) !== undefined && landed === null });
	}
	return {
		facilities: scenario.entities.filter((e) => e.kind === 'port' || e.kind === 'shelter'),
		arrivals,
		atSea,
		changes: state.facilityChanges.filter((c) => c.at <= atMs),
		screeningPerStaffHour: scenario.displacement.screeningPerStaffHour
	};
}

export function displacementPictureAt(state: ExerciseState, atMs: number): DisplacementPicture | null {
	const input = displacementInputAt(state, atMs);
	return input && displacementAt(input, atMs);
}
