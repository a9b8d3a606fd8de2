/**
 * Where a point's QR code lands: checks in at once and says 打卡成功 with the point and the time, or why not.
 * The attempt's Idempotency-Key is kept (in this tab) until the server answers, so a retry after a lost answer
 * never records a second check-in; a later scan of the same code is a new attempt. Without a network the scan
 * goes to the phone's outbox (field/queue.ts) with its time and is sent once when the network returns.
 */
import type { PatrolCheckinView } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, NavBar, Result, SpinLoading } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { newKey } from '../../../../api/resident';
import { enqueue } from '../../../../field/queue';
import { useLang } from '../../../../i18n';
import { hhmm } from './time';

type Outcome =
  | { kind: 'pending' }
  | { kind: 'done'; checkin: PatrolCheckinView }
  | { kind: 'refused'; message: string; noPatrol: boolean }
  | { kind: 'queued' };

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
      } else {
        // No network: the scan waits in the phone's outbox with its own time and is sent once when online.
        sessionStorage.removeItem(storeKey(token));
        await enqueue({
          kind: t('巡逻打卡', 'Patrol check-in'),
          title: t('必到点打卡（待联网提交）', 'Point check-in (waiting for the network)'),
          path: '/patrol-checkins',
          body: { token, scannedAt: new Date().toISOString() },
        });
        setOutcome({ kind: 'queued' });
      }
    }
  }, [token, client, t]);
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
      {outcome.kind === 'queued' && (
        <Result
          status="waiting"
          title={t('已记下，联网后自动提交', 'Kept; sent when online')}
          description={t(
            '没有网络：这次打卡的时间已保存在手机上，联网后自动提交一次',
            'Offline: the scan and its time are kept on the phone',
          )}
        />
      )}
      {outcome.kind !== 'pending' && (
        <div style={{ padding: 16, display: 'grid', gap: 12 }}>
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
