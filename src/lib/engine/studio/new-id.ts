/**
 * The id of a new team, objective, entity, area, inject or option (pure): made from what the planner named it, so the
 * YAML stays readable, and never one the scenario already has. Planners never type ids.
 */
import { slugify, uniqueId } from '../formats/msel-import';

export function newId(name: string, taken: Iterable<string>, fallback: string): string {
	return uniqueId(slugify(name, fallback), new Set(taken));
}

/** The ids of a raw list (items without a text id are skipped). */
export const idsOf = (list: unknown): string[] =>
	(Array.isArray(list) ? list : []).flatMap((item) => (item && typeof item === 'object' && typeof item.id === 'string' ? [item.id] : []));
