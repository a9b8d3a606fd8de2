/**
 * A notice as residents read it on a phone: the station and time, the priority and category, the title and text,
 * the photos and media, the 已知晓 button when one is asked for; a withdrawn one shows its correction instead.
 * Drawn in a phone-wide frame, with the buttons inert (this is the staff's look at it).
 */
import type { WarningView } from '@jingmin/shared';
import { Button, Flex, Image, Space, Tag, Typography } from 'antd';
import { warningsApi } from '../../../api/warnings';
import { MediaPlayer } from '../../../components/media';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';
import { PriorityTag } from './labels';

export function NoticePreview({ w }: { w: WarningView }) {
  const { t } = useLang();
  const withdrawn = w.status === 'withdrawn';
  return (
    <section
      aria-label={t('群众看到的样子', 'As residents see it')}
      style={{
        maxWidth: 400,
        border: '1px solid #e5e5e5',
        borderRadius: 12,
        padding: 16,
        background: w.priority === 'urgent' ? '#fff7f6' : '#fff',
        borderTop: `4px solid ${w.priority === 'urgent' ? '#f5222d' : w.priority === 'advisory' ? '#fa8c16' : '#1677ff'}`,
      }}
    >
      <Flex gap={4} wrap style={{ marginBottom: 6 }}>
        <PriorityTag priority={w.priority} />
        <Tag style={{ marginInlineEnd: 0 }}>{w.categoryLabel}</Tag>
        {withdrawn && <Tag style={{ marginInlineEnd: 0 }}>{t('已撤回', 'Withdrawn')}</Tag>}
      </Flex>
      <Typography.Title level={5} style={{ margin: '4px 0', textDecoration: withdrawn ? 'line-through' : undefined }}>
        {w.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {w.stationName}
        {w.sentAt
          ? ` · ${dateTime(w.sentAt)}`
          : w.scheduledAt
            ? t(` · 定于 ${dateTime(w.scheduledAt)}`, ` · at ${dateTime(w.scheduledAt)}`)
            : ''}
      </Typography.Text>
      {withdrawn ? (
        <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>
          <b>{t('更正说明：', 'Correction: ')}</b>
          {w.correction}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.7 }}>
            {w.body}
          </Typography.Paragraph>
          {w.photoIds.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap size={6} style={{ marginBottom: 8 }}>
                {w.photoIds.map((photoId, i) => (
                  <Image
                    key={photoId}
                    src={warningsApi.photoUrl(w.id, photoId, 'thumb')}
                    preview={{ src: warningsApi.photoUrl(w.id, photoId) }}
                    alt={t(`图片 ${i + 1}`, `Photo ${i + 1}`)}
                    width={108}
                    height={108}
                    style={{ objectFit: 'cover', borderRadius: 6, background: '#f5f5f5' }}
                  />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          {w.media.length > 0 && (
            <Flex vertical gap={8} style={{ marginBottom: 8 }}>
              {w.media.map((m) => (
                <MediaPlayer key={m.id} media={m} />
              ))}
            </Flex>
          )}
          {w.expiresAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t(`有效期至 ${dateTime(w.expiresAt)}`, `Valid until ${dateTime(w.expiresAt)}`)}
            </Typography.Text>
          )}
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            {w.ackRequired && (
              <Button type="primary" tabIndex={-1} style={{ pointerEvents: 'none' }}>
                {t('已知晓', 'Got it')}
              </Button>
            )}
            <Button tabIndex={-1} style={{ pointerEvents: 'none' }}>
              {t(`谢谢 ${w.reach.thanks}`, `Thanks ${w.reach.thanks}`)}
            </Button>
            <Button tabIndex={-1} style={{ pointerEvents: 'none' }}>
              {t(`点赞 ${w.reach.likes}`, `Like ${w.reach.likes}`)}
            </Button>
          </Flex>
        </>
      )}
    </section>
  );
}
