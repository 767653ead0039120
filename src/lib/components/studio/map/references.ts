/**
 * How many places in a draft name an entity or an area by its id (pure): the injects that mention it anywhere
 * (reveals, triggers, shares, map effects) and the boats bound for it (a port). Shown beside "Delete", so the planner
 * knows what the checker will list after the removal.
 */

function mentions(value: unknown, id: string): boolean {
	if (value === id) return true;
	if (Array.isArray(value)) return value.some((v) => mentions(v, id));
	if (value !== null && typeof value === 'object') return Object.values(value).some((v) => mentions(v, id));
	return false;
}

export function usesOf(data: { injects?: unknown; entities?: unknown }, id: unknown): number {
	if (typeof id !== 'string' || !id) return 0;
	const injects = Array.isArray(data.injects) ? data.injects.filter((inject) => mentions(inject, id)).length : 0;
	const boats = Array.isArray(data.entities)
		? data.entities.filter((e) => e !== null && typeof e === 'object' && (e as { destination?: unknown }).destination === id).length
		: 0;
	return injects + boats;
}
