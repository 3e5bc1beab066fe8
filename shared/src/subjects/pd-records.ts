/** Legal bases of a processing record (152-FZ art. 6): consent, a contract with the subject, or a federal law. */
export const LEGAL_BASES = ['consent', 'contract', 'law'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * Where a PD record stands. Blocking is temporary (the verification period, policy 4.2.4); stopped, destroyed and
 * anonymised are the end states of art. 21.
 */
export const RECORD_STATES = ['active', 'blocked', 'processing_stopped', 'destroyed', 'anonymised'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** The fields of policy 1.7 plus what the clinic's systems hold beyond the web forms. */
export const PD_FIELDS = [
  'full_name',
  'phone',
  'birth_date',
  'email',
  'address',
  'health',
  'passport',
  'snils',
  'inn',
  'bank_details',
  'employment',
] as const;
export type PdField = (typeof PD_FIELDS)[number];

/** How a consent was given (policy 3.5: a checkbox on a web form; paper for patients at the front desk). */
export const CONSENT_METHODS = ['web_checkbox', 'paper_signature', 'electronic_signature'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** How a withdrawal arrived (policy 3.6: e-mail with the marker, or a paper letter to the legal address). */
export const WITHDRAWAL_CHANNELS = ['email', 'post', 'in_person', 'web_form'] as const;
export type WithdrawalChannel = (typeof WITHDRAWAL_CHANNELS)[number];

export const REPRESENTATIVE_KINDS = ['parent', 'guardian', 'attorney'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];
