/** What kind of thing a scenario's entity or inject is, asked without the zod schema (see vocabulary.ts for why). */
import type { Asset, Boat, Entity, Inject } from './schema';

/** Whether the team can task this entity on the map. */
export function isTaskable(entity: Entity): entity is Asset & { team: string; speedKnots: number } {
	return isAsset(entity) && entity.team !== undefined && entity.speedKnots !== undefined;
}

export function isAsset(entity: Entity): entity is Asset {
	return entity.kind === 'vessel' || entity.kind === 'aircraft';
}

export function isBoat(entity: Entity): entity is Boat {
	return entity.kind === 'boat';
}

/** Teams that must answer an inject's decision. */
export function decidingTeams(inject: Inject): string[] {
	return inject.decision ? (inject.decision.teams ?? inject.to) : [];
}
