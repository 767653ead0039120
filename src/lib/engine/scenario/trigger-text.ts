/**
 * A conditional inject's trigger, named (pure): `triggerParts` gives what the trigger watches with the scenario's
 * names filled in, for the control room to word in the reader's language; `describeTrigger` says it in English for
 * the MSEL CSV export, whose text must read back the same.
 */
import type { Scenario, Trigger } from './schema';
import { EXERCISE_CONTROL, type SimAlert } from './vocabulary';

export type TriggerWaters = 'own' | 'foreign' | 'high-seas';

/**
 * A trigger with names instead of ids (a name the scenario does not have stays its id). `team: null` is any team;
 * `delayMinutes` is 0 when the inject goes out as the trigger fires.
 */
export type TriggerParts = { delayMinutes: number } & (
	| { kind: 'decision'; team: string | null; option: string | null; decision: string }
	| { kind: 'missed'; team: string | null; missed: string }
	| { kind: 'message'; from: string; to: string | null; toControl: boolean }
	| { kind: 'area'; entity: string; area: string; on: 'enter' | 'leave' }
	| { kind: 'intercept'; team: string | null; target: string; waters: TriggerWaters | null }
	| { kind: 'detected'; team: string | null; contact: string }
	| { kind: 'alert'; entity: string | null; alert: SimAlert }
);

export function triggerParts(t: Trigger, scenario: Pick<Scenario, 'teams' | 'entities' | 'areas'> | null): TriggerParts {
	const name = (list: { id: string; name: string }[] | undefined, id: string) => list?.find((x) => x.id === id)?.name ?? id;
	const team = (id: string | undefined) => (id ? name(scenario?.teams, id) : null);
	const entity = (id: string) => name(scenario?.entities, id);
	const delayMinutes = t.delayMinutes ?? 0;
	if ('decision' in t) return { kind: 'decision', delayMinutes, team: team(t.team), option: t.option ?? null, decision: t.decision };
	if ('missed' in t) return { kind: 'missed', delayMinutes, team: team(t.team), missed: t.missed };
	if ('message' in t) {
		const toControl = t.message.to === EXERCISE_CONTROL;
		return { kind: 'message', delayMinutes, from: name(scenario?.teams, t.message.from), to: toControl ? null : team(t.message.to), toControl };
	}
	if ('area' in t) return { kind: 'area', delayMinutes, entity: entity(t.area.entity), area: name(scenario?.areas, t.area.area), on: t.area.on };
	if ('intercept' in t)
		return { kind: 'intercept', delayMinutes, team: team(t.intercept.team), target: entity(t.intercept.target), waters: t.intercept.waters ?? null };
	if ('detected' in t) return { kind: 'detected', delayMinutes, team: team(t.detected.team), contact: entity(t.detected.contact) };
	return { kind: 'alert', delayMinutes, entity: t.alert.entity ? entity(t.alert.entity) : null, alert: t.alert.type };
}

const WATERS: Record<TriggerWaters, string> = {
	own: "in its own state's waters",
	foreign: "in another state's waters",
	'high-seas': 'outside any territorial sea'
};
const ALERTS: Record<SimAlert, string> = {
	'capacity-exceeded': 'is over capacity',
	'minors-found': 'finds unaccompanied minors',
	distress: 'calls for help',
	'out-of-endurance': 'runs out of endurance'
};

/** The trigger in English, as the MSEL CSV writes it (and reads it back): "Coast Guard chooses "launch" on "tip-off" (+5 min)". */
export function describeTrigger(t: Trigger, scenario: Pick<Scenario, 'teams' | 'entities' | 'areas'> | null): string {
	const p = triggerParts(t, scenario);
	const delay = p.delayMinutes ? ` (+${p.delayMinutes} min)` : '';
	const team = (name: string | null, fallback = 'a team') => name ?? fallback;
	switch (p.kind) {
		case 'decision':
			return `${team(p.team)} chooses ${p.option ? `"${p.option}"` : 'any option'} on "${p.decision}"${delay}`;
		case 'missed':
			return `${team(p.team)} misses the deadline or hand-off on "${p.missed}"${delay}`;
		case 'message':
			return `${p.from} messages ${p.toControl ? EXERCISE_CONTROL : team(p.to, 'another team')}${delay}`;
		case 'area':
			return `${p.entity} ${p.on === 'enter' ? 'enters' : 'leaves'} ${p.area}${delay}`;
		case 'intercept':
			return `${team(p.team)} intercepts ${p.target}${p.waters ? ` ${WATERS[p.waters]}` : ''}${delay}`;
		case 'detected':
			return `${team(p.team)} detects ${p.contact}${delay}`;
		case 'alert':
			return `${p.entity ?? 'any entity'} ${ALERTS[p.alert]}${delay}`;
	}
}
