import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/** Old links named the exercise in the query (`/control?exercise=ID`): they go to its own address. */
export const load: PageLoad = ({ url }) => {
	const exerciseId = url.searchParams.get('exercise');
	if (exerciseId) redirect(307, resolve('/control/[exerciseId]', { exerciseId: encodeURIComponent(exerciseId) }));
};
