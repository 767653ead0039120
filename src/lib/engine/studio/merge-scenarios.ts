/**
 * The three-way merge of scenario data (pure), for a save refused because someone saved a newer version first:
 * `base` is the version both started from, `mine` the planner's draft, `theirs` the newer version. Each is raw
 * scenario data as YAML gives it (plain objects, lists, scalars), valid or not.
 *
 * - Maps merge key by key; lists of objects with an id (teams, objectives, entities, areas, injects, options; the
 *   `shareWith` expectations by their team) merge item by item: an item added on one side is kept, one removed on
 *   one side and unchanged on the other is removed, one changed on both sides is merged field by field.
 * - Anything else that both sides changed, differently, is a conflict: the merged data takes theirs and the
 *   conflict says where and what each side has, so the planner can take theirs or mine.
 * - Order: theirs' order, with what only mine has placed after its neighbour in mine.
 */

/** A place in the merged data: keys and list indexes from the root, as `ScenarioDocument` paths are. */
export type MergePath = (string | number)[];

export interface MergeConflict {
	/**
	 * Where, in the merged data. When `absent`, nothing is there (the side taken removed it): for a list item,
	 * taking mine means inserting it at that index, not replacing what is there.
	 */
	path: MergePath;
	/** The same place named by ids instead of indexes (`injects[rifc-tipoff].title`), stable across merges: what `useMine` takes. */
	key: string;
	/** What each side has there; `undefined` when that side removed it. */
	mine: unknown;
	theirs: unknown;
	absent: boolean;
}

export interface MergeResult {
	merged: unknown;
	conflicts: MergeConflict[];
}

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of YAML data (key order does not matter). */
export function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
	if (!isPlain(a) || !isPlain(b)) return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
}

/** The field that names the items of a list, when every item of all three versions has one, unique per list. */
function identityOf(lists: readonly unknown[][], lastKey: string | number | undefined): string | null {
	const items = lists.flat();
	if (items.length === 0) return null;
	const candidates = lastKey === 'shareWith' ? ['team', 'id'] : ['id'];
	return (
		candidates.find((field) =>
			lists.every((list) => {
				const ids = list.map((item) => (isPlain(item) ? item[field] : undefined));
				return ids.every((id) => typeof id === 'string' || typeof id === 'number') && new Set(ids).size === ids.length;
			})
		) ?? null
	);
}

/**
 * The order of the merged items: theirs', then each of what only mine has after its nearest preceding neighbour in
 * mine that is already placed (at the start when it has none).
 */
function mergedOrder(theirs: readonly string[], mine: readonly string[]): string[] {
	const order = [...theirs];
	const placed = new Set(order);
	let anchor = -1;
	for (const k of mine) {
		if (placed.has(k)) {
			anchor = order.indexOf(k);
			continue;
		}
		order.splice(++anchor, 0, k);
		placed.add(k);
	}
	return order;
}

class Merger {
	readonly conflicts: MergeConflict[] = [];
	constructor(private readonly useMine: ReadonlySet<string>) {}

	/** The merged value at one place; `undefined` means the place is removed. */
	merge(base: unknown, mine: unknown, theirs: unknown, path: MergePath, key: string): unknown {
		if (sameData(mine, theirs) || sameData(base, mine)) return theirs;
		if (sameData(base, theirs)) return mine;
		if (isPlain(mine) && isPlain(theirs)) return this.mergeMaps(isPlain(base) ? base : {}, mine, theirs, path, key);
		if (Array.isArray(mine) && Array.isArray(theirs) && (base === undefined || Array.isArray(base))) {
			const from = base ?? [];
			const field = identityOf([from, mine, theirs], path.at(-1));
			if (field) return this.mergeLists(from, mine, theirs, field, path, key);
		}
		return this.conflict(mine, theirs, path, key);
	}

	private conflict(mine: unknown, theirs: unknown, path: MergePath, key: string): unknown {
		const taken = this.useMine.has(key) ? mine : theirs;
		this.conflicts.push({ path, key, mine, theirs, absent: taken === undefined });
		return taken;
	}

	/** Key by key; a key removed on both sides stays removed (it is in neither order). */
	private mergeMaps(base: Plain, mine: Plain, theirs: Plain, path: MergePath, key: string): Plain {
		const out: Plain = {};
		const at = (map: Plain, k: string) => (Object.hasOwn(map, k) ? map[k] : undefined);
		for (const k of mergedOrder(Object.keys(theirs), Object.keys(mine))) {
			const value = this.merge(at(base, k), at(mine, k), at(theirs, k), [...path, k], key ? `${key}.${k}` : k);
			if (value !== undefined) out[k] = value;
		}
		return out;
	}

	private mergeLists(base: unknown[], mine: unknown[], theirs: unknown[], field: string, path: MergePath, key: string): unknown[] {
		const byId = (list: unknown[]) => new Map(list.map((item) => [String((item as Plain)[field]), item]));
		const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
		const out: unknown[] = [];
		for (const id of mergedOrder([...t.keys()], [...m.keys()])) {
			// An item's path is where it is, or would be, in the merged list.
			const value = this.merge(b.get(id), m.get(id), t.get(id), [...path, out.length], `${key}[${id}]`);
			if (value !== undefined) out.push(value);
		}
		return out;
	}
}

/**
 * Merges `mine` and `theirs`, both changed from `base`. `useMine`: conflicts (by their `key`) to settle with mine
 * instead of theirs, when the planner has chosen; the conflicts are listed either way.
 */
export function mergeScenarios(base: unknown, mine: unknown, theirs: unknown, useMine: Iterable<string> = []): MergeResult {
	const merger = new Merger(new Set(useMine));
	const merged = merger.merge(base, mine, theirs, [], '');
	return { merged, conflicts: merger.conflicts };
}
