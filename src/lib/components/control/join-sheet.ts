/** The join sheet's rows: every team in the scenario's order, then evaluators and observers, each with its code and join address. */
import type { JoinCodes } from '$lib/realtime/contract';
import type { Scenario } from '$lib/engine/scenario/schema';
import { m } from '$lib/paraglide/messages';

export interface JoinRow {
	kind: 'team' | 'evaluator' | 'observer';
	/** Team id, or the role. */
	key: string;
	name: string;
	detail: string;
	code: string;
}

export function joinRows(scenario: Scenario | null, codes: JoinCodes | null): JoinRow[] {
	if (!codes) return [];
	const teams = scenario?.teams ?? [];
	const rows: JoinRow[] = teams.flatMap((t): JoinRow[] => {
		const code = codes.teams[t.id];
		return code ? [{ kind: 'team', key: t.id, name: t.name, detail: `${t.agency} · ${t.state}`, code }] : [];
	});
	// A code for a team the scenario no longer names still goes on the sheet, after the others.
	for (const [team, code] of Object.entries(codes.teams))
		if (!teams.some((t) => t.id === team)) rows.push({ kind: 'team', key: team, name: m.control_other_team(), detail: '', code });
	rows.push({ kind: 'evaluator', key: 'evaluator', name: m.control_evaluators_row(), detail: m.control_evaluators_detail(), code: codes.evaluator });
	if (codes.observer)
		rows.push({ kind: 'observer', key: 'observer', name: m.control_observers_row(), detail: m.control_observers_detail(), code: codes.observer });
	return rows;
}

/** The address a code opens: the join page with the code filled in. */
export function joinUrl(origin: string, code: string): string {
	return `${origin.replace(/\/+$/, '')}/?code=${encodeURIComponent(code)}`;
}
