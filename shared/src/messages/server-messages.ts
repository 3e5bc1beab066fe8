// One catalogue of the messages the server sends, split by area so parallel changes rarely touch the same file.
// Each text has Russian (REST, CLI, letters of refusal) and English; params are `{{name}}` or `{{name|kind}}`.
import { authMessages } from './auth.messages';
import { backupMessages } from './backup.messages';
import { blocksMessages } from './blocks.messages';
import { breachesMessages } from './breaches.messages';
import { calendarMessages } from './calendar.messages';
import { casesMessages } from './cases.messages';
import { catalogueMessages } from './catalogue.messages';
import { consentsMessages } from './consents.messages';
import { datesMessages } from './dates.messages';
import { deadlinesMessages } from './deadlines.messages';
import { documentsMessages } from './documents.messages';
import { filesMessages } from './files.messages';
import { formMessages } from './form.messages';
import { integrationsMessages } from './integrations.messages';
import { lettersMessages } from './letters.messages';
import { mailMessages } from './mail.messages';
import { mergesMessages } from './merges.messages';
import { plansMessages } from './plans.messages';
import { recordsMessages } from './records.messages';
import { registersMessages } from './registers.messages';
import { scansMessages } from './scans.messages';
import { subjectsMessages } from './subjects.messages';
import { triageMessages } from './triage.messages';
import { usersMessages } from './users.messages';
import { validationMessages } from './validation.messages';
import { viewsMessages } from './views.messages';

export const serverMessages = {
  ...authMessages,
  ...backupMessages,
  ...blocksMessages,
  ...breachesMessages,
  ...calendarMessages,
  ...datesMessages,
  ...casesMessages,
  ...catalogueMessages,
  ...consentsMessages,
  ...documentsMessages,
  ...filesMessages,
  ...integrationsMessages,
  ...lettersMessages,
  ...mailMessages,
  ...mergesMessages,
  ...plansMessages,
  ...recordsMessages,
  ...registersMessages,
  ...scansMessages,
  ...subjectsMessages,
  ...triageMessages,
  ...usersMessages,
  ...viewsMessages,
  ...deadlinesMessages,
  ...formMessages,
  ...validationMessages,
} as const;
