import { describe, expect, it } from 'vitest';
import { defaultExerciseTitle } from './default-title';

describe('default exercise titles', () => {
	it('numbers the runs of a scenario, skipping numbers already used', () => {
		expect(defaultExerciseTitle('Hurricane Keturah', [])).toBe('Hurricane Keturah · run 1');
		expect(defaultExerciseTitle('Hurricane Keturah', ['Hurricane Keturah · run 1', 'Other · run 2'])).toBe('Hurricane Keturah · run 2');
		expect(defaultExerciseTitle('A', ['A · run 1', 'A · run 3', 'A · run 2'])).toBe('A · run 4');
	});
});

describe('default exercise titles in another language', () => {
	it('words the run as it is told, still skipping numbers already used', () => {
		const es = (title: string, run: number) => `${title} · ejecución ${run}`;
		expect(defaultExerciseTitle('A', ['A · ejecución 1', 'A · run 2'], es)).toBe('A · ejecución 2');
	});
});
