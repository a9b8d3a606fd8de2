/** The matters whose tracking links this phone holds, each brought up to date from the server. */
import { useQueries } from '@tanstack/react-query';
import { Button, Card, List } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../../api/client';
import { deviceMatters, resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { bareList, MatterRow } from './MatterRow';

const PAGE = 10;

/** `quietWhenEmpty`: a verified phone's list is above, so "nothing here" would only be noise. */
export function DeviceMatters({ exclude, quietWhenEmpty }: { exclude: Set<string>; quietWhenEmpty: boolean }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [shown, setShown] = useState(PAGE);
  const held = deviceMatters.list();
  const all = held.filter((m) => !exclude.has(m.tracking));
  const links = all.slice(0, shown);
  const views = useQueries({
    queries: links.map((m) => ({
      queryKey: ['resident-matter', m.tracking],
      queryFn: () => resident.matter(m.tracking),
      retry: false,
      staleTime: 30_000,
    })),
  });
  // Every link here is already listed under the verified phone.
  if (all.length === 0 && (held.length > 0 || quietWhenEmpty)) return null;
  return (
    <Card title={t('本机保存的事项', 'Kept on this phone')} style={{ margin: 12 }}>
      {all.length === 0 ? (
        <div className="jm-muted">{t('本机还没有提交过事项', 'Nothing sent from this phone yet')}</div>
      ) : (
        <List style={bareList}>
          {links.map((m, i) => {
            const v = views[i]?.data;
            const error = views[i]?.error;
            const gone = error instanceof ApiError && error.status === 404;
            return (
              <MatterRow
                key={m.tracking}
                row={{
                  number: v?.number ?? m.number,
                  kind: v?.kind ?? m.kind,
                  status: v?.status,
                  excerpt: v?.body.slice(0, 60),
                  address: v?.address,
                  submittedAt: v?.submittedAt ?? m.submittedAt,
                  gone,
                }}
                onOpen={() => navigate(`/m/${m.tracking}`)}
              />
            );
          })}
        </List>
      )}
      {all.length > shown && (
        <Button block fill="none" color="primary" onClick={() => setShown(shown + PAGE)}>
          {t(`再显示 ${Math.min(PAGE, all.length - shown)} 个`, `Show ${Math.min(PAGE, all.length - shown)} more`)}
        </Button>
      )}
    </Card>
  );
}
