import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { ExerciseView } from './exercise-view.svelte';
import type { ClientSocket } from './session';

describe('ExerciseView', () => {
	it('removes only its own listeners when destroyed, and leaves those of other code on the same socket', () => {
		// A real socket.io client socket that never connects: listeners are all this test needs.
		const socket: ClientSocket = io('http://127.0.0.1:9', { autoConnect: false });
		const refresh = () => {};
		const signedOut = () => {};
		socket.on('connect', refresh);
		socket.on('connect_error', signedOut);

		const view = new ExerciseView(socket, 'x-1', 'controller');
		expect(socket.listeners('connect')).toHaveLength(2);
		expect(socket.listeners('exercise:events')).toHaveLength(1);
		view.destroy();

		expect(socket.listeners('connect')).toEqual([refresh]);
		expect(socket.listeners('connect_error')).toEqual([signedOut]);
		for (const name of ['exercise:events', 'exercise:presence', 'exercise:reset', 'server:shutdown', 'disconnect'] as const)
			expect(socket.listeners(name)).toEqual([]);
	});
});
