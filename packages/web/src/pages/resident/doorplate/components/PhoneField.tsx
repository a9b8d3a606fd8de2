/**
 * The optional contact phone of a submission. Never required: verified once
 * by one-time code, it lets the officer call back and lists every matter sent
 * with it under "我的事项".
 */
import type { PhoneSession } from '@jingmin/shared';
import { Button, Checkbox } from 'antd-mobile';
import { useState } from 'react';
import { useLang } from '../../../../i18n';
import { PhoneVerify } from '../../components/PhoneVerify';

interface Props {
  session: PhoneSession | null;
  onVerified(session: PhoneSession): void;
  onForget(): void;
  withPhone: boolean;
  onWithPhone(on: boolean): void;
}

export function PhoneField({ session, onVerified, onForget, withPhone, onWithPhone }: Props) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <div className="jm-muted">
        {t(
          '民警可能回电联系您；验证后可在“我的事项”查看用这个号码提交的全部事项',
          'An officer may call you back; once verified, "My matters" lists everything sent with this number',
        )}
      </div>
      {session ? (
        <div style={{ marginTop: 8 }}>
          <Checkbox checked={withPhone} onChange={onWithPhone}>
            {t(`附上已验证的号码 ${session.phoneMasked}`, `Attach my verified number ${session.phoneMasked}`)}
          </Checkbox>
          <Button size="mini" fill="none" color="primary" onClick={onForget}>
            {t('换一个号码', 'Use another number')}
          </Button>
        </div>
      ) : open ? (
        <PhoneVerify
          onVerified={(s) => {
            onVerified(s);
            onWithPhone(true);
          }}
        />
      ) : (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
          {t('留下手机号（需验证）', 'Add my phone (verified by code)')}
        </Button>
      )}
    </div>
  );
}
