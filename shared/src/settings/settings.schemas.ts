import { z } from 'zod';
import { required, text } from '../schema-fields';

export const letterheadSchema = z.object({
  operatorName: required(300, 'Укажите наименование оператора'),
  address: required(500, 'Укажите адрес оператора'),
  responsiblePerson: required(200, 'Укажите ответственного за обработку ПДн'),
  responsiblePosition: text(200).default('Ответственный за организацию обработки персональных данных'),
  phone: text(60).optional(),
  email: z.email('Некорректный адрес электронной почты').max(254).optional(),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

const NUMBER_FORMAT_HINT =
  'Формат номера должен содержать {NNNN} (счётчик) и может содержать {YYYY} (год), например ВХ-{YYYY}-{NNNN}';
const numberFormat = required(60, NUMBER_FORMAT_HINT).refine((value) => /\{N+\}/.test(value), {
  error: NUMBER_FORMAT_HINT,
});
export const numberingSchema = z.object({ incoming: numberFormat, outgoing: numberFormat });
export type Numbering = z.infer<typeof numberingSchema>;
