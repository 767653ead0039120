import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import { given } from '../../../tests/fixtures/machine-driver';
import { loadScenario } from '../../../tests/fixtures/load-scenario';
import { objectiveSections, outcomeFigures } from '$lib/engine/review/aar-content';
import { aarDocument, docxFileName } from './aar-docx';

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
		const doc = aarDocument({ state, events: x.log, outcomes: outcomeFigures(state, 10 * 60_000), sections: objectiveSections(state), preparedWall: 0 });
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
	it('is named after the exercise', () => {
		expect(docxFileName('Drill — Grenada, night 2')).toBe('AAR-IP-Drill-Grenada-night-2.docx');
		expect(docxFileName('***')).toBe('AAR-IP-exercise.docx');
	});
});
