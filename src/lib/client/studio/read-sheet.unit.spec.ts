import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MSEL_FIXTURE_COVER, MSEL_FIXTURE_SHEET, MSEL_FIXTURE_TEXT_ROWS } from '../../../../tests/fixtures/msel-20-rows';
import { cellText, MAX_SHEET_BYTES, readSheetFile, SheetReadError } from './read-sheet';

const FIXTURE = new URL('../../../../tests/fixtures/msel-20-rows.xlsx', import.meta.url);

async function failure(file: File) {
	try {
		await readSheetFile(file);
	} catch (err) {
		return err instanceof SheetReadError ? { code: err.code, fileName: err.fileName } : err;
	}
	return null;
}

describe('reading a spreadsheet file', () => {
	it('reads every sheet of the 20-row workbook, times as h:mm', async () => {
		const sheets = await readSheetFile(new File([readFileSync(FIXTURE)], 'msel-20-rows.xlsx'));
		expect(sheets.map((s) => s.name)).toEqual([MSEL_FIXTURE_COVER, MSEL_FIXTURE_SHEET]);
		expect(sheets[0]!.rows).toEqual([['Exercise BLUE HORIZON'], ['Planning team: national coast guard and customs'], ['Version', '3']]);
		expect(sheets[1]!.rows).toEqual(MSEL_FIXTURE_TEXT_ROWS);
	});

	it('reads a CSV with any delimiter, in UTF-8 or in Windows-1252', async () => {
		const utf8 = await readSheetFile(new File(['\uFEFFHora;Título\n0:30;Llamada de auxilio\n\n'], 'msel.csv'));
		expect(utf8).toEqual([
			{
				name: 'msel',
				rows: [
					['Hora', 'Título'],
					['0:30', 'Llamada de auxilio']
				]
			}
		]);
		const latin = new Uint8Array(
			[...'Heure,'].map((c) => c.charCodeAt(0)).concat([0x54, 0x69, 0x74, 0x72, 0x65, 0x0a, 0xc9, 0x76, 0xe9, 0x6e, 0x65, 0x6d, 0x65, 0x6e, 0x74, 0x2c, 0x31])
		);
		expect((await readSheetFile(new File([latin], 'old.csv')))[0]!.rows).toEqual([
			['Heure', 'Titre'],
			['Événement', '1']
		]);
	});

	it('refuses, naming the file, what it cannot read', async () => {
		expect(await failure(new File([new Uint8Array(MAX_SHEET_BYTES + 1)], 'huge.xlsx'))).toEqual({ code: 'too-large', fileName: 'huge.xlsx' });
		expect(await failure(new File(['x'], 'old.xls'))).toEqual({ code: 'old-excel', fileName: 'old.xls' });
		expect(await failure(new File(['x'], 'notes.pdf'))).toEqual({ code: 'unsupported', fileName: 'notes.pdf' });
		expect(await failure(new File(['PK not really a zip'], 'broken.xlsx'))).toEqual({ code: 'unreadable', fileName: 'broken.xlsx' });
		expect(await failure(new File(['\n\n'], 'empty.csv'))).toEqual({ code: 'empty', fileName: 'empty.csv' });
	});
});

describe('a cell as text', () => {
	it('gives times as h:mm, dates with their time, formulas as their result, rich text as its text', () => {
		expect(cellText(new Date(Date.UTC(1899, 11, 30, 1, 30)))).toBe('1:30');
		expect(cellText(new Date(Date.UTC(1899, 11, 31, 2, 5)))).toBe('26:05');
		expect(cellText(new Date(Date.UTC(2026, 4, 12, 8, 30)))).toBe('2026-05-12 08:30');
		expect(cellText(0.1 + 0.2)).toBe('0.3');
		expect(cellText(7)).toBe('7');
		expect(cellText(true)).toBe('TRUE');
		expect(cellText(null)).toBe('');
		expect(cellText({ formula: 'A1+1', result: 8 } as never)).toBe('8');
		expect(cellText({ richText: [{ text: 'Coast ' }, { text: 'Guard', font: { bold: true } }] })).toBe('Coast Guard');
		expect(cellText({ text: 'the brief', hyperlink: 'https://example.org' })).toBe('the brief');
		expect(cellText({ error: '#REF!' } as never)).toBe('');
	});
});
