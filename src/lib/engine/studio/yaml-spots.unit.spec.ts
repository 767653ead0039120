import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YamlSpots } from './yaml-spots';

const TEXT = [
	'id: demo', // 1
	'title: Demo exercise', // 2
	'teams:', // 3
	'  - id: coast', // 4
	'    name: Coast guard', // 5
	'  - id: customs', // 6
	'    name: >-', // 7
	'      Customs and', // 8
	'      excise', // 9
	'injects:', // 10
	'  - id: first', // 11
	'    to: [coast, customs]', // 12
	'    decision:', // 13
	'      options:', // 14
	'        - id: a', // 15
	'          scores: { detect: 4 }', // 16
	''
].join('\n');

const marked = (spots: YamlSpots, path: (string | number)[]) => {
	const spot = spots.spotOf(path);
	return { text: TEXT.slice(spot.from, spot.to), line: spot.line, exact: spot.exact };
};

describe('YamlSpots', () => {
	const spots = YamlSpots.of(TEXT);

	it('marks a scalar field from its key to its value', () => {
		expect(marked(spots, ['title'])).toEqual({ text: 'title: Demo exercise', line: 2, exact: true });
		expect(marked(spots, ['teams', 0, 'name'])).toEqual({ text: 'name: Coast guard', line: 5, exact: true });
	});

	it('marks a list item on its first line, a map or list only at its key', () => {
		expect(marked(spots, ['teams', 1])).toEqual({ text: 'id: customs', line: 6, exact: true });
		expect(marked(spots, ['teams'])).toEqual({ text: 'teams', line: 3, exact: true });
		expect(marked(spots, ['injects', 0, 'decision'])).toEqual({ text: 'decision', line: 13, exact: true });
	});

	it('keeps a block text to the line of its key', () => {
		expect(marked(spots, ['teams', 1, 'name'])).toEqual({ text: 'name: >-', line: 7, exact: true });
	});

	it('finds items of flow lists and keys of flow maps', () => {
		expect(marked(spots, ['injects', 0, 'to', 1])).toEqual({ text: 'customs', line: 12, exact: true });
		expect(marked(spots, ['injects', 0, 'decision', 'options', 0, 'scores', 'detect'])).toEqual({ text: 'detect: 4', line: 16, exact: true });
	});

	it('places a path the text lacks at its nearest enclosing part, not exact', () => {
		expect(marked(spots, ['teams', 0, 'agency'])).toEqual({ text: 'id: coast', line: 4, exact: false });
		expect(marked(spots, ['teams', 7, 'name'])).toEqual({ text: 'teams', line: 3, exact: false });
		expect(marked(spots, ['objectives'])).toMatchObject({ line: 1, exact: false });
	});

	it('places the root at the first line', () => {
		expect(spots.lineOf([])).toBe(1);
		expect(YamlSpots.of('').spotOf(['id'])).toEqual({ from: 0, to: 0, line: 1, exact: false });
	});

	it('marks a whole line for a problem known only by its line, clamped to the text', () => {
		expect(TEXT.slice(spots.spotOfLine(5).from, spots.spotOfLine(5).to)).toBe('    name: Coast guard');
		expect(spots.spotOfLine(0)).toMatchObject({ from: 0, line: 1 });
		expect(spots.spotOfLine(999).line).toBe(17);
		expect(YamlSpots.of('a: 1\r\nb: 2\r\n').spotOfLine(1)).toEqual({ from: 0, to: 4, line: 1, exact: true });
	});

	it('still places what parses in a text with a syntax error', () => {
		const broken = 'id: demo\nteams:\n  - id: coast\n    name: "unclosed\n';
		expect(YamlSpots.of(broken).spotOf(['teams', 0, 'id']).line).toBe(3);
	});

	it('places every inject of a bundled scenario at its own line', async () => {
		const text = await readFile('scenarios/maritime-trafficking-southern-caribbean.yaml', 'utf8');
		const all = YamlSpots.of(text);
		const lines = text.split('\n');
		const injects = (parse(text) as { injects: { id: string }[] }).injects;
		expect(injects.length).toBeGreaterThan(10);
		injects.forEach((inject, i) => {
			const spot = all.spotOf(['injects', i, 'id']);
			expect(spot.exact).toBe(true);
			expect(lines[spot.line - 1]).toMatch(new RegExp(`^\\s*(- )?id: ${inject.id}$`));
		});
		expect(all.spotOf(['injects', injects.length, 'id']).exact).toBe(false);
	});
});
