/** The optional location of a submission: taken from the browser only when the resident asks. */
import { Button, Toast } from 'antd-mobile';
import { useLang } from '../../../../i18n';
import type { Draft } from './draft';

interface Props {
  location: Draft['location'];
  onChange(location: Draft['location']): void;
}

export function LocationField({ location, onChange }: Props) {
  const { t } = useLang();
  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (pos) =>
        onChange({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) }),
      () =>
        Toast.show({ content: t('没有取得位置，可以不附位置直接提交', 'No location found; you can send without it') }),
      { enableHighAccuracy: false, timeout: 10_000 },
    );
  if (!location)
    return (
      <Button size="small" onClick={locate}>
        {t('附上我的位置', 'Attach my location')}
      </Button>
    );
  return (
    <span>
      {t(
        `已附上位置（约 ${location.accuracy ?? '?'} 米精度）`,
        `Location attached (about ${location.accuracy ?? '?'} m)`,
      )}{' '}
      <Button size="mini" fill="none" color="primary" onClick={() => onChange(null)}>
        {t('去掉', 'Remove')}
      </Button>
    </span>
  );
}
