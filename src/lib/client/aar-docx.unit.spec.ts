import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import { given } from '../../../tests/fixtures/machine-driver';
import { loadScenario } from '../../../tests/fixtures/load-scenario';
import { objectiveSections, outcomeFigureSets } from '$lib/engine/review/aar-content';
import { playSmuggling, SMUGGLING_END } from '../../../tests/fixtures/smuggling-scenario';
import { aarDocument, docxFileName, figureCaption, fitFigure, FIGURE_MAX, type AarImage } from './aar-docx';

const scenario = loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml');

describe('the Word AAR/IP', () => {
	it('is a docx in the HSEEP layout with the narrative, ratings, outcomes and the improvement plan', async () => {
		const x = given(
			scenario,
			{ type: 'exercise.started' },
			{
				type: 'rating.set',
				minute: 5,
				team: 'tt-coast-guard',
				objective: 'detect-and-share',
				rating: 'S',
				explanation: 'Shared, no acknowledgement.',
				by: 'E'
			},
			{ type: 'aar.narrative_set', minute: 6, section: 'summary', text: 'The tip reached Grenada in nine minutes.', by: 'evaluator:E' },
			{ type: 'aar.narrative_set', minute: 6, section: 'improvements:detect-and-share', text: 'Ask for an acknowledgement.', by: 'evaluator:E' },
			{
				type: 'improvement.updated',
				minute: 7,
				by: 'E',
				itemId: 'i1',
				objective: 'detect-and-share',
				issue: 'No acknowledgement asked',
				correctiveAction: 'Add it to the SOP',
				capabilityElement: 'planning',
				responsibleAgency: 'TTCG',
				pointOfContact: 'Ops officer',
				startDate: '2027-01-01',
				dueDate: '2027-03-31'
			},
			{ type: 'exercise.ended', minute: 10 }
		);
		const state = x.state();
		const doc = aarDocument({ state, events: x.log, outcomes: outcomeFigureSets(state, 10 * 60_000), sections: objectiveSections(state), preparedWall: 0 });
		const dir = mkdtempSync(join(tmpdir(), 'aar-'));
		const file = join(dir, 'aar.docx');
		writeFileSync(file, await Packer.toBuffer(doc));
		const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
		const text = xml.replace(/<[^>]+>/g, '');
		for (const s of [
			'After-Action Report / Improvement Plan',
			'Exercise overview',
			'Executive summary',
			'The tip reached Grenada in nine minutes.',
			'Outcomes',
			'Suspect craft stopped (load seized)',
			'Analysis of capabilities',
			'Objective: Detect and share',
			'Ask for an acknowledgement.',
			'Trinidad and Tobago Coast Guard: S — Performed with some challenges. Shared, no acknowledgement.',
			'Improvement plan',
			'No acknowledgement asked',
			'2027-03-31'
		])
			expect(text).toContain(s);
		// Unrated teams are one line, not a paragraph each.
		expect(text).toContain('No team was rated on this objective.');
		expect(text.match(/Not rated/g)?.length ?? 0).toBeLessThanOrEqual(scenario.objectives.length);
		const footer = execFileSync('unzip', ['-p', file, 'word/footer1.xml'], { encoding: 'utf8' });
		expect(footer).toContain('PAGE');
		expect(footer).toContain('NUMPAGES');
	});
	it('holds the maps and the charts as numbered figures, the charts in the analysis of capabilities', async () => {
		const x = given(scenario, { type: 'exercise.started' }, { type: 'exercise.ended', minute: 10 });
		const state = x.state();
		// Distinct bytes per image: docx names its media by a hash of their content.
		const png = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n]);
		const image = (n: number, caption: string, width = 640, height = 280): AarImage => ({ png: png(n), width, height, caption });
		const doc = aarDocument({
			state,
			events: x.log,
			outcomes: outcomeFigureSets(state, 10 * 60_000),
			sections: objectiveSections(state),
			images: [image(1, 'Map at the end of play', 480, 300)],
			charts: [image(2, 'Score over time'), image(3, 'Time to decide', 640, 2000), image(4, 'Information sharing', 720, 470)],
			preparedWall: 0
		});
		const dir = mkdtempSync(join(tmpdir(), 'aar-'));
		const file = join(dir, 'aar.docx');
		writeFileSync(file, await Packer.toBuffer(doc));
		const media = execFileSync('unzip', ['-l', file], { encoding: 'utf8' }).match(/word\/media\/\S+\.png/g) ?? [];
		expect(media).toHaveLength(4);
		const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
		const text = xml.replace(/<[^>]+>/g, '');
		const at = (s: string) => {
			expect(text).toContain(s);
			return text.indexOf(s);
		};
		// Numbered in the order they appear; the charts after the ratings table and before the first objective.
		expect(at('Figure 1. Map at the end of play')).toBeLessThan(at('Analysis of capabilities'));
		expect(at('Analysis of capabilities')).toBeLessThan(at('Figure 2. Score over time'));
		expect(at('Figure 2. Score over time')).toBeLessThan(at('Figure 3. Time to decide'));
		expect(at('Figure 4. Information sharing')).toBeLessThan(at('Objective: Detect and share'));
		// Each image is described for a screen reader by its caption.
		expect(xml).toContain('descr="Time to decide"');
		// A tall chart is shrunk to fit the page, its shape kept (EMU: 9525 per pixel).
		const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"/g)].map((m) => [Number(m[1]) / 9525, Number(m[2]) / 9525]);
		expect(extents).toHaveLength(4);
		for (const [w, h] of extents) {
			expect(w).toBeLessThanOrEqual(FIGURE_MAX.width);
			expect(h).toBeLessThanOrEqual(FIGURE_MAX.height);
		}
		expect(extents[2]![0]! / extents[2]![1]!).toBeCloseTo(640 / 2000, 2);
	});
	it('holds every set of outcome figures of a mixed exercise, each under its heading', async () => {
		const x = playSmuggling('displacement');
		const state = x.state();
		const sets = outcomeFigureSets(state, SMUGGLING_END);
		const doc = aarDocument({ state, events: x.log, outcomes: sets, sections: objectiveSections(state), preparedWall: 0 });
		const dir = mkdtempSync(join(tmpdir(), 'aar-'));
		const file = join(dir, 'aar.docx');
		writeFileSync(file, await Packer.toBuffer(doc));
		const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
		// Each paragraph's text with its style: the two sets' headings are second-level headings under "Outcomes".
		const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((p) => ({
			style: /<w:pStyle w:val="([^"]+)"/.exec(p[1]!)?.[1] ?? null,
			text: p[1]!.replace(/<[^>]+>/g, '')
		}));
		const heading = (text: string) => {
			const i = paragraphs.findIndex((p) => p.text === text);
			expect(i, text).toBeGreaterThanOrEqual(0);
			return { i, style: paragraphs[i]!.style };
		};
		const outcomes = heading('Outcomes');
		const people = heading('Displaced people');
		const interdiction = heading('Suspect craft and interdictions');
		expect([outcomes.style, people.style, interdiction.style]).toEqual(['Heading1', 'Heading2', 'Heading2']);
		expect(outcomes.i).toBeLessThan(people.i);
		expect(people.i).toBeLessThan(interdiction.i);
		const between = (from: number, to: number) => paragraphs.slice(from, to).map((p) => p.text);
		const text = xml.replace(/<[^>]+>/g, '');
		const end = text.indexOf('Analysis of capabilities');
		// The people's figures and member states under the first heading, the go-fast's under the second.
		expect(between(people.i, interdiction.i)).toEqual(expect.arrayContaining(['People received ashore', '20', 'Unaccompanied children found', 'Grenada']));
		expect(between(interdiction.i, paragraphs.length)).toEqual(
			expect.arrayContaining(['Suspect craft stopped (load seized)', '1 of 1', 'Stops on the high seas'])
		);
		expect(text.indexOf('Go-fast: ')).toBeGreaterThan(text.indexOf('Suspect craft and interdictions'));
		expect(text.indexOf('Go-fast: ')).toBeLessThan(end);
		expect(between(people.i, interdiction.i)).not.toContain('Suspect craft stopped (load seized)');
	});
	it('fits a figure to the page, keeping its shape', () => {
		expect(fitFigure(640, 280)).toEqual({ width: 600, height: 263 });
		expect(fitFigure(300, 150)).toEqual({ width: 600, height: 300 });
		expect(fitFigure(640, 2000)).toEqual({ width: 243, height: 760 });
		expect(fitFigure(600, 760)).toEqual({ width: 600, height: 760 });
		expect(fitFigure(0, 0)).toEqual({ width: 600, height: 300 });
		expect(figureCaption(3, 'Time to decide')).toBe('Figure 3. Time to decide');
	});
	it('is named after the exercise', () => {
		expect(docxFileName('Drill — Grenada, night 2')).toBe('AAR-IP-Drill-Grenada-night-2.docx');
		expect(docxFileName('***')).toBe('AAR-IP-exercise.docx');
	});
});
