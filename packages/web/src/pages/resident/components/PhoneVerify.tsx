/**
 * Verifying a phone number by one-time code: number → 获取验证码 (with the
 * server's resend countdown) → code → verified. The session is kept on this
 * device; the number itself is not.
 */
import { type PhoneCodeSent, type PhoneSession, RequestPhoneCodeInput, VerifyPhoneInput } from '@jingmin/shared';
import { Button, Input, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { phoneSession, resident } from '../../../api/resident';
import { useLang } from '../../../i18n';

/** The device's verified phone, shared by every resident page open in this browser. */
export function usePhoneSession() {
  const [session, setSession] = useState<PhoneSession | null>(() => phoneSession.get());
  useEffect(() => {
    const sync = () => setSession(phoneSession.get());
    window.addEventListener('storage', sync);
    return () => window.removeEventListener('storage', sync);
  }, []);
  const save = useCallback((s: PhoneSession) => {
    phoneSession.save(s);
    setSession(s);
  }, []);
  const clear = useCallback(() => {
    phoneSession.clear();
    setSession(null);
  }, []);
  return { session, save, clear };
}

/** Seconds left until `until` (ms), ticking once a second. */
function useCountdown(until: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

const row = { display: 'flex', gap: 8, alignItems: 'center', marginTop: 8 } as const;
const box = { flex: 1, border: '1px solid #767676', borderRadius: 6, padding: '6px 10px', background: '#fff' } as const;

export function PhoneVerify({ onVerified }: { onVerified(session: PhoneSession): void }) {
  const { t } = useLang();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<PhoneCodeSent | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const [busy, setBusy] = useState<'code' | 'verify' | null>(null);
  const wait = useCountdown(resendAt);

  const askCode = async () => {
    const parsed = RequestPhoneCodeInput.safeParse({ phone });
    if (!parsed.success) {
      Toast.show({ content: t('请输入 11 位手机号', 'Enter an 11-digit mobile number') });
      return;
    }
    setBusy('code');
    try {
      const res = await resident.requestPhoneCode(parsed.data.phone);
      setSent(res);
      setResendAt(Date.now() + res.resendAfterSeconds * 1000);
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const verify = async () => {
    const parsed = VerifyPhoneInput.safeParse({ phone, code: code.trim() });
    if (!parsed.success) {
      Toast.show({ content: t('请输入 6 位验证码', 'Enter the 6-digit code') });
      return;
    }
    setBusy('verify');
    try {
      onVerified(await resident.verifyPhone(parsed.data.phone, parsed.data.code));
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <div style={row}>
        <div style={box}>
          <Input
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder={t('手机号', 'Mobile number')}
            aria-label={t('手机号', 'Mobile number')}
            value={phone}
            onChange={setPhone}
            maxLength={16}
            clearable
          />
        </div>
        <Button
          size="small"
          color="primary"
          fill="outline"
          loading={busy === 'code'}
          disabled={wait > 0}
          onClick={askCode}
        >
          {wait > 0
            ? t(`${wait} 秒后重发`, `Resend in ${wait}s`)
            : sent
              ? t('重新获取', 'Send again')
              : t('获取验证码', 'Get code')}
        </Button>
      </div>
      {sent && (
        <>
          <div className="jm-muted" style={{ marginTop: 6 }}>
            {t(
              `验证码已发送至 ${sent.phoneMasked}，${sent.ttlMinutes} 分钟内有效`,
              `Code sent to ${sent.phoneMasked}, valid for ${sent.ttlMinutes} minutes`,
            )}
          </div>
          <div style={row}>
            <div style={box}>
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                placeholder={t('6 位验证码', '6-digit code')}
                aria-label={t('验证码', 'Code')}
                value={code}
                onChange={(v) => setCode(v.replace(/\D/g, ''))}
                maxLength={6}
                onEnterPress={verify}
              />
            </div>
            <Button size="small" color="primary" loading={busy === 'verify'} onClick={verify}>
              {t('验证', 'Verify')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
