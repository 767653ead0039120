/**
 * node --import tsx scripts/make-msel-fixture.ts
 * Writes tests/fixtures/msel-20-rows.xlsx from tests/fixtures/msel-20-rows.ts: a cover sheet, then the MSEL sheet
 * (a title row, an empty row, the header row, 20 rows; times as real spreadsheet time cells), as a planner's
 * spreadsheet program would save it. Run it again after changing the rows.
 */
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { MSEL_FIXTURE_COVER, MSEL_FIXTURE_HEADERS, MSEL_FIXTURE_ROWS, MSEL_FIXTURE_SHEET, MSEL_FIXTURE_TITLE } from '../tests/fixtures/msel-20-rows';

const OUT = fileURLToPath(new URL('../tests/fixtures/msel-20-rows.xlsx', import.meta.url));
const MINUTES_PER_DAY = 24 * 60;

const workbook = new ExcelJS.Workbook();
workbook.creator = 'Crosscurrent test fixture';
// Fixed document dates (the zip entries still carry the time of writing).
workbook.created = new Date(Date.UTC(2026, 0, 1));
workbook.modified = new Date(Date.UTC(2026, 0, 1));

const cover = workbook.addWorksheet(MSEL_FIXTURE_COVER);
cover.addRow(['Exercise BLUE HORIZON']);
cover.addRow(['Planning team: national coast guard and customs']);
cover.addRow(['Version', 3]);

const sheet = workbook.addWorksheet(MSEL_FIXTURE_SHEET);
sheet.addRow([MSEL_FIXTURE_TITLE]);
sheet.addRow([]);
const header = sheet.addRow([...MSEL_FIXTURE_HEADERS]);
header.font = { bold: true };
for (const cells of MSEL_FIXTURE_ROWS) {
	const row = sheet.addRow(cells.map((c) => (typeof c === 'object' ? c.minutes / MINUTES_PER_DAY : c)));
	cells.forEach((c, i) => {
		if (typeof c === 'object') row.getCell(i + 1).numFmt = '[h]:mm';
	});
}
sheet.columns.forEach((column) => (column.width = 24));

await workbook.xlsx.writeFile(OUT);
console.log(`wrote ${OUT}: ${MSEL_FIXTURE_ROWS.length} rows`);
