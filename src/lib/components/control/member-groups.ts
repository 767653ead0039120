/**
 * The control room's list of who is connected with a code: one group per team in the scenario's order, then the
 * evaluators and the observers; each browser session once (a member with two tabs open is one person to remove).
 */
import type { Scenario } from '$lib/engine/scenario/schema';
import type { PresentMember } from '$lib/realtime/contract';
import { m } from '$lib/paraglide/messages';

export interface MemberGroup {
	/** Team id, or the role. */
	key: string;
	name: string;
	members: { sid: string; name: string }[];
}

export function memberGroups(scenario: Scenario | null, present: readonly PresentMember[]): MemberGroup[] {
	const seen = new Set<string>();
	const byGroup = new Map<string, { sid: string; name: string }[]>();
	for (const p of present) {
		if (p.role === 'controller' || p.sid === null || seen.has(p.sid)) continue;
		seen.add(p.sid);
		const key = p.role === 'participant' ? `team:${p.team}` : p.role;
		byGroup.set(key, [...(byGroup.get(key) ?? []), { sid: p.sid, name: p.name }]);
	}
	const teams = scenario?.teams ?? [];
	const order: { key: string; name: string }[] = [
		...teams.map((t) => ({ key: `team:${t.id}`, name: t.name })),
		// A team the scenario no longer names still shows, after the others.
		...[...byGroup.keys()]
			.filter((k) => k.startsWith('team:') && !teams.some((t) => `team:${t.id}` === k))
			.map((key) => ({ key, name: m.control_other_team() })),
		{ key: 'evaluator', name: m.control_evaluators_row() },
		{ key: 'observer', name: m.control_observers_row() }
	];
	const sortedByName = (list: { sid: string; name: string }[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
	return order.flatMap(({ key, name }) => {
		const members = byGroup.get(key);
		return members ? [{ key: key.replace(/^team:/, ''), name, members: sortedByName(members) }] : [];
	});
}
