import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { required, text } from '../schema-fields';

export const letterheadSchema = z.object({
  operatorName: required(300, msgText('form.enterTheNameOfThe')),
  address: required(500, msgText('form.enterTheAddressOfThe')),
  responsiblePerson: required(200, msgText('form.nameThePersonResponsibleFor')),
  responsiblePosition: text(200).default('Ответственный за организацию обработки персональных данных'),
  phone: text(60).optional(),
  email: z.email(msgText('form.invalidEMailAddress')).max(254).optional(),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

const NUMBER_FORMAT_HINT = msgText('form.theNumberFormatMustContain');
const numberFormat = required(60, NUMBER_FORMAT_HINT).refine((value) => /\{N+\}/.test(value), {
  error: NUMBER_FORMAT_HINT,
});
export const numberingSchema = z.object({ incoming: numberFormat, outgoing: numberFormat });
export type Numbering = z.infer<typeof numberingSchema>;
