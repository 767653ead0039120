/**
 * How a library version came to be, when the library and not the planner wrote its note: a blank start, a copy of
 * another scenario's version, an import, a bundled file. The note is stored in English (the audit log and the API
 * read it); `readMadeFrom` gives the studio the facts back, to word them in the reader's language. A planner's own
 * note is never read as one of these: it is only read on a version the library made (version 1 of an entry, or a
 * bundled file's).
 */

/** Who saved a version seeded from a bundled file. */
export const BUNDLED_BY = 'bundled file';

export type MadeFrom =
	| { kind: 'blank' }
	| { kind: 'copy'; key: string; version: number; title: string }
	| { kind: 'import'; fileName: string | null }
	| { kind: 'bundled'; fileName: string };

/** The stored (English) note of a version the library made. */
export function madeFromNote(made: MadeFrom): string {
	switch (made.kind) {
		case 'blank':
			return 'new';
		case 'copy':
			return `copy of "${made.title.replaceAll('"', "'")}" (${made.key} v${made.version})`;
		case 'import':
			return made.fileName ? `imported from ${made.fileName.slice(0, 100)}` : 'imported';
		case 'bundled':
			return made.fileName;
	}
}

/** The facts of a version the library made, from its note; null for a planner's note (or any other version). */
export function readMadeFrom(v: { version: number; note: string; savedBy: string }): MadeFrom | null {
	if (v.savedBy === BUNDLED_BY) return { kind: 'bundled', fileName: v.note };
	if (v.version !== 1) return null;
	if (v.note === 'new') return { kind: 'blank' };
	if (v.note === 'imported') return { kind: 'import', fileName: null };
	if (v.note.startsWith('imported from ')) return { kind: 'import', fileName: v.note.slice('imported from '.length) };
	const copy = /^copy of "(.*)" \(([a-z0-9-]+) v(\d+)\)$/.exec(v.note);
	if (copy) return { kind: 'copy', title: copy[1]!, key: copy[2]!, version: Number(copy[3]) };
	return null;
}
