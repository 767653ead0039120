/** A long text (an option's label, an inject's title) cut to fit a list entry, whole words where it can. */
export function shortLabel(text: string, max = 90): string {
	const t = text.replace(/\s+/g, ' ').trim();
	if (t.length <= max) return t;
	const cut = t.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The id of the studio's element for a path (`injects[3].trigger.team` → `inject-injects-3-trigger-team`). */
export const fieldId = (prefix: string, at: string) => `${prefix}-${at.replace(/[^a-zA-Z0-9]+/g, '-')}`;
