/** The map picture at an exercise time: every visible entity's position, heading, speed and trail (pure). */
import { entityFixAt, trailAt } from './entity-position';
import type { ExerciseState } from './exercise-state';

/** One entity as the map draws it. */
export interface MapEntity {
	id: string;
	name: string;
	kind: string;
	category: string;
	position: [number, number];
	headingDeg: number | null;
	speedKnots: number;
	team?: string;
	own?: boolean;
}

export interface MapPicture {
	entities: MapEntity[];
	trails: { id: string; coordinates: [number, number][] }[];
}

export function mapPictureAt(state: ExerciseState, atMs: number, ownTeam?: string): MapPicture {
	const entities: MapEntity[] = [];
	const trails: MapPicture['trails'] = [];
	for (const entity of Object.values(state.entities)) {
		const fix = entityFixAt(entity, atMs);
		entities.push({
			id: entity.id,
			name: entity.name,
			kind: entity.kind,
			category: entity.category,
			position: fix.position,
			headingDeg: fix.headingDeg,
			speedKnots: fix.speedKnots,
			team: entity.team,
			own: ownTeam !== undefined && entity.team === ownTeam
		});
		const trail = trailAt(entity, atMs);
		if (trail.length > 1) trails.push({ id: entity.id, coordinates: trail });
	}
	return { entities, trails };
}
