/** A conditional inject's trigger in words, for the controller's MSEL view and exports (pure). */
import type { Scenario, Trigger } from './schema';

const WATERS = { own: "in its own state's waters", foreign: "in another state's waters", 'high-seas': 'outside any territorial sea' } as const;
const ALERTS = {
	'capacity-exceeded': 'is over capacity',
	'minors-found': 'finds unaccompanied minors',
	distress: 'calls for help',
	'out-of-endurance': 'runs out of endurance'
} as const;

export function describeTrigger(t: Trigger, scenario: Pick<Scenario, 'teams' | 'entities' | 'areas'> | null): string {
	const name = (list: { id: string; name: string }[] | undefined, id: string) => list?.find((x) => x.id === id)?.name ?? id;
	const team = (id: string | undefined, fallback = 'a team') => (id ? name(scenario?.teams, id) : fallback);
	const entity = (id: string) => name(scenario?.entities, id);
	const delay = t.delayMinutes ? ` (+${t.delayMinutes} min)` : '';
	if ('decision' in t) return `${team(t.team)} chooses ${t.option ? `"${t.option}"` : 'any option'} on "${t.decision}"${delay}`;
	if ('missed' in t) return `${team(t.team)} misses the deadline or hand-off on "${t.missed}"${delay}`;
	if ('message' in t) return `${team(t.message.from)} messages ${team(t.message.to, 'another team')}${delay}`;
	if ('area' in t) return `${entity(t.area.entity)} ${t.area.on === 'enter' ? 'enters' : 'leaves'} ${name(scenario?.areas, t.area.area)}${delay}`;
	if ('intercept' in t)
		return `${team(t.intercept.team)} intercepts ${entity(t.intercept.target)}${t.intercept.waters ? ` ${WATERS[t.intercept.waters]}` : ''}${delay}`;
	if ('detected' in t) return `${team(t.detected.team)} detects ${entity(t.detected.contact)}${delay}`;
	return `${t.alert.entity ? entity(t.alert.entity) : 'any entity'} ${ALERTS[t.alert.type]}${delay}`;
}
