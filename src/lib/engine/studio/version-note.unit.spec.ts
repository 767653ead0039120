import { describe, expect, it } from 'vitest';
import { BUNDLED_BY, madeFromNote, readMadeFrom, type MadeFrom } from './version-note';

const first = (note: string, savedBy = 'Ana Planner') => readMadeFrom({ version: 1, note, savedBy });

describe('version notes the library writes', () => {
	it('read back as the facts they were written from', () => {
		const made: MadeFrom[] = [
			{ kind: 'blank' },
			{ kind: 'copy', key: 'maritime-trafficking-southern-caribbean', version: 3, title: 'Maritime trafficking — "southern" Caribbean' },
			{ kind: 'import', fileName: 'go-fast.yaml' },
			{ kind: 'import', fileName: null }
		];
		const back = made.map((m) => first(madeFromNote(m)));
		expect(back).toEqual([made[0], { ...made[1], title: "Maritime trafficking — 'southern' Caribbean" }, made[2], made[3]]);
		expect(readMadeFrom({ version: 4, note: 'maritime.yaml', savedBy: BUNDLED_BY })).toEqual({ kind: 'bundled', fileName: 'maritime.yaml' });
	});

	it("leave a planner's own note alone, even one that reads like them", () => {
		expect(first('Teams and objectives')).toBeNull();
		expect(readMadeFrom({ version: 2, note: 'new', savedBy: 'Ana Planner' })).toBeNull();
		expect(readMadeFrom({ version: 5, note: 'imported from go-fast.yaml', savedBy: 'Ana Planner' })).toBeNull();
	});
});
