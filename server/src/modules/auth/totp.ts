import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * TOTP per RFC 6238 through `otpauth` (maintained, no dependencies): SHA-1, 6 digits, 30 s — the only
 * profile every authenticator app (Google, Microsoft, Яндекс Ключ, FreeOTP) reads from a QR code.
 */
const PERIOD_SECONDS = 30;
const ISSUER = 'PD Desk';

function totpFor(secret: string, login: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: login,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** 160 random bits, base32: what the user types in by hand if the camera cannot read the QR code. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI and the same as a QR code (a data: PNG the page shows as an image). */
export async function totpEnrolment(secret: string, login: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = totpFor(secret, login).toString();
  return { uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/**
 * The time step the code belongs to (one step of clock drift either way), or null. The caller stores the
 * step so the same code cannot be used twice.
 */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, '').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}
