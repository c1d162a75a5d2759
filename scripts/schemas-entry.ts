import * as z from 'zod/mini';
import { aidCatalogueSchema } from '../src/engine/aids/schema.js';
import { answersFileSchema } from '../src/engine/answers/schema.js';
import { aidMatchSchema, assessmentSchema } from '../src/engine/assessment/schema.js';
import { benchmarksSchema } from '../src/engine/benchmarks/schema.js';
import { packSchema } from '../src/engine/pack/schema.js';

// `io: 'input'`: describe what a person may write (defaults make fields optional).
export const schemas = {
  pack: z.toJSONSchema(packSchema, { io: 'input' }),
  answers: z.toJSONSchema(answersFileSchema, { io: 'input' }),
  aids: z.toJSONSchema(aidCatalogueSchema, { io: 'input' }),
  benchmarks: z.toJSONSchema(benchmarksSchema, { io: 'input' }),
  // What digiscan prints: `assess --json` and `aids --json`.
  assessment: z.toJSONSchema(assessmentSchema, { io: 'output' }),
  'aids-output': z.toJSONSchema(z.array(aidMatchSchema), { io: 'output' }),
};
