/**
 * A new scenario's first text (pure): the fields every scenario has, with empty lists for the planner to fill. It
 * does not pass the checks yet (no team, no objective, no inject, no summary): the studio's problems list is the
 * planner's to-do list from the first minute.
 */
import { stringify } from 'yaml';
import type { ScenarioInput } from '../scenario/schema';
import type { ScenarioLanguage } from '../scenario/vocabulary';
import { YAML_STYLE } from './scenario-document';

export interface BlankScenario {
	key: string;
	title: string;
	kind: ScenarioInput['kind'];
	language: ScenarioLanguage;
}

/** The eastern Caribbean, from the Virgin Islands to Trinidad: where a new scenario's map opens. */
export const DEFAULT_MAP = { center: [-62.5, 14.5] as [number, number], zoom: 5.5 };

export function blankScenarioSource({ key, title, kind, language }: BlankScenario): string {
	const blank = {
		id: key,
		title,
		summary: '',
		language,
		kind,
		durationMinutes: 240,
		overview: { missionAreas: [] },
		map: DEFAULT_MAP,
		teams: [],
		objectives: [],
		entities: [],
		areas: [],
		injects: []
	};
	return stringify(blank, YAML_STYLE);
}
