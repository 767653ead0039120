/** A library version's author and note in the reader's words: the library's own notes (`version-note.ts`) worded. */
import type { ScenarioVersionInfo } from '$lib/engine/studio/library';
import { BUNDLED_BY, readMadeFrom } from '$lib/engine/studio/version-note';
import { m } from '$lib/paraglide/messages';

/** Who saved it: a controller's name, or the bundled file. */
export const savedByWord = (savedBy: string): string => (savedBy === BUNDLED_BY ? m.studio_saved_by_bundled() : savedBy);

/** What the version is: the planner's own note as written, or what the library noted, worded. */
export function versionNoteWords(v: Pick<ScenarioVersionInfo, 'version' | 'note' | 'savedBy'>): string {
	const made = readMadeFrom(v);
	if (!made) return v.note;
	switch (made.kind) {
		case 'blank':
			return m.studio_made_blank();
		case 'copy':
			return m.studio_made_copy({ title: made.title, version: made.version });
		case 'import':
			return made.fileName ? m.studio_made_import({ file: made.fileName }) : m.studio_made_import_file();
		case 'bundled':
			return m.studio_made_bundled({ file: made.fileName });
	}
}
