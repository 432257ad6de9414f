// Schemas for the influence endpoints.
import { Type } from 'typebox';

/** What one recomputation stored: a dated snapshot company-wide, per group and per tag. */
export const InfluenceRecomputeResponse = Type.Object({
  computedAt: Type.String({ format: 'date-time' }),
  interactions: Type.Integer(),
  /** People in the company-wide snapshot. */
  people: Type.Integer(),
  groups: Type.Integer(),
  tags: Type.Integer(),
  /** Snapshot rows written in all scopes. */
  rows: Type.Integer(),
});
export type InfluenceRecomputeResponse = Type.Static<typeof InfluenceRecomputeResponse>;
