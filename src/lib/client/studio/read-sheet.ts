/**
 * A planner's spreadsheet file → its sheets as rows of text cells, read in the browser (nothing is uploaded until the
 * planner imports). `.xlsx` through exceljs (loaded only when such a file is chosen: it is a large library), `.csv`
 * through papaparse. Times stored as spreadsheet times come back as h:mm; formulas as their last result.
 */
import Papa from 'papaparse';
import type { CellValue, Workbook } from 'exceljs';
import type { Sheet } from '$lib/engine/formats/sheet-mapping';

/** The largest file the import reads: an MSEL of 2,000 injects is well under 1 MB. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_MEGABYTES = MAX_SHEET_BYTES / 1024 / 1024;

export type SheetReadFailure = 'too-large' | 'old-excel' | 'unsupported' | 'unreadable' | 'empty';

/** Why a file could not be read, with its name (the page words it). */
export class SheetReadError extends Error {
	constructor(
		readonly code: SheetReadFailure,
		readonly fileName: string
	) {
		super(`${fileName}: ${code}`);
		this.name = 'SheetReadError';
	}
}

/** Spreadsheet dates count days from 1899-12-30; exceljs gives them as Dates in UTC. */
const SHEET_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/** One cell's value as the text a planner sees in it. */
export function cellText(value: CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(Number(value.toPrecision(12)));
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) {
		const ms = value.getTime() - SHEET_EPOCH;
		// A time (or a duration) with no date: hours and minutes since midnight.
		if (ms >= 0 && ms < 4 * 24 * 3600_000) {
			const minutes = Math.round(ms / 60_000);
			return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
		}
		return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
	}
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result);
		if ('hyperlink' in value) return cellText(value.text as CellValue);
		if ('error' in value) return '';
	}
	return String(value);
}

/** Rows without the empty cells at their ends, and without the empty rows at the bottom. */
function trimmed(rows: string[][]): string[][] {
	const out = rows.map((row) => {
		let end = row.length;
		while (end > 0 && row[end - 1]!.trim() === '') end--;
		return row.slice(0, end);
	});
	while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
	return out;
}

async function readWorkbook(bytes: ArrayBuffer): Promise<Sheet[]> {
	const excel = await import('exceljs');
	const Excel = (excel.default ?? excel) as typeof import('exceljs');
	const workbook: Workbook = new Excel.Workbook();
	await workbook.xlsx.load(bytes);
	return workbook.worksheets.map((ws) => {
		const rows: string[][] = [];
		for (let r = 1; r <= ws.rowCount; r++) {
			const row = ws.getRow(r);
			const cells: string[] = [];
			for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
			rows.push(cells);
		}
		return { name: ws.name, rows: trimmed(rows) };
	});
}

/** CSV text: UTF-8 when it is valid UTF-8, else Windows-1252 (what older spreadsheet programs save). */
function decodeCsv(bytes: ArrayBuffer): string {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	return text.replace(/^\uFEFF/, '');
}

/**
 * The delimiter, from the first filled line: a comma, or the semicolon or tab some spreadsheet programs write
 * (decided on that line alone: cells further down hold semicolons of their own, "Coast Guard; Customs").
 */
function delimiterOf(text: string): string {
	const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
	const count = (d: string) => first.split(d).length - 1;
	return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

function readCsv(bytes: ArrayBuffer, name: string): Sheet[] {
	const text = decodeCsv(bytes);
	const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
	return [{ name: name.replace(/\.[^.]+$/, ''), rows: trimmed(parsed.data.map((row) => row.map((c) => c ?? ''))) }];
}

/** Reads a chosen file; throws a SheetReadError naming the file when it is too large, of another kind, or cannot be read. */
export async function readSheetFile(file: File): Promise<Sheet[]> {
	if (file.size > MAX_SHEET_BYTES) throw new SheetReadError('too-large', file.name);
	const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
	if (extension === 'xls') throw new SheetReadError('old-excel', file.name);
	if (!['xlsx', 'xlsm', 'csv', 'txt', 'tsv'].includes(extension)) throw new SheetReadError('unsupported', file.name);
	const bytes = await file.arrayBuffer();
	const zip = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
	const isZip = zip[0] === 0x50 && zip[1] === 0x4b;
	let sheets: Sheet[];
	try {
		sheets = extension.startsWith('xls') || isZip ? await readWorkbook(bytes) : readCsv(bytes, file.name);
	} catch {
		throw new SheetReadError('unreadable', file.name);
	}
	const filled = sheets.filter((s) => s.rows.length > 0);
	if (filled.length === 0) throw new SheetReadError('empty', file.name);
	return filled;
}
