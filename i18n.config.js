// How Paraglide JS compiles the message catalogues (messages/{locale}.json) into typed message functions:
// one definition for the Vite plugin (build, dev server, tests) and for `npm run i18n:compile` (type checks).
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// A reader's choice is remembered in the browser; a first visit follows the browser's preferred languages.
	// No URL or cookie strategies: pages render in the browser only, and the server never needs the reader's language.
	strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
	localStorageKey: 'crosscurrent.locale',
	emitReadme: false
};
