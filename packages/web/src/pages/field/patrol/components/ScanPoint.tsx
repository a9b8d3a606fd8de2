/**
 * Where a point's QR code lands: checks in at once and says 打卡成功 with the point and the time, or why not.
 * The attempt's Idempotency-Key is kept (in this tab) until the server answers, so a retry after a lost answer
 * never records a second check-in; a later scan of the same code is a new attempt.
 */
import type { PatrolCheckinView } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, NavBar, Result, SpinLoading } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { newKey } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { hhmm } from './time';

type Outcome =
  | { kind: 'pending' }
  | { kind: 'done'; checkin: PatrolCheckinView }
  | { kind: 'refused'; message: string; noPatrol: boolean }
  | { kind: 'offline'; message: string };

const storeKey = (token: string) => `jm.pp.${token}`;

export function ScanPoint() {
  const { t } = useLang();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'pending' });
  const sent = useRef(false);
  const send = useCallback(async () => {
    setOutcome({ kind: 'pending' });
    const key = sessionStorage.getItem(storeKey(token)) ?? newKey();
    sessionStorage.setItem(storeKey(token), key);
    try {
      const checkin = await patrolsApi.checkIn({ token }, key);
      sessionStorage.removeItem(storeKey(token));
      setOutcome({ kind: 'done', checkin });
      void client.invalidateQueries({ queryKey: ['patrol'] });
    } catch (err) {
      if (err instanceof ApiError && err.status > 0 && err.status < 500) {
        sessionStorage.removeItem(storeKey(token));
        const noPatrol = err.message.includes('请先开始巡逻') || err.message.includes('Start a patrol first');
        setOutcome({ kind: 'refused', message: err.message, noPatrol });
      } else setOutcome({ kind: 'offline', message: errorMessage(err) });
    }
  }, [token, client]);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void send();
  }, [send]);
  const back = (
    <Button block color="primary" size="large" onClick={() => navigate('/field/patrol')}>
      {t('返回巡逻', 'Back to the patrol')}
    </Button>
  );
  return (
    <>
      <NavBar onBack={() => navigate('/field/patrol')}>{t('必到点打卡', 'Point check-in')}</NavBar>
      {outcome.kind === 'pending' && <SpinLoading style={{ margin: '30vh auto' }} />}
      {outcome.kind === 'done' && (
        <Result
          status="success"
          title={t('打卡成功', 'Checked in')}
          description={`${outcome.checkin.point.name}（${outcome.checkin.point.code}） ${hhmm(outcome.checkin.scannedAt)}`}
        />
      )}
      {outcome.kind === 'refused' && (
        <Result status="warning" title={t('未能打卡', 'Not checked in')} description={outcome.message} />
      )}
      {outcome.kind === 'offline' && (
        <Result status="error" title={t('网络异常，尚未打卡', 'Not sent yet')} description={outcome.message} />
      )}
      {outcome.kind !== 'pending' && (
        <div style={{ padding: 16, display: 'grid', gap: 12 }}>
          {outcome.kind === 'offline' && (
            <Button block size="large" onClick={() => void send()}>
              {t('重试', 'Retry')}
            </Button>
          )}
          {outcome.kind === 'refused' && outcome.noPatrol ? (
            <Button block color="primary" size="large" onClick={() => navigate('/field/patrol')}>
              {t('去开始巡逻', 'Start a patrol')}
            </Button>
          ) : (
            back
          )}
        </div>
      )}
    </>
  );
}
