/**
 * A new exercise's title when the controller gives none: the scenario's, with a run number no other exercise has.
 * `name` words it ("Hurricane Keturah · run 2"); the control page passes one in the reader's language.
 */
export function defaultExerciseTitle(
	scenarioTitle: string,
	existingTitles: readonly string[],
	name: (scenarioTitle: string, run: number) => string = (title, run) => `${title} · run ${run}`
): string {
	const taken = new Set(existingTitles);
	for (let run = 1; ; run++) {
		const title = name(scenarioTitle, run);
		if (!taken.has(title)) return title;
	}
}
