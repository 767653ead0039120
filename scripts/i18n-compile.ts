/**
 * Compiles the message catalogues into src/lib/paraglide/ (generated, not committed), as the Vite plugin does on
 * every build: for the type checks, which run without Vite.
 */
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../i18n.config.js';

await compile(paraglideOptions);
