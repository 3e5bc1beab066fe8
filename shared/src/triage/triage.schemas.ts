import { z } from 'zod';
import { TRIAGE_SORTS } from '../cases/case-model';
import { caseChannelSchema, caseRefSchema, caseStatusSchema, caseTypeSchema } from '../cases/cases.schemas';
import { msgText } from '../messages/catalogue';
import { id, required, text } from '../schema-fields';

export const triageFiltersSchema = z.object({
  types: z.array(caseTypeSchema).optional(),
  channels: z.array(caseChannelSchema).optional(),
  /** Open statuses when absent: the queue is about running clocks. */
  statuses: z.array(caseStatusSchema).optional(),
  /** A user id, `me`, or `none` (unassigned). */
  assignee: z.union([id, z.literal('me'), z.literal('none')]).optional(),
  /** overdue | today | soon (≤ 2 working days left, not overdue). */
  urgency: z.enum(['overdue', 'today', 'soon']).optional(),
  search: text(200).optional(),
});
export type TriageFilters = z.infer<typeof triageFiltersSchema>;

export const triageListInput = triageFiltersSchema.extend({
  sort: z.enum(TRIAGE_SORTS).default('due'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type TriageListInput = z.infer<typeof triageListInput>;

export const saveViewInput = z.object({
  name: required(80, msgText('form.nameTheView')),
  filters: triageListInput.omit({ limit: true, offset: true }).partial(),
});
export type SaveViewInput = z.infer<typeof saveViewInput>;
export const viewIdInput = z.object({ id });

const bulkItems = z
  .array(caseRefSchema)
  .min(1, msgText('form.noCaseSelected'))
  .max(500, msgText('form.noMoreThan500At'));
export const bulkAssignInput = z.object({ items: bulkItems, assigneeId: id.nullable() });
export const bulkCloseInput = z.object({
  items: bulkItems,
  reason: required(2000, msgText('form.giveTheReasonForClosing')),
});
