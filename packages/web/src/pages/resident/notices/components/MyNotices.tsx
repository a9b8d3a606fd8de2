/**
 * 我的提醒 on "my matters": with a verified phone, the notices of its subscription (GET /public/phone/notices);
 * before that, the notices of the doorplate last scanned, and the way to subscribe.
 */
import type { PhoneSession } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, List, SpinLoading } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { notices } from '../../../../api/notices';
import { useLang } from '../../../../i18n';
import { deviceId } from '../../components/deviceId';
import { lastDoorplate } from '../../components/lastDoorplate';
import { NoticeList } from './NoticeList';

export function MyNotices({ session }: { session: PhoneSession | null }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const doorplate = lastDoorplate();
  const phoneToken = session?.phoneToken ?? null;
  const list = useQuery({
    queryKey: ['notices', phoneToken ? 'phone' : 'doorplate', phoneToken ?? doorplate],
    queryFn: () =>
      phoneToken ? notices.forPhone(phoneToken, deviceId()) : notices.forDoorplate(doorplate ?? '', deviceId(), null),
    enabled: phoneToken !== null || doorplate !== null,
    retry: 1,
  });
  const items = list.data?.items ?? [];
  return (
    <Card title={t('我的提醒', 'My notices')} style={{ margin: 12 }}>
      {list.isLoading ? (
        <SpinLoading style={{ margin: '8px auto' }} />
      ) : list.isError ? (
        <div className="jm-muted">{t('提醒暂时打不开，请稍后再看', 'Notices could not load; try again later')}</div>
      ) : items.length === 0 ? (
        <div className="jm-muted">
          {phoneToken || doorplate
            ? t('目前没有新的提醒', 'No notices at the moment')
            : t('扫一下家门口门牌上的二维码，就能看到本村的提醒', 'Scan your doorplate to see your village’s notices')}
        </div>
      ) : (
        <NoticeList items={items} />
      )}
      {!session && (
        <List style={{ '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' }}>
          <List.Item
            arrow
            onClick={() => navigate('/notices/subscribe')}
            description={t('验证手机号后，可选择想收到的提醒', 'Verify your number to choose what you receive')}
          >
            {t('订阅提醒', 'Subscribe to notices')}
          </List.Item>
        </List>
      )}
    </Card>
  );
}
