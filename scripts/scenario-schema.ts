/** npm run scenario:schema — writes scenarios/scenario.schema.json from the zod schema. */
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { scenarioSchema } from '../src/lib/engine/scenario-schema';

const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
const out = {
	...schema,
	title: 'Crosscurrent scenario',
	description: 'Generated from src/lib/engine/scenario-schema.ts by `npm run scenario:schema`; do not edit by hand.'
};
await writeFile('scenarios/scenario.schema.json', JSON.stringify(out, null, '\t') + '\n');
console.log('wrote scenarios/scenario.schema.json');
