/** 我的回访: the callbacks the chief assigned to me, those still to do first; I record what each found. */
import type { ReviewView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { reviewsApi } from '../../../../api/reviews';
import { useLang } from '../../../../i18n';
import { OutcomeModal } from './Actions';
import { ReviewItems } from './ReviewList';

export function MyCallbacks({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const me = useSession().user.id;
  const [recording, setRecording] = useState<ReviewView | null>(null);
  const list = useQuery({ queryKey: ['evaluation-reviews', 'mine'], queryFn: () => reviewsApi.mine() });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  return (
    <>
      <ReviewItems
        stationId={stationId}
        items={list.data?.items ?? []}
        loading={list.isPending}
        empty={t('没有指定给您的回访', 'No callbacks assigned to you')}
        actions={{ canRecord: (r) => r.callbackStaffId === me, onRecord: setRecording }}
      />
      {recording && <OutcomeModal review={recording} onClose={() => setRecording(null)} />}
    </>
  );
}
