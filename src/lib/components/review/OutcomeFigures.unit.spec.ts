import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import OutcomeFigures from './OutcomeFigures.svelte';
import { given } from '../../../../tests/fixtures/machine-driver';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { playSmuggling, SMUGGLING_END } from '../../../../tests/fixtures/smuggling-scenario';
import { outcomeFigureSets } from '$lib/engine/review/aar-content';
import type { ExerciseState } from '$lib/engine/exercise/state';

/** The AAR's outcome figures as the server renders them: each set's kind and heading, and the page's text. */
function rendered(state: ExerciseState, at: number) {
	const { body } = render(OutcomeFigures, { props: { sets: outcomeFigureSets(state, at), scenario: state.scenario!, at } });
	const sets = [...body.matchAll(/data-kind="([^"]+)"[^>]*><h3[^>]*>([^<]+)<\/h3>/g)].map((m) => [m[1], m[2]]);
	return { sets, text: body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

describe('the AAR outcome figures', () => {
	it.each(['maritime-trafficking', 'displacement'] as const)('show both sets of a mixed %s exercise, each under its heading', (kind) => {
		const { sets, text } = rendered(playSmuggling(kind).state(), SMUGGLING_END);
		expect(sets).toEqual([
			['displacement', 'Displaced people'],
			['maritime-trafficking', 'Suspect craft and interdictions']
		]);
		// The people's figures and their member state, then the go-fast stopped on the high seas.
		expect(text).toContain('People received ashore 20');
		expect(text).toContain('Unaccompanied children found 1');
		expect(text).toContain('Grenada 20');
		expect(text).toContain('Suspect craft stopped (load seized) 1 of 1');
		expect(text).toContain('Stops on the high seas 1');
		expect(text).toMatch(/Go-fast: .*stopped at .* by Interceptor \(Coast Guard\)/);
		expect(text.indexOf('People received ashore')).toBeLessThan(text.indexOf('Suspect craft stopped'));
		expect(text.match(/Figures as the record stands at 02:00:00/g)).toHaveLength(1);
	});

	it('show the one set of a trafficking exercise under its heading', () => {
		const state = given(loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml'), { type: 'exercise.started' }).state();
		const { sets, text } = rendered(state, 0);
		expect(sets).toEqual([['maritime-trafficking', 'Suspect craft and interdictions']]);
		expect(text).not.toContain('People received ashore');
	});
});
