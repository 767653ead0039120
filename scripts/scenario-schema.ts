/** npm run scenario:schema — writes scenarios/scenario.schema.json from the zod schema. */
import { writeFile } from 'node:fs/promises';
import { scenarioJsonSchema } from '../src/lib/engine/scenario/schema';

await writeFile('scenarios/scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, '\t') + '\n');
console.log('wrote scenarios/scenario.schema.json');
