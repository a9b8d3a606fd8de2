/** 接单 right on a task row or card, without opening the matter. */
import { Button } from 'antd';
import { useLang } from '../../../../i18n';

export function TakeButton({ onTake }: { onTake(): void }) {
  const { t } = useLang();
  return (
    <Button
      type="primary"
      size="small"
      onClick={(e) => {
        e.stopPropagation();
        onTake();
      }}
    >
      {t('接单', 'Take')}
    </Button>
  );
}
