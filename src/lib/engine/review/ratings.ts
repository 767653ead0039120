/** HSEEP performance ratings and what each one means (shown wherever evaluators rate or read ratings). */
import type { Rating } from '../exercise/events';

export const RATING_MEANINGS: Record<Rating, string> = {
	P: 'Performed without challenges: the targets and critical tasks were completed in a way that achieved the objective, with no negative impact on other activities.',
	S: 'Performed with some challenges: the objective was achieved, but some opportunities to improve effectiveness or efficiency were seen.',
	M: 'Performed with major challenges: the objective was achieved, but with major problems, negative impact on other activities, or risk to health, safety or security.',
	U: 'Unable to be performed: the targets and critical tasks were not performed in a way that achieved the objective.'
};

export const RATING_LABELS: Record<Rating, string> = {
	P: 'Performed without challenges',
	S: 'Performed with some challenges',
	M: 'Performed with major challenges',
	U: 'Unable to be performed'
};
