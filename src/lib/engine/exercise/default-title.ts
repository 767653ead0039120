/** A new exercise's title when the controller gives none: the scenario's, with a run number no other exercise has. */
export function defaultExerciseTitle(scenarioTitle: string, existingTitles: readonly string[]): string {
	const taken = new Set(existingTitles);
	for (let run = 1; ; run++) {
		const title = `${scenarioTitle} · run ${run}`;
		if (!taken.has(title)) return title;
	}
}
