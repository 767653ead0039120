/**
 * A scenario at a glance, for choosing one to run: who plays, how many injects
 * and decisions, how long. The whole package stays on the server.
 */
import type { Scenario } from './schema';

export interface ScenarioSummary {
	id: string;
	title: string;
	summary: string;
	kind: string;
	teams: { id: string; name: string }[];
	injects: number;
	decisions: number;
	durationMinutes: number;
	/** The library version exercises are created from. */
	version?: number;
}

export function summarizeScenario(scenario: Scenario): ScenarioSummary {
	return {
		id: scenario.id,
		title: scenario.title,
		summary: scenario.summary,
		kind: scenario.kind,
		teams: scenario.teams.map((t) => ({ id: t.id, name: t.name })),
		injects: scenario.injects.length,
		decisions: scenario.injects.filter((i) => i.decision).length,
		durationMinutes: scenario.durationMinutes
	};
}
