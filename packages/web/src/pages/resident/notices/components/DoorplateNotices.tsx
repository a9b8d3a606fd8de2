/**
 * 平安提醒 on the doorplate page: the current notices of the household's area (GET /public/doorplates/:token/notices),
 * and the way to have them sent to a phone (订阅提醒). With notices, above the form (`top`); with none, only the way
 * to subscribe, below everything (`bottom`): the form stays first on a quiet day.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { notices } from '../../../../api/notices';
import { useLang } from '../../../../i18n';
import { deviceId } from '../../components/deviceId';
import { usePhoneSession } from '../../components/PhoneVerify';
import { NoticeList } from './NoticeList';

export function DoorplateNotices({ token }: { token: string }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const phoneToken = usePhoneSession().session?.phoneToken ?? null;
  const list = useQuery({
    queryKey: ['notices', 'doorplate', token, phoneToken],
    queryFn: () => notices.forDoorplate(token, deviceId(), phoneToken),
    retry: 1,
  });
  const items = list.data?.items ?? [];
  const some = items.length > 0;
  if (list.isPending) return null;
  return (
    <Card title={some ? t('平安提醒', 'Safety notices') : undefined} style={{ margin: 12 }}>
      {some && <NoticeList items={items} />}
      <List style={{ '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' }}>
        <List.Item
          arrow
          onClick={() => navigate('/notices/subscribe')}
          description={t('选择想收到的提醒，可随时退订', 'Choose what to receive; stop any time')}
        >
          {t('订阅提醒', 'Subscribe to notices')}
        </List.Item>
      </List>
    </Card>
  );
}
