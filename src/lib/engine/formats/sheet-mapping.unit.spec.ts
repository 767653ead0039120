import { describe, expect, it } from 'vitest';
import { MSEL_FIXTURE_HEADERS, MSEL_FIXTURE_TEXT_ROWS, MSEL_FIXTURE_UNGUESSED } from '../../../../tests/fixtures/msel-20-rows';
import { validateScenario } from '../scenario/parse';
import { MSEL_COLUMNS } from './msel-cells';
import {
	allAsNew,
	checkRows,
	guessField,
	guessHeaderRow,
	guessMapping,
	guessSheet,
	headerSetKey,
	mapRows,
	namesFound,
	nameKey,
	parseScores,
	parseSheetTrigger,
	readyToImport,
	rememberedMapping,
	resolveName,
	sheetMinutes,
	sheetScenario,
	titleFromFileName,
	withField,
	type ColumnMapping,
	type MappedRow,
	type NameChoices,
	type SheetField
} from './sheet-mapping';

const META = { id: 'blue-horizon', title: 'Blue horizon', language: 'en', kind: 'maritime-trafficking' } as const;

describe('guessing a column from its header', () => {
	it.each<[string, SheetField | null]>([
		// Common MSEL headings
		['Inject No.', 'number'],
		['Event #', 'number'],
		['Serial', 'number'],
		['Time', 'time'],
		['Time (hh:mm)', 'time'],
		['H-Hour+', 'time'],
		['Designated Scenario Time', 'time'],
		['To', 'teams'],
		['Recipient Player', 'teams'],
		['Method', 'channel'],
		['Means', 'channel'],
		['From', 'from'],
		['Originator', 'from'],
		['Subject', 'title'],
		['Injection', 'body'],
		['Event Synopsis', 'body'],
		['Expected Player Action', 'expectedAction'],
		['Expected player actions', 'expectedAction'],
		['Objective(s)', 'objectives'],
		['Core Capabilities', 'objectives'],
		['Controller notes', 'controllerNote'],
		['Inject id', 'injectId'],
		['Released by', 'trigger'],
		['Decision', 'decision'],
		['Decision deadline (min)', 'decisionDeadline'],
		['Expected within (min)', 'decisionExpected'],
		// Spanish, French, Dutch, Haitian Creole
		['Hora', 'time'],
		['Destinatarios', 'teams'],
		['Acción esperada', 'expectedAction'],
		['Título', 'title'],
		['Heure', 'time'],
		['Destinataire', 'teams'],
		['Réponse attendue', 'expectedAction'],
		['Expéditeur', 'from'],
		['Tijd', 'time'],
		['Ontvanger', 'teams'],
		['Kanaal', 'channel'],
		['Verwachte actie', 'expectedAction'],
		['Lè', 'time'],
		['Ekip', 'teams'],
		['Mesaj', 'body'],
		['Objektif', 'objectives'],
		// Options: by letter or number, with their points and feedback, in any of the languages
		['Option A', 'option:1:label'],
		['Option 2', 'option:2:label'],
		['Option B points', 'option:2:scores'],
		['Option A scores', 'option:1:scores'],
		['Opción 3 puntos', 'option:3:scores'],
		['Choix C retour', 'option:3:feedback'],
		['Optie H punten', 'option:8:scores'],
		['Opsyon D pwen', 'option:4:scores'],
		['Option A feedback', 'option:1:feedback'],
		// Our own export's translated columns
		['Title [fr]', 'tr:fr:title'],
		['Inject [es]', 'tr:es:body'],
		['Controller note [ht]', 'tr:ht:controllerNote'],
		['Decision [fr]', null],
		// Nothing we know
		['Remarks for controllers', null],
		['Colour', null],
		['', null],
		['Option Z', null]
	])('%s → %s', (header, field) => {
		expect(guessField(header)).toBe(field);
	});

	it('gives each field to the first column that names it', () => {
		expect(guessMapping(['Time', 'Heure', 'To', 'Option A', 'Decision'])).toEqual(['time', null, 'teams', 'option:1:label', 'decision']);
	});

	it('maps our own MSEL export, leaving its decision text (no option columns) unmapped', () => {
		const mapping = guessMapping(MSEL_COLUMNS);
		expect(Object.fromEntries(MSEL_COLUMNS.map((h, i) => [h, mapping[i]]))).toEqual({
			'Event No.': 'number',
			'Time (hh:mm)': 'time',
			'Move / phase': null,
			'Inject type': null,
			Channel: 'channel',
			From: 'from',
			To: 'teams',
			Title: 'title',
			Inject: 'body',
			'Expected action': 'expectedAction',
			Objectives: 'objectives',
			'Responsible controller': null,
			Contingency: null,
			Decision: null,
			'Controller note': 'controllerNote',
			'Inject id': 'injectId'
		});
	});

	it('moves a field from one column to another when the planner picks it again', () => {
		const mapping: ColumnMapping = ['time', 'title', null];
		expect(withField(mapping, 2, 'title')).toEqual(['time', null, 'title']);
		expect(withField(mapping, 0, null)).toEqual([null, 'title', null]);
	});

	it('finds the header row below a title block, and the MSEL sheet of a workbook', () => {
		expect(guessHeaderRow(MSEL_FIXTURE_TEXT_ROWS)).toBe(2);
		expect(guessHeaderRow([[], ['just', 'words'], ['more']])).toBe(1);
		const cover = { name: 'Cover', rows: [['Exercise BLUE HORIZON'], ['Version', '3']] };
		expect(guessSheet([cover, { name: 'MSEL', rows: MSEL_FIXTURE_TEXT_ROWS }])).toBe(1);
		expect(guessSheet([cover])).toBe(0);
	});
});

describe('remembering a mapping per header set', () => {
	it('keys a header set the same however it is spelt, and differently for other headers', () => {
		expect(headerSetKey(['Time', 'To'])).toBe(headerSetKey([' TIME ', 'to']));
		expect(headerSetKey(['Time', 'To'])).not.toBe(headerSetKey(['To', 'Time']));
		expect(headerSetKey(['Time', 'To'])).not.toBe(headerSetKey(['Time', 'To', 'From']));
		expect(headerSetKey(['Time', 'To'])).toMatch(/^2-[0-9a-f]{8}$/);
	});

	it('takes back a stored mapping only when it fits the headers', () => {
		const headers = ['Time', 'To', 'Whatever'];
		expect(rememberedMapping(['time', 'teams', null], headers)).toEqual(['time', 'teams', null]);
		expect(rememberedMapping(['time', 'teams'], headers)).toBeNull();
		expect(rememberedMapping(['time', 'teams', 'colour'], headers)).toBeNull();
		expect(rememberedMapping(['time', 'time', null], headers)).toBeNull();
		expect(rememberedMapping('time', headers)).toBeNull();
	});
});

describe('cells', () => {
	it.each<[string, number | null]>([
		['0:30', 30],
		['01:30', 90],
		['1:30:30', 90.5],
		['45', 45],
		['+45', 45],
		['T+0:30', 30],
		['H+30', 30],
		['h + 1:15', 75],
		['1h30', 90],
		['2 h', 120],
		['90 min', 90],
		["20'", 20],
		['2026-05-12 08:30', 510],
		['soon', null],
		['', null]
	])('time %s → %s', (text, minutes) => {
		expect(sheetMinutes(text)).toBe(minutes);
	});

	it.each<[string, ReturnType<typeof parseSheetTrigger>]>([
		['', null],
		['5', { kind: 'decision', event: 5, option: null }],
		['#5', { kind: 'decision', event: 5, option: null }],
		['5 B', { kind: 'decision', event: 5, option: 'B' }],
		['5: Option B', { kind: 'decision', event: 5, option: 'B' }],
		['Event 5 = Board now', { kind: 'decision', event: 5, option: 'Board now' }],
		['5/2', { kind: 'decision', event: 5, option: '2' }],
		['missed 12', { kind: 'missed', event: 12 }],
		['No answer #12', { kind: 'missed', event: 12 }],
		['sin respuesta 12', { kind: 'missed', event: 12 }],
		['12 manqué', { kind: 'missed', event: 12 }],
		['when they call', 'unreadable']
	])('trigger %s', (text, trigger) => {
		expect(parseSheetTrigger(text)).toEqual(trigger);
	});

	it('reads points per objective name, or one number for the row’s only objective', () => {
		expect(parseScores('Detect and share: 5; Lawful interdiction: -2', [])).toEqual({
			ok: true,
			scores: [
				{ objective: 'Detect and share', points: 5 },
				{ objective: 'Lawful interdiction', points: -2 }
			]
		});
		// Our own export's "(objective: 3, other: 1)" and a decimal comma
		expect(parseScores('detect: 3, share: 2,5\ninterdiction = −1', [])).toEqual({
			ok: true,
			scores: [
				{ objective: 'detect', points: 3 },
				{ objective: 'share', points: 2.5 },
				{ objective: 'interdiction', points: -1 }
			]
		});
		expect(parseScores('4', ['Lawful interdiction'])).toEqual({ ok: true, scores: [{ objective: 'Lawful interdiction', points: 4 }] });
		expect(parseScores('4', ['A', 'B'])).toEqual({ ok: false, code: 'score-needs-objective' });
		expect(parseScores('4', [])).toEqual({ ok: false, code: 'score-needs-objective' });
		expect(parseScores('very good', [])).toEqual({ ok: false, code: 'bad-scores' });
		expect(parseScores('', [])).toEqual({ ok: true, scores: [] });
	});

	it('makes a title from a file name', () => {
		expect(titleFromFileName('msel_blue-horizon v3.xlsx')).toBe('msel blue horizon v3');
		expect(titleFromFileName('.csv')).toBe('MSEL');
	});
});

/** A small sheet: headers, then rows; mapped by guessing. */
function sheet(headers: string[], ...rows: string[][]): MappedRow[] {
	return mapRows([headers, ...rows], 0, guessMapping(headers));
}
const codes = (row: MappedRow) => row.problems.map((p) => `${p.code}${p.field ? `@${p.field}` : ''}`);
const BASE = ['No', 'Time', 'To', 'Channel', 'From', 'Title', 'Inject'];

describe('row problems', () => {
	it('names each missing mandatory field, and skips empty rows', () => {
		const rows = sheet(
			BASE,
			['1', '', '', '', '', '', ''],
			['2', '0:10', 'Coast Guard', 'VHF', 'Fisherman', 'Sighting', 'A boat.'],
			['', '', '', '', '', '', '']
		);
		expect(rows).toHaveLength(2);
		expect(codes(rows[0]!)).toEqual(['missing@time', 'missing@teams', 'missing@channel', 'missing@from', 'missing@body', 'missing@title']);
		expect(rows[0]!.problems.every((p) => p.severity === 'error')).toBe(true);
		expect(codes(rows[1]!)).toEqual([]);
		expect(rows[1]).toMatchObject({
			row: 3,
			number: 2,
			at: 10,
			teams: ['Coast Guard'],
			channel: 'radio',
			from: 'Fisherman',
			title: 'Sighting',
			body: 'A boat.'
		});
	});

	it('settles what it can and says so: a title from the text, email for an unknown channel', () => {
		const [row] = sheet(BASE, ['x', 'later', 'Customs; customs', 'Pigeon', 'HQ', '', 'The shipment leaves tonight. More follows.']);
		expect(codes(row!)).toEqual(['bad-number@number', 'bad-time@time', 'unknown-channel@channel', 'title-from-body@title']);
		expect(row!.problems.filter((p) => p.severity === 'warning').map((p) => p.code)).toEqual(['bad-number', 'unknown-channel', 'title-from-body']);
		expect(row).toMatchObject({ number: null, at: null, channel: 'email', title: 'The shipment leaves tonight. More follows.', teams: ['Customs'] });
	});

	it('subtracts the start time when the sheet has clock times', () => {
		const rows = mapRows([BASE, ['1', '09:30', 'CG', 'VHF', 'A', 'B', 'C'], ['2', '08:00', 'CG', 'VHF', 'A', 'B', 'C']], 0, guessMapping(BASE), {
			startAt: 9 * 60
		});
		expect(rows[0]!.at).toBe(30);
		expect(codes(rows[1]!)).toEqual(['before-start@time']);
	});

	it('builds a decision from its columns and says what is wrong with one', () => {
		const headers = [
			...BASE,
			'Objectives',
			'Decision',
			'Option A',
			'Option A points',
			'Option B',
			'Option B points',
			'Option C points',
			'Deadline',
			'Expected within'
		];
		let n = 0;
		const row = (...cells: string[]) => [String(++n), '0:10', 'CG', 'VHF', 'A', 'B', 'C', ...cells];
		const [good, one, noPrompt, badScores, range, deadline] = sheet(
			headers,
			row('Share', 'What now?', 'Act', 'Share: 5', 'Wait', '-1', '', '20', '10'),
			row('Share', 'What now?', 'Act', '5', '', '', '', '', ''),
			row('Share', '', 'Act', '5', 'Wait', '1', '', '', ''),
			row('Share; Detect', 'What now?', 'Act', '5', 'Wait', 'lots', '3', '', ''),
			row('Share', 'What now?', 'Act', 'Share: 12', 'Wait', 'Share: 1', '', '', '30'),
			row('Share', 'What now?', 'Act', '1', 'Wait', '2', '', '5', 'ten')
		);
		expect(codes(good!)).toEqual([]);
		expect(good!.decision).toEqual({
			prompt: 'What now?',
			expectedWithinMinutes: 10,
			deadlineMinutes: 20,
			options: [
				{ n: 1, label: 'Act', scores: [{ objective: 'Share', points: 5 }], feedback: '' },
				{ n: 2, label: 'Wait', scores: [{ objective: 'Share', points: -1 }], feedback: '' }
			]
		});
		expect(codes(one!)).toEqual(['few-options@decision', 'default-deadline@decisionDeadline']);
		expect(one!.decision).toMatchObject({ deadlineMinutes: 30, expectedWithinMinutes: 30 });
		expect(codes(noPrompt!)).toEqual(['options-without-prompt@decision']);
		expect(noPrompt!.decision).toBeNull();
		expect(codes(badScores!)).toEqual([
			'score-needs-objective@option:1:scores',
			'bad-scores@option:2:scores',
			'option-without-label@option:3:label',
			'default-deadline@decisionDeadline'
		]);
		expect(codes(range!)).toEqual(['score-range@option:1:scores', 'default-deadline@decisionDeadline']);
		expect(range!.decision!.deadlineMinutes).toBe(30);
		expect(codes(deadline!)).toEqual(['bad-minutes@decisionExpected']);
	});

	it('adds the objectives a decision scores to the inject’s objectives', () => {
		const headers = [...BASE, 'Decision', 'Option A', 'Option A points', 'Option B', 'Option B points'];
		const [row] = sheet(headers, ['1', '0:10', 'CG', 'VHF', 'A', 'B', 'C', 'Q?', 'Yes', 'Detect: 2', 'No', 'detect: -1; Share: 3']);
		expect(row!.objectives).toEqual(['Detect', 'Share']);
	});

	it('resolves triggers by event number and option letter, number or label', () => {
		const headers = [...BASE, 'Decision', 'Option A', 'Option A points', 'Option B', 'Option B points', 'Released by'];
		const decision = ['Q?', 'Board now', 'X: 1', 'Wait', 'X: 2'];
		const [d, byLetter, byLabel, byNumber, missed, unknownEvent, notDecision, unknownOption, self, both] = sheet(
			headers,
			['5', '0:10', 'CG', 'VHF', 'A', 'B', 'C', ...decision, ''],
			['6', '', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', '5 B'],
			['7', '', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', '5 = board now'],
			['8', '', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', '5: option 2'],
			['9', '', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', 'missed 5'],
			['10', '', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', '44'],
			['11', '', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', '6'],
			['12', '', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', '5 D'],
			['13', '0:20', 'CG', 'VHF', 'A', 'B', 'C', ...decision, '13'],
			['14', '0:30', 'CG', 'VHF', 'A', 'B', 'C', '', '', '', '', '', '5']
		);
		expect(codes(d!)).toEqual(['default-deadline@decisionDeadline']);
		expect(byLetter!.watches).toEqual({ row: 2, option: 2 });
		expect(byLabel!.watches).toEqual({ row: 2, option: 1 });
		expect(byNumber!.watches).toEqual({ row: 2, option: 2 });
		expect(missed!.watches).toEqual({ row: 2, option: null });
		expect(missed!.trigger).toEqual({ kind: 'missed', event: 5 });
		for (const row of [byLetter, byLabel, byNumber, missed]) expect(codes(row!)).toEqual([]);
		expect(codes(unknownEvent!)).toEqual(['unknown-event@trigger']);
		expect(codes(notDecision!)).toEqual(['not-a-decision@trigger']);
		expect(codes(unknownOption!)).toEqual(['unknown-option@trigger']);
		expect(unknownOption!.problems[0]!.params).toEqual({ number: 5, option: 'D' });
		expect(codes(self!)).toContain('self-trigger@trigger');
		expect(codes(both!)).toEqual(['time-and-trigger@time']);
	});

	it('warns of an event number used twice (triggers watch the first)', () => {
		const [, second] = sheet(BASE, ['1', '0:10', 'CG', 'VHF', 'A', 'B', 'C'], ['1', '0:20', 'CG', 'VHF', 'A', 'B', 'C']);
		expect(codes(second!)).toEqual(['duplicate-number@number']);
	});

	it('a row names no team until the planner confirms it, and a trigger on an excluded row is a problem', () => {
		const headers = [...BASE, 'Objective', 'Decision', 'Option A', 'Option A points', 'Option B', 'Option B points', 'Released by'];
		const rows = sheet(
			headers,
			['1', '0:10', 'Coast Guard', 'VHF', 'A', 'B', 'C', 'Share', 'Q?', 'Yes', '1', 'No', '0', ''],
			['2', '', 'CG; Customs', 'VHF', 'A', 'B', 'C', 'Share', '', '', '', '', '', '1 A']
		);
		const none = { teams: {}, objectives: {} };
		expect(checkRows(rows, none, new Set()).map((c) => c.problems.map((p) => `${p.code}:${p.params.name}`))).toEqual([
			['default-deadline:undefined', 'unconfirmed-team:Coast Guard', 'unconfirmed-objective:Share'],
			['unconfirmed-team:CG', 'unconfirmed-team:Customs', 'unconfirmed-objective:Share']
		]);
		expect(readyToImport(checkRows(rows, none, new Set()))).toBe(false);
		const teams: NameChoices = { ...allAsNew(namesFound(rows, 'teams')), cg: { as: 'same', target: 'Coast Guard' } };
		const choices = { teams, objectives: allAsNew(namesFound(rows, 'objectives')) };
		const checks = checkRows(rows, choices, new Set([2]));
		expect(checks.map((c) => [c.row, c.excluded, c.problems.map((p) => p.code)])).toEqual([
			[2, true, ['default-deadline']],
			[3, false, ['trigger-excluded']]
		]);
		// A trigger problem leaves a problem in the draft, but does not stop the import; excluding every row does.
		expect(readyToImport(checks)).toBe(true);
		expect(readyToImport(checkRows(rows, choices, new Set([2, 3])))).toBe(false);
		expect(readyToImport(checkRows(rows, { teams: {}, objectives: choices.objectives }, new Set([2, 3])))).toBe(false);
	});
});

describe('team and objective names', () => {
	it('lists the distinct names in order of first use, with their rows', () => {
		const rows = sheet(
			BASE,
			['1', '0:10', 'Coast Guard; Customs', 'VHF', 'A', 'B', 'C'],
			['2', '0:20', 'coast guard', 'VHF', 'A', 'B', 'C'],
			['3', '0:30', 'CG', 'VHF', 'A', 'B', 'C']
		);
		expect(namesFound(rows, 'teams')).toEqual([
			{ name: 'Coast Guard', rows: [2, 3] },
			{ name: 'Customs', rows: [2] },
			{ name: 'CG', rows: [4] }
		]);
	});

	it('follows "same as" choices to a new name, and never loops', () => {
		const choices: NameChoices = {
			cg: { as: 'same', target: 'Coast guard' },
			'coast guard': { as: 'new', name: 'National Coast Guard' },
			a: { as: 'same', target: 'b' },
			b: { as: 'same', target: 'a' },
			blank: { as: 'new', name: '  ' }
		};
		expect(resolveName(' CG ', choices)).toBe('coast guard');
		expect(resolveName('Coast Guard', choices)).toBe('coast guard');
		expect(resolveName('a', choices)).toBeNull();
		expect(resolveName('blank', choices)).toBeNull();
		expect(resolveName('Customs', choices)).toBeNull();
		expect(nameKey('  Coast   GUARD ')).toBe('coast guard');
	});
});

describe('a 20-row MSEL with its own column names → a new scenario', () => {
	const headerRow = guessHeaderRow(MSEL_FIXTURE_TEXT_ROWS);
	const headers = MSEL_FIXTURE_TEXT_ROWS[headerRow]!;
	const guessed = guessMapping(headers);
	const column = (h: string) => headers.indexOf(h);
	let mapping = guessed;
	mapping = withField(mapping, column('Player response sought'), 'expectedAction');
	mapping = withField(mapping, column('Remarks for controllers'), 'controllerNote');
	mapping = withField(mapping, column('Follows'), 'trigger');
	const rows = mapRows(MSEL_FIXTURE_TEXT_ROWS, headerRow, mapping);

	it('guesses every column but three', () => {
		expect(headers).toEqual([...MSEL_FIXTURE_HEADERS]);
		const unguessed = headers.filter((_, i) => guessed[i] === null);
		expect(unguessed).toEqual([...MSEL_FIXTURE_UNGUESSED]);
		expect(guessed.slice(0, 7)).toEqual(['number', 'time', 'teams', 'channel', 'from', 'title', 'body']);
		expect(guessed.slice(9)).toEqual([
			'objectives',
			'decision',
			'option:1:label',
			'option:1:scores',
			'option:2:label',
			'option:2:scores',
			'option:3:label',
			'option:3:scores',
			'decisionDeadline',
			null
		]);
	});

	it('reads 20 rows with no problem of their own but the default deadlines', () => {
		expect(rows).toHaveLength(20);
		expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
		expect(rows.flatMap((r) => r.problems)).toEqual([]);
		expect(rows[19]!.at).toBe(180);
		expect(rows[13]!.watches).toEqual({ row: 9, option: 2 });
		expect(rows[14]!.watches).toEqual({ row: 15, option: null });
	});

	it('asks for the teams and objectives the sheet names', () => {
		expect(namesFound(rows, 'teams').map((n) => n.name)).toEqual(['Coast Guard', 'Customs', 'CG']);
		expect(namesFound(rows, 'objectives').map((n) => n.name)).toEqual(['Detect and share', 'Lawful interdiction']);
		expect(readyToImport(checkRows(rows, { teams: {}, objectives: {} }, new Set()))).toBe(false);
	});

	it('once they are confirmed, builds a scenario whose only problems are the details a sheet cannot carry', () => {
		const choices = {
			teams: { ...allAsNew(namesFound(rows, 'teams')), cg: { as: 'same', target: 'Coast Guard' } } as NameChoices,
			objectives: allAsNew(namesFound(rows, 'objectives'))
		};
		const checks = checkRows(rows, choices, new Set());
		expect(checks.flatMap((c) => c.problems)).toEqual([]);
		expect(readyToImport(checks)).toBe(true);
		const data = sheetScenario(rows, choices, new Set(), META);
		expect(data.teams).toEqual([
			{ id: 'coast-guard', name: 'Coast Guard' },
			{ id: 'customs', name: 'Customs' }
		]);
		expect(data.objectives).toEqual([
			{ id: 'detect-and-share', name: 'Detect and share' },
			{ id: 'lawful-interdiction', name: 'Lawful interdiction' }
		]);
		expect(data.injects).toHaveLength(20);
		expect(data.durationMinutes).toBe(210);

		const result = validateScenario(data);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.path).sort()).toEqual(
			['summary', 'teams[0].agency', 'teams[0].state', 'teams[1].agency', 'teams[1].state', 'objectives[0].capability', 'objectives[1].capability'].sort()
		);

		// The planner fills those in the studio: then it is a valid scenario, decisions and branches included.
		const filled = structuredClone(data) as typeof data & { teams: Record<string, unknown>[]; objectives: Record<string, unknown>[] };
		filled.summary = 'A go-fast off the southern coast.';
		for (const team of filled.teams) Object.assign(team, { agency: `${String(team.name)} agency`, state: 'Grenada' });
		for (const objective of filled.objectives) objective.capability = 'Interdiction and disruption';
		const valid = validateScenario(filled);
		expect(valid.ok ? [] : valid.problems).toEqual([]);
		if (!valid.ok) return;
		const s = valid.scenario;
		const cg = s.injects.find((i) => i.number === 4)!;
		expect(cg.to).toEqual(['coast-guard']);
		expect(s.injects.find((i) => i.number === 8)).toMatchObject({ channel: 'media', at: 70, controllerNote: 'Play the reporter as persistent but polite.' });
		expect(s.injects.find((i) => i.number === 2)).toMatchObject({
			channel: 'radio',
			at: 10,
			from: 'Fishing vessel Marisol',
			expectedAction: 'Log the report and task a patrol asset to investigate.'
		});
		const six = s.injects.find((i) => i.number === 6)!;
		expect(six.decision).toMatchObject({
			prompt: 'What do you order the Guardian to do?',
			deadlineMinutes: 15,
			expectedWithinMinutes: 15,
			options: [
				{ id: 'intercept-inside-our-territorial-sea-now', scores: { 'lawful-interdiction': 5, 'detect-and-share': 2 } },
				{ id: 'shadow-it-and-alert-the-neighbouring-state', scores: { 'detect-and-share': 5, 'lawful-interdiction': 1 } },
				{ id: 'take-no-action', scores: { 'lawful-interdiction': -3, 'detect-and-share': -2 } }
			]
		});
		expect(s.injects.find((i) => i.number === 12)!.decision!.options.map((o) => o.scores)).toEqual([
			{ 'lawful-interdiction': 4 },
			{ 'lawful-interdiction': -4 }
		]);
		const fourteen = s.injects.find((i) => i.number === 14)!;
		expect(fourteen.trigger).toEqual({ decision: six.id, option: 'shadow-it-and-alert-the-neighbouring-state', delayMinutes: 0 });
		expect('at' in fourteen).toBe(false);
		expect(s.injects.find((i) => i.number === 15)!.trigger).toEqual({ missed: s.injects.find((i) => i.number === 12)!.id, delayMinutes: 0 });
	});

	it('leaves out excluded rows, and the teams only they used', () => {
		const choices = { teams: allAsNew(namesFound(rows, 'teams')), objectives: allAsNew(namesFound(rows, 'objectives')) };
		const data = sheetScenario(rows, choices, new Set([7]), META);
		expect(data.injects).toHaveLength(19);
		expect(data.teams.map((t) => t.name)).toEqual(['Coast Guard', 'Customs']);
		expect(data.injects.some((i) => i.number === 4)).toBe(false);
	});

	it('drops a trigger on an excluded row (keeping a time the row has) and keeps translations of other languages', () => {
		const headers = [...BASE, 'Decision', 'Option A', 'Option A points', 'Option B', 'Option B points', 'Released by', 'Title [fr]', 'Title [en]'];
		const rows2 = mapRows(
			[
				headers,
				['1', '0:10', 'CG', 'VHF', 'A', 'Question', 'C', 'Q?', 'Yes', 'X: 1', 'No', 'X: 0', '', 'La question', 'Same'],
				['2', '0:40', 'CG', 'VHF', 'A', 'Follow', 'C', '', '', '', '', '', '1 A', '', '']
			],
			0,
			guessMapping(headers)
		);
		const choices = { teams: allAsNew(namesFound(rows2, 'teams')), objectives: allAsNew(namesFound(rows2, 'objectives')) };
		const kept = sheetScenario(rows2, choices, new Set(), META);
		expect(kept.injects[1]).toMatchObject({ trigger: { decision: 'question', option: 'yes' } });
		expect(kept.injects[1]!.at).toBeUndefined();
		expect(kept.injects[0]!.translations).toEqual({ fr: { title: 'La question' } });
		const dropped = sheetScenario(rows2, choices, new Set([2]), META);
		expect(dropped.injects).toEqual([expect.objectContaining({ id: 'follow', at: 40 })]);
		expect(dropped.injects[0]!.trigger).toBeUndefined();
	});
});
