import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { auditEntries, type Caller, callerFor, createTestUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { THROTTLE_RULES } from './login-throttle';

const BAD_CODE = { code: 'UNAUTHORIZED', message: 'Неверный или уже использованный код' };
const EXPIRED = { code: 'UNAUTHORIZED', message: 'Время на ввод кода истекло — войдите снова' };

/** What an authenticator app shows for the secret, `steps` periods of 30 s from now. */
function codeFor(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

describe('two-factor sign-in', () => {
  const database = useTestDatabase();
  let admin: TestUser;
  let adminCaller: Caller;
  let ipCounter = 0;
  const anonymous = () => callerFor(database.db, null, { ip: `203.0.113.${++ipCounter}` });

  beforeAll(async () => {
    admin = await createTestUser(database.db, 'admin');
    adminCaller = await callerFor(database.db, admin);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await adminCaller.settings.setTwoFactor({ required: false });
  });

  /** Enrols the user from their own security page; returns the secret and the recovery codes. */
  async function enrol(user: TestUser) {
    const caller = await callerFor(database.db, user);
    const started = await caller.auth.twoFactor.start();
    const recoveryCodes = await caller.auth.twoFactor.confirm({ code: codeFor(started.secret) });
    return { secret: started.secret, recoveryCodes, started };
  }

  async function passwordStep(user: TestUser) {
    const step = await (await anonymous()).auth.signIn({ login: user.login, password: user.password });
    if (step.status === 'signed_in') throw new Error('a second step was expected');
    return step;
  }

  test('enrolment shows a QR code and the secret for manual entry; a code from it turns it on', async () => {
    const officer = await createTestUser(database.db, 'officer');
    const caller = await callerFor(database.db, officer);
    expect(await caller.auth.twoFactor.status()).toEqual({
      available: true,
      required: false,
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });

    const started = await caller.auth.twoFactor.start();
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.uri).toBe(
      `otpauth://totp/PD%20Desk:${officer.login}?issuer=PD%20Desk&secret=${started.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    await expect(caller.auth.twoFactor.confirm({ code: '000000' })).rejects.toMatchObject(BAD_CODE);
    expect((await caller.auth.twoFactor.status()).enabled).toBe(false);

    const codes = await caller.auth.twoFactor.confirm({ code: codeFor(started.secret) });
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Set(codes).size).toBe(10);
    expect(await caller.auth.twoFactor.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    const [entry] = (await auditEntries(database.db, 'auth.two_factor_enable')).filter(
      (e) => e.objectId === String(officer.id),
    );
    expect(entry).toMatchObject({ actorId: officer.id });
    // Neither the secret nor a recovery code reaches the audit trail or the admin's user list.
    const exposed = JSON.stringify([await auditEntries(database.db), await adminCaller.users.list()]);
    expect(exposed).not.toContain(started.secret);
    for (const code of codes) expect(exposed).not.toContain(code);
    expect((await adminCaller.users.list()).find((u) => u.id === officer.id)).toMatchObject({ twoFactorEnabled: true });
  });

  test('with a second factor the password alone opens no session; the code does, and only once', async () => {
    const officer = await createTestUser(database.db, 'officer');
    const { secret } = await enrol(officer);
    const sessionsBefore = (await adminCaller.users.sessions({ userId: officer.id })).length;

    const step = await passwordStep(officer);
    expect(Object.keys(step).sort()).toEqual(['challenge', 'expiresAt', 'status']);
    expect(step.status).toBe('second_factor');
    expect(await adminCaller.users.sessions({ userId: officer.id })).toHaveLength(sessionsBefore);

    const caller = await anonymous();
    await expect(caller.auth.verifyCode({ challenge: step.challenge, code: '123456' })).rejects.toMatchObject(BAD_CODE);
    const code = codeFor(secret, 1);
    const signedIn = await caller.auth.verifyCode({ challenge: step.challenge, code });
    expect(signedIn).toEqual({
      status: 'signed_in',
      user: { id: officer.id, login: officer.login, displayName: officer.displayName, role: 'officer' },
    });
    expect(await adminCaller.users.sessions({ userId: officer.id })).toHaveLength(sessionsBefore + 1);
    const [signIn] = (await auditEntries(database.db, 'auth.sign_in')).filter((e) => e.actorId === officer.id);
    expect(signIn?.details).toEqual({ secondFactor: 'totp' });

    // The challenge is spent, and the same code cannot open a second session (an overheard code).
    await expect(caller.auth.verifyCode({ challenge: step.challenge, code })).rejects.toMatchObject(EXPIRED);
    const again = await passwordStep(officer);
    await expect((await anonymous()).auth.verifyCode({ challenge: again.challenge, code })).rejects.toMatchObject(
      BAD_CODE,
    );
  });

  test('a recovery code signs in once, in any case and spacing', async () => {
    const officer = await createTestUser(database.db, 'officer');
    const { recoveryCodes } = await enrol(officer);
    const recovery = recoveryCodes[3] as string;
    const typed = ` ${recovery.toLowerCase().replaceAll('-', ' ')} `;

    const first = await passwordStep(officer);
    await expect(
      (await anonymous()).auth.verifyCode({ challenge: first.challenge, code: typed }),
    ).resolves.toMatchObject({
      status: 'signed_in',
    });
    const [signIn] = (await auditEntries(database.db, 'auth.sign_in')).filter((e) => e.actorId === officer.id);
    expect(signIn?.details).toEqual({ secondFactor: 'recovery_code' });
    expect((await (await callerFor(database.db, officer)).auth.twoFactor.status()).recoveryCodesLeft).toBe(9);

    const second = await passwordStep(officer);
    await expect(
      (await anonymous()).auth.verifyCode({ challenge: second.challenge, code: recovery }),
    ).rejects.toMatchObject(BAD_CODE);
  });

  test(`code guesses count against the lockout: after ${THROTTLE_RULES.login.maxFailures} wrong codes the right one is refused`, async () => {
    const officer = await createTestUser(database.db, 'officer');
    const { secret } = await enrol(officer);
    const step = await passwordStep(officer);
    for (let i = 0; i < THROTTLE_RULES.login.maxFailures; i++) {
      await expect(
        (await anonymous()).auth.verifyCode({ challenge: step.challenge, code: String(100000 + i) }),
      ).rejects.toMatchObject(BAD_CODE);
    }
    await expect(
      (await anonymous()).auth.verifyCode({ challenge: step.challenge, code: codeFor(secret, 1) }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Going back to the password does not reset the count.
    await expect(
      (await anonymous()).auth.signIn({ login: officer.login, password: officer.password }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const failed = (await auditEntries(database.db, 'auth.second_factor_failed')).filter(
      (e) => e.objectId === String(officer.id),
    );
    expect(failed).toHaveLength(THROTTLE_RULES.login.maxFailures);
  });

  test('a challenge lasts five minutes and serves only its own step', async () => {
    const officer = await createTestUser(database.db, 'officer');
    const { secret } = await enrol(officer);
    const step = await passwordStep(officer);
    await expect((await anonymous()).auth.enrolStart({ challenge: step.challenge })).rejects.toMatchObject(EXPIRED);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5 * 60_000 + 1000 });
    await expect(
      (await anonymous()).auth.verifyCode({ challenge: step.challenge, code: codeFor(secret) }),
    ).rejects.toMatchObject(EXPIRED);
  });

  test('when the admin requires it, an officer without one enrols at sign-in; a registrar is not asked', async () => {
    const officer = await createTestUser(database.db, 'officer');
    const registrar = await createTestUser(database.db, 'registrar');
    await adminCaller.settings.setTwoFactor({ required: true });
    expect(await adminCaller.settings.twoFactor()).toEqual({ required: true });
    const setting = (await auditEntries(database.db, 'settings.update')).at(-1);
    expect(setting).toMatchObject({ objectId: 'twoFactor', changes: { required: { before: false, after: true } } });

    const registrarStep = await (await anonymous()).auth.signIn({
      login: registrar.login,
      password: registrar.password,
    });
    expect(registrarStep.status).toBe('signed_in');

    const step = await passwordStep(officer);
    expect(step.status).toBe('enrol');
    await expect(
      (await anonymous()).auth.verifyCode({ challenge: step.challenge, code: '123456' }),
    ).rejects.toMatchObject(EXPIRED);
    const caller = await anonymous();
    const started = await caller.auth.enrolStart({ challenge: step.challenge });
    expect(Object.keys(started).sort()).toEqual(['qrDataUrl', 'secret', 'uri']);
    await expect(caller.auth.enrolConfirm({ challenge: step.challenge, code: '000000' })).rejects.toMatchObject(
      BAD_CODE,
    );
    const done = await caller.auth.enrolConfirm({ challenge: step.challenge, code: codeFor(started.secret) });
    expect(done).toMatchObject({ status: 'signed_in', user: { id: officer.id } });
    expect(done.recoveryCodes).toHaveLength(10);

    // Required: the officer may not turn it off; the next sign-in asks for the code.
    const officerCaller = await callerFor(database.db, officer);
    await expect(officerCaller.auth.twoFactor.disable({ code: codeFor(started.secret, 1) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await passwordStep(officer)).status).toBe('second_factor');
  });

  test('the user may turn it off with a current code when not required (audited)', async () => {
    const officer = await createTestUser(database.db, 'officer');
    const { secret } = await enrol(officer);
    const caller = await callerFor(database.db, officer);
    await expect(caller.auth.twoFactor.disable({ code: '000000' })).rejects.toMatchObject(BAD_CODE);
    await caller.auth.twoFactor.disable({ code: codeFor(secret, 1) });
    expect(await caller.auth.twoFactor.status()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await auditEntries(database.db, 'auth.two_factor_disable')).map((e) => e.objectId)).toContain(
      String(officer.id),
    );
    const step = await (await anonymous()).auth.signIn({ login: officer.login, password: officer.password });
    expect(step.status).toBe('signed_in');
  });

  test('the admin resets a lost second factor: sessions end, audited; others may not', async () => {
    const officer = await createTestUser(database.db, 'officer');
    await enrol(officer);
    await callerFor(database.db, officer);
    const otherOfficer = await callerFor(database.db, 'officer');
    await expect(otherOfficer.users.resetTwoFactor({ userId: officer.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    await adminCaller.users.resetTwoFactor({ userId: officer.id });
    expect(await adminCaller.users.sessions({ userId: officer.id })).toEqual([]);
    const [entry] = (await auditEntries(database.db, 'user.reset_two_factor')).filter(
      (e) => e.objectId === String(officer.id),
    );
    expect(entry).toMatchObject({ actorId: admin.id, details: { sessionsEnded: 2 } });
    // Not required: the next sign-in needs the password only.
    const step = await (await anonymous()).auth.signIn({ login: officer.login, password: officer.password });
    expect(step.status).toBe('signed_in');
  });

  test.each(['registrar', 'auditor'] as const)('a %s has no second factor to manage', async (role) => {
    const caller = await callerFor(database.db, role);
    await expect(caller.auth.twoFactor.status()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.auth.twoFactor.start()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.settings.setTwoFactor({ required: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
