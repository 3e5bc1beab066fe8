import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { id, safeString } from '../schema-fields';
import { ROLES } from './roles';

export const signInInput = z.object({
  login: safeString().trim().min(1, msgText('form.enterTheLogin')).max(64),
  password: safeString().min(1, msgText('form.enterThePassword')).max(256),
});
export type SignInInput = z.infer<typeof signInInput>;

export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, msgText('form.login332CharactersLatin'));

/** Long passphrases beat composition rules (NIST SP 800-63B): length only, no forced symbols. */
export const passwordSchema = z
  .string()
  .min(10, msgText('form.thePasswordMustBeAt'))
  .max(256, msgText('form.thePasswordIsTooLong'));

export const createUserInput = z.object({
  login: loginSchema,
  displayName: safeString().trim().min(1, msgText('form.enterTheName')).max(120),
  role: z.enum(ROLES, { error: msgText('form.unknownRole') }),
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const userIdInput = z.object({ userId: id });

export const setRoleInput = userIdInput.extend({ role: z.enum(ROLES, { error: msgText('form.unknownRole') }) });
export const resetPasswordInput = userIdInput.extend({ password: passwordSchema });
export const setDisabledInput = userIdInput.extend({ disabled: z.boolean() });

/** The operator-wide two-factor policy (settings key `twoFactor`). */
export const twoFactorPolicySchema = z.object({ required: z.boolean() });
export type TwoFactorPolicy = z.infer<typeof twoFactorPolicySchema>;

/** Six digits from the authenticator app, or a recovery code (XXXX-XXXX-XXXX-XXXX, any case, spaces allowed). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(6, msgText('form.enterTheCode'))
  .max(32, msgText('form.theCodeIsTooLong'))
  .regex(/^[0-9A-Za-z\- ]+$/, msgText('form.code6DigitsFromThe'));

/** The short-lived token sign-in hands out while a second factor is owed. */
const challengeSchema = safeString().regex(/^[\w-]{40,64}$/, msgText('form.theTimeToEnterThe'));

export const challengeInput = z.object({ challenge: challengeSchema });
export const challengeCodeInput = z.object({ challenge: challengeSchema, code: secondFactorCodeSchema });
export const codeInput = z.object({ code: secondFactorCodeSchema });

/** Sessions are named by the SHA-256 of their cookie token (the token itself never leaves the browser). */
export const sessionIdInput = z.object({
  sessionId: safeString().regex(/^[0-9a-f]{64}$/, msgText('form.unknownSession')),
});
