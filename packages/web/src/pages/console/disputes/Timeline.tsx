/** The case's timeline, newest first: every step read from the case's own rows, with who took it and when. */
import type { DisputeView } from '@jingmin/shared';
import { Button, Card, Timeline as Steps, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';

const FIRST = 8;

const COLOUR: Record<string, string> = {
  closed: 'green',
  agreement: 'green',
  duty_performed: 'green',
  failed: 'red',
  transfer_answered: 'blue',
  transferred: 'blue',
};

export function Timeline({ d }: { d: DisputeView }) {
  const { t } = useLang();
  const [all, setAll] = useState(false);
  const shown = all ? d.timeline : d.timeline.slice(0, FIRST);
  return (
    <Card size="small" title={t('办理经过', 'Timeline')}>
      <Steps
        items={shown.map((x) => ({
          key: `${x.at}-${x.kind}-${x.text}`,
          color: COLOUR[x.kind] ?? 'gray',
          content: (
            <div>
              <div style={{ wordBreak: 'break-word' }}>{x.text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {when(x.at)}
                {x.by ? ` · ${x.by}` : ''}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      {d.timeline.length > FIRST && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(!all)}>
          {all ? t('收起', 'Show less') : t(`显示全部 ${d.timeline.length} 条`, `Show all ${d.timeline.length}`)}
        </Button>
      )}
    </Card>
  );
}
