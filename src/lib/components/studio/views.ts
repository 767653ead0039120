/**
 * The studio's views and which one shows a field: a problem at `injects[4].trigger` opens the MSEL, one at
 * `entities[2].track` the map, one in a translation the translations view.
 */
import type { DocPath } from '$lib/engine/studio/scenario-document';

export const STUDIO_VIEWS = ['overview', 'teams', 'map', 'msel', 'timeline', 'yaml', 'translations', 'run', 'history'] as const;
export type StudioView = (typeof STUDIO_VIEWS)[number];

export function viewOf(path: DocPath): StudioView {
	if (path.includes('translations')) return 'translations';
	const [top] = path;
	if (top === 'teams' || top === 'objectives') return 'teams';
	if (top === 'entities' || top === 'areas') return 'map';
	if (top === 'injects') return 'msel';
	return 'overview';
}
