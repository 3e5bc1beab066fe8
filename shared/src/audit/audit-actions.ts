/**
 * Every action code the server writes into the audit trail, in one typed list: `appendAudit` accepts only these
 * (a new code is a compile error until it is added here), and the audit screen's labels are keyed by them, so a
 * code cannot reach the screen without a Russian and an English label (`audit-action-labels.ts`).
 */

/** Changes of a block; each is audited as `block.<verb>` and on its case's timeline as `case.block_<verb>`. */
export const BLOCK_VERBS = [
  'create',
  'not_blocked',
  'decide',
  'rectify',
  'lift',
  'keep_blocked',
  'stop',
  'destroy',
] as const;
export type BlockVerb = (typeof BLOCK_VERBS)[number];

/** Timeline events of a case; each is also audited as `case.<kind>`. */
export const CASE_EVENT_KINDS = [
  'created',
  'updated',
  'subjects_linked',
  'assigned',
  'status_changed',
  'reopened',
  'extended',
  'note',
  'attachment_added',
  'letter_created',
  'letter_sent',
  'due_recomputed',
  'withdrawal_plan_created',
  'withdrawal_plan_confirmed',
  'withdrawal_plan_done',
  ...BLOCK_VERBS.map((verb) => `block_${verb}` as const),
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** Timeline events of an incident; each is also audited as `breach.<kind>`. */
export const BREACH_EVENT_KINDS = [
  'created',
  'updated',
  'note',
  'closed',
  'attachment_added',
  'subjects_added',
  'add_subjects_started',
  'add_subjects_done',
  'notify_started',
  'notify_done',
  'notice_filed',
  'report_filed',
] as const;
export type BreachEventKind = (typeof BREACH_EVENT_KINDS)[number];

const prefixed = <P extends string, K extends string>(prefix: P, kinds: readonly K[]) =>
  kinds.map((kind) => `${prefix}.${kind}` as const);

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.second_factor_failed',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'auth.session_revoke',
  'auth.two_factor_enable',
  'auth.two_factor_replace',
  'auth.two_factor_disable',
  'user.create',
  'user.created',
  'user.set_role',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.end_sessions',
  'user.reset_two_factor',
  'case.view',
  'case.reveal',
  ...prefixed('case', CASE_EVENT_KINDS),
  'letter.download',
  'attachment.download',
  ...prefixed('block', BLOCK_VERBS),
  'block.view',
  'block.list',
  ...prefixed('breach', BREACH_EVENT_KINDS),
  'breach.exception_set',
  'breach.letter_viewed',
  'breach.letters_exported',
  'breach.register_exported',
  'subject.view',
  'subject.reveal',
  'subject.search',
  'subject.create',
  'subject.update',
  'subject.rectify',
  'subject.merge',
  'subject.merged_into',
  'subject.unmerge',
  'subject.unmerged',
  'subject.import',
  'subject.import_start',
  'subject.seed',
  'subject.record_add',
  'subject.record_update',
  'subject.consent_add',
  'subject.consent_withdraw',
  'subject.representative_add',
  'subject.representative_revoke',
  'processing_system.create',
  'processing_system.update',
  'processing_purpose.create',
  'processing_purpose.update',
  'mail.list',
  'mail.item_create',
  'mail.item_view',
  'mail.email_import',
  'mail.scan_upload',
  'mail.scan_view',
  'mail.scan_prefill_view',
  'mail.match_matched',
  'mail.match_new_subject',
  'mail.match_unidentified',
  'mail.plan_view',
  'mail.plan_line_set',
  'mail.record_stopped',
  'mail.record_destroyed',
  'mail.destruction_act_created',
  'mail.destruction_act_download',
  'mail.register_reveal',
  'mail.register_exported',
  'api.permissions',
  'api.suppression_list',
  'api_key.create',
  'api_key.revoke',
  'webhook.create',
  'webhook.deactivate',
  'webhook.retry',
  'triage.save_view',
  'triage.delete_view',
  'settings.update',
  'calendar.import',
  'calendar.verify',
  'calendar.unverify',
  'backup.created',
  'audit.rekeyed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(code: string): code is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(code);
}
