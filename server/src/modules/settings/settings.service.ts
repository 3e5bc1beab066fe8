import { type TwoFactorPolicy, twoFactorPolicySchema } from '@pd-desk/shared/auth/auth.schemas';
import {
  type Letterhead,
  letterheadSchema,
  type Numbering,
  numberingSchema,
} from '@pd-desk/shared/settings/settings.schemas';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { settings } from '../../db/schema/settings';
import type { ServiceContext } from '../../service-context';
import { appendAudit, diffFields } from '../audit/audit.service';

/** Defaults an admin replaces on day one; the address is the clinic's legal address from the policy. */
const DEFAULTS = {
  letterhead: {
    operatorName: 'Стоматологическая клиника «Имплантация Про»',
    address: '620050, г. Екатеринбург, ул. Техническая, д. 14, корп. 2, офис 2',
    responsiblePerson: 'О. В. Смирнова',
    responsiblePosition: 'Ответственный за организацию обработки персональных данных',
  } satisfies Letterhead,
  numbering: { incoming: 'ВХ-{YYYY}-{NNNN}', outgoing: 'ИСХ-{YYYY}-{NNNN}' } satisfies Numbering,
  /** Off until the admin has enrolled and switches it on for admins and officers. */
  twoFactor: { required: false } satisfies TwoFactorPolicy,
};

const SCHEMAS = { letterhead: letterheadSchema, numbering: numberingSchema, twoFactor: twoFactorPolicySchema };
type SettingKey = keyof typeof SCHEMAS;
type SettingValue<K extends SettingKey> = z.infer<(typeof SCHEMAS)[K]>;

/** A stored value that no longer passes its schema (older version, hand edit) falls back to the default. */
export async function getSetting<K extends SettingKey>(db: Db | Tx, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  const parsed = SCHEMAS[key].safeParse(row?.value);
  return (parsed.success ? parsed.data : DEFAULTS[key]) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>({ db, actor }: ServiceContext, key: K, value: SettingValue<K>) {
  return db.transaction(async (tx) => {
    const before = await getSetting(tx, key);
    await tx
      .insert(settings)
      .values({ key, value, updatedAt: new Date() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await appendAudit(tx, actor, {
      action: 'settings.update',
      objectType: 'setting',
      objectId: key,
      changes: diffFields(before as Record<string, unknown>, value as Record<string, unknown>),
    });
    return value;
  });
}
