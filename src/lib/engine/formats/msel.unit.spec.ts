import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { MSEL_COLUMNS, normaliseChannel, parseExerciseMinutes, TRANSLATED_MSEL_COLUMNS } from './msel-cells';
import { mselToCsv } from './msel-export';
import { csvToScenarioSkeleton } from './msel-import';
import { parseScenarioYaml } from '../scenario/parse';
import { scenarioSchema, type Inject, type Scenario } from '../scenario/schema';

const MARITIME = '../../../../scenarios/maritime-trafficking-southern-caribbean';
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const loaded = (translated: ('es' | 'fr')[]) => {
	const translations = translated.map((locale) => ({
		file: `${locale}.yaml`,
		locale,
		source: read(`${MARITIME.replace('/scenarios/', '/scenarios/translations/')}.${locale}.yaml`)
	}));
	const result = parseScenarioYaml(read(`${MARITIME}.yaml`), undefined, translations);
	if (!result.ok) throw new Error(`bundled scenario is invalid: ${JSON.stringify(result.problems)}`);
	return result.scenario;
};
const bundled = loaded([]);
const translated = loaded(['es', 'fr']);

const ROUND_TRIP_FIELDS = [
	'id',
	'number',
	'at',
	'from',
	'to',
	'channel',
	'title',
	'body',
	'expectedAction',
	'objectives',
	'controllerNote',
	'translations'
] as const;
const carried = (inject: Partial<Inject>) => Object.fromEntries(ROUND_TRIP_FIELDS.map((k) => [k, inject[k]]));

/** The CSV as rows of cells (header first), BOM removed. */
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** A CSV with the standard header, built from partial rows. */
function csvOf(rows: Partial<Record<(typeof MSEL_COLUMNS)[number], string>>[], columns: readonly string[] = MSEL_COLUMNS) {
	return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => (r as Record<string, string>)[c] ?? '')) });
}

describe.each([
	['the mini scenario', miniScenario],
	['the bundled maritime scenario', bundled],
	['the bundled maritime scenario with its Spanish and French texts', translated]
] as [string, Scenario][])('MSEL round trip of %s', (_name, original) => {
	const csv = mselToCsv(original);
	const known = { id: 'imported', title: 'Imported', teams: original.teams, objectives: original.objectives };

	it('writes a BOM, the header and one row per inject', () => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = rowsOf(csv);
		const languages = [...new Set(original.injects.flatMap((i) => Object.keys(i.translations ?? {})))];
		expect(rows[0]).toEqual([...MSEL_COLUMNS, ...languages.flatMap((l) => TRANSLATED_MSEL_COLUMNS.map((c) => `${c} [${l}]`))]);
		expect(rows).toHaveLength(original.injects.length + 1);
		const decisions = original.injects.filter((i) => i.decision).length;
		expect(rows.filter((r) => r[3] === 'decision')).toHaveLength(decisions);
	});

	it('brings back every inject field the CSV carries (a triggered inject comes back at 0, to be re-triggered in YAML)', () => {
		const { scenario } = csvToScenarioSkeleton(csv, known);
		const ordered = [...original.injects].sort((a, b) => Number(a.at === undefined) - Number(b.at === undefined));
		expect(scenario.injects.map((i) => carried(i as Partial<Inject>))).toEqual(ordered.map((i) => carried({ ...i, at: i.at ?? 0 } as Partial<Inject>)));
	});

	it('produces a skeleton that passes the schema; only the decisions are lost, with a warning', () => {
		const { scenario, warnings } = csvToScenarioSkeleton(csv, known);
		const parsed = scenarioSchema.safeParse(scenario);
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		expect(parsed.data!.injects.filter((i) => i.decision)).toEqual([]);
		const decisionWarnings = warnings.filter((w) => w.startsWith('Decisions are not imported'));
		expect(decisionWarnings).toHaveLength(1);
		for (const inject of original.injects.filter((i) => i.decision)) expect(decisionWarnings[0]).toContain(inject.id);
		const triggered = original.injects.filter((i) => i.trigger);
		const triggerWarnings = warnings.filter((w) => w.includes('a triggered inject'));
		expect(triggerWarnings).toHaveLength(triggered.length);
		const others = warnings.filter((w) => !w.startsWith('Decisions are not imported') && !w.includes('a triggered inject'));
		expect(others).toEqual(
			triggered.length > 0 ? [`Column "Contingency" has text in ${triggered.length} rows, but scenarios have no field for it yet — not imported`] : []
		);
		expect(scenario.teams).toEqual(original.teams);
		expect(scenario.objectives).toEqual(original.objectives);
	});

	it('still validates without known teams and objectives (created from the names, with warnings)', () => {
		const { scenario, warnings } = csvToScenarioSkeleton(csv, { id: 'imported', title: 'Imported' });
		const issues = scenarioSchema.safeParse(scenario).error?.issues ?? [];
		// Objectives come only from the Objectives column; a MSEL that names none leaves the list empty.
		const namesObjectives = original.injects.some((i) => i.objectives.length > 0);
		expect(issues.map((i) => i.path.join('.'))).toEqual(namesObjectives ? [] : ['objectives']);
		const addressed = new Set(original.injects.flatMap((i) => i.to));
		expect(scenario.teams.map((t) => t.name).sort()).toEqual(
			original.teams
				.filter((t) => addressed.has(t.id))
				.map((t) => t.name)
				.sort()
		);
		expect(scenario.teams.every((t) => t.state === 'TBD' && t.agency === t.name)).toBe(true);
		expect(scenario.objectives.every((o) => o.capability === 'TBD')).toBe(true);
		expect(warnings.filter((w) => w.includes('unknown team'))).toHaveLength(scenario.teams.length);
		expect(warnings.filter((w) => w.includes('unknown objective'))).toHaveLength(scenario.objectives.length);
	});
});

describe('mselToCsv', () => {
	it('writes exercise time, team and objective names, the decision as text and empty columns the schema lacks', () => {
		const [header, tip] = rowsOf(mselToCsv(miniScenario));
		const row = Object.fromEntries(header.map((h, i) => [h, tip[i]]));
		expect(row).toMatchObject({
			'Event No.': '',
			'Time (hh:mm)': '00:00',
			'Move / phase': '',
			'Inject type': 'decision',
			Channel: 'Intel report',
			To: 'Coast Guard',
			Objectives: '',
			'Responsible controller': '',
			Contingency: '',
			Decision: 'What now?\n[share] Share and launch (share: 10, interdict: 6)\n[wait] Wait (share: 0, interdict: 2)\n[leak] Tell the press (share: -5)',
			'Controller note': 'secret note',
			'Inject id': 'tip'
		});
	});

	it('lists injects in MSEL order and formats times past the hour', () => {
		const s = structuredClone(miniScenario);
		s.injects[0].at = 125;
		s.injects[1].to = ['customs', 'coast-guard'];
		const rows = rowsOf(mselToCsv(s)).slice(1);
		expect(rows.map((r) => r[15])).toEqual(['customs-note', 'both', 'late', 'tip']);
		expect(rows[0][6]).toBe('Customs; Coast Guard');
		expect(rows[3][1]).toBe('02:05');
	});

	it('writes a triggered inject after the timed ones, with its trigger in words as the contingency', () => {
		const s = structuredClone(miniScenario);
		s.injects.push({ ...s.injects[1], id: 'chaser', at: undefined, trigger: { missed: 'tip', delayMinutes: 2 } });
		const rows = rowsOf(mselToCsv(s)).slice(1);
		const chaser = rows.at(-1)!;
		expect(chaser[15]).toBe('chaser');
		expect(chaser[1]).toBe('');
		expect(chaser[MSEL_COLUMNS.indexOf('Contingency')]).toBe('When a team misses the deadline or hand-off on "tip" (+2 min)');
		expect(rows[0][MSEL_COLUMNS.indexOf('Contingency')]).toBe('');
	});

	it('keeps commas, quotes, newlines, accents and formula-like text intact through the round trip', () => {
		const s = structuredClone(miniScenario);
		s.injects[1].title = 'Manifest, "urgent" — Dépôt';
		s.injects[1].body = 'Line one, with a comma.\nLine "two" with quotes;\n\nLine four: café — fin.';
		s.injects[1].expectedAction = '=HYPERLINK("http://example.org")';
		s.injects[1].controllerNote = '-5 if they ignore it\n+2 if they call back';
		const csv = mselToCsv(s);
		expect(csv).toContain(`"'=HYPERLINK(""http://example.org"")"`);
		const { scenario } = csvToScenarioSkeleton(csv, { id: 'x', title: 'X', teams: s.teams, objectives: s.objectives });
		expect(carried(scenario.injects[1] as Partial<Inject>)).toEqual(carried(s.injects[1] as Partial<Inject>));
	});

	it('writes ids instead of names that are not unique', () => {
		const s = structuredClone(miniScenario);
		s.teams[1].name = 'Coast Guard';
		const { scenario } = csvToScenarioSkeleton(mselToCsv(s), { id: 'x', title: 'X', teams: s.teams, objectives: s.objectives });
		expect(scenario.injects.map((i) => i.to)).toEqual(s.injects.map((i) => i.to));
	});
});

describe('csvToScenarioSkeleton', () => {
	const base = { id: 'new', title: 'New', teams: miniScenario.teams, objectives: miniScenario.objectives };

	it('creates teams and objectives for unknown names and matches known ones by name or id', () => {
		const csv = csvOf([
			{
				'Time (hh:mm)': '5',
				Channel: 'Phone',
				From: 'Harbour master',
				To: 'coast guard; Port Authority',
				Inject: 'Ship aground.',
				Objectives: 'share; Safe navigation'
			},
			{ 'Time (hh:mm)': '00:10', Channel: 'Radio', From: 'Pilot', To: 'Port Authority; customs', Inject: 'Channel blocked.' }
		]);
		const { scenario, warnings } = csvToScenarioSkeleton(csv, base);
		expect(scenario.injects.map((i) => i.to)).toEqual([
			['coast-guard', 'port-authority'],
			['port-authority', 'customs']
		]);
		expect(scenario.teams.at(-1)).toEqual({ id: 'port-authority', name: 'Port Authority', agency: 'Port Authority', state: 'TBD' });
		expect(scenario.objectives.at(-1)).toEqual({ id: 'safe-navigation', name: 'Safe navigation', capability: 'TBD' });
		expect(scenario.injects[0].objectives).toEqual(['share', 'safe-navigation']);
		expect(warnings).toEqual([
			expect.stringMatching(/row 2: no title/),
			expect.stringMatching(/row 2: unknown team "Port Authority" — created team "port-authority"/),
			expect.stringMatching(/row 2: unknown objective "Safe navigation" — created objective "safe-navigation"/),
			expect.stringMatching(/row 3: no title/)
		]);
		expect(scenarioSchema.safeParse(scenario).success).toBe(true);
	});

	it('fills ids, titles, placeholders and the duration', () => {
		const long = 'A container ship reports a small boat alongside at anchor, crew waving for help.';
		const csv = csvOf([
			{ 'Time (hh:mm)': '01:02', Channel: 'E-mail', From: 'Agent', To: 'Customs', Title: 'Boat alongside', Inject: 'One.' },
			{ 'Time (hh:mm)': '1:07', Channel: 'vhf', From: 'Agent', To: 'Customs', Title: 'Boat alongside', Inject: 'Two.' },
			{ 'Time (hh:mm)': '12.5', Channel: 'Carrier pigeon', From: 'Agent', To: 'Customs', Inject: long, 'Inject id': 'Not An Id' }
		]);
		const { scenario, warnings } = csvToScenarioSkeleton(csv, base);
		expect(scenario.injects.map((i) => [i.id, i.at, i.channel, i.title])).toEqual([
			['boat-alongside', 62, 'email', 'Boat alongside'],
			['boat-alongside-2', 67, 'radio', 'Boat alongside'],
			['not-an-id', 12.5, 'email', long.slice(0, 60).trim()]
		]);
		expect(warnings).toContainEqual(expect.stringMatching(/row 4: unknown channel "Carrier pigeon" — set to email/));
		expect(warnings).toContainEqual(expect.stringMatching(/row 4: inject id "Not An Id" is not a valid id — used "not-an-id"/));
		expect(scenario).toMatchObject({
			id: 'new',
			title: 'New',
			summary: 'Imported from MSEL CSV — complete before use',
			kind: 'maritime-trafficking',
			durationMinutes: 100,
			map: { center: [-61.5, 13.0], zoom: 6 },
			entities: []
		});
	});

	it('reads hh:mm, hh:mm:ss and plain minutes, and warns on anything else', () => {
		expect(parseExerciseMinutes('00:45')).toBe(45);
		expect(parseExerciseMinutes('1:30')).toBe(90);
		expect(parseExerciseMinutes('01:30:30')).toBe(90.5);
		expect(parseExerciseMinutes('T+02:00')).toBe(120);
		expect(parseExerciseMinutes('75')).toBe(75);
		expect(parseExerciseMinutes('7,5')).toBe(7.5);
		expect(parseExerciseMinutes('soon')).toBeNull();
		expect(parseExerciseMinutes('1:75')).toBeNull();
		const { scenario, warnings } = csvToScenarioSkeleton(
			csvOf([{ 'Time (hh:mm)': 'soon', Channel: 'Radio', From: 'A', To: 'Customs', Title: 'T', Inject: 'B' }]),
			base
		);
		expect(scenario.injects[0].at).toBe(0);
		expect(warnings).toEqual([expect.stringMatching(/row 2: cannot read the time "soon"/)]);
	});

	it('normalises channel names planners use', () => {
		expect(['Intel report', 'E-mail', 'EMAIL', 'VHF', 'Telephone', 'Press', 'Map update', 'COP'].map(normaliseChannel)).toEqual([
			'intel',
			'email',
			'email',
			'radio',
			'phone',
			'media',
			'map',
			'map'
		]);
		expect(normaliseChannel('Telegram')).toBeNull();
	});

	it('throws an error naming missing required columns', () => {
		const without = (...drop: string[]) => MSEL_COLUMNS.filter((c) => !drop.includes(c));
		expect(() => csvToScenarioSkeleton(csvOf([{ Title: 'x' }], without('Inject')), base)).toThrow(/missing required column "Inject"/);
		expect(() => csvToScenarioSkeleton(csvOf([], without('To', 'Channel')), base)).toThrow(
			/missing required columns "Channel", "To"|missing required columns "To", "Channel"/
		);
	});

	it('reads header names loosely, semicolon-separated files, and reports columns it cannot store', () => {
		const csv = [
			'\uFEFF event no. ;TIME;Channel;From;To;Inject;Contingency;Colour',
			'3;00:20;Radio;JRCC;"Customs; Coast Guard";"Contact; bearing 010";Fire inject 9 if no reply;red'
		].join('\n');
		const { scenario, warnings } = csvToScenarioSkeleton(csv, base);
		expect(scenario.injects[0]).toMatchObject({
			number: 3,
			at: 20,
			channel: 'radio',
			from: 'JRCC',
			to: ['customs', 'coast-guard'],
			body: 'Contact; bearing 010'
		});
		expect(warnings).toContainEqual('Ignored unknown column "Colour"');
		expect(warnings).toContainEqual(expect.stringMatching(/Column "Contingency" has text in 1 row/));
	});
});
