import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/** Old links named the exercise in the query (`/review/aar?exercise=ID`): they go to its own address. */
export const load: PageLoad = ({ url, params }) => {
	const exerciseId = url.searchParams.get('exercise');
	if (exerciseId && !params.exerciseId) redirect(307, resolve('/review/[[exerciseId]]/aar', { exerciseId: encodeURIComponent(exerciseId) }));
};
