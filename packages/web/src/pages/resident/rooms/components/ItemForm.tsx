/**
 * 寻物启事/失物招领 on a phone: lost or found, what, where, when (now unless changed), more words, photos like a post,
 * and whether the station's other rooms see it too. No phone number: whoever knows something answers in the room.
 * A send that got no answer is resent under the same idempotency key, so the room never reads it twice.
 */
import { ItemPostInput, ROOM_POST_KIND_LABELS, type RoomPostView } from '@jingmin/shared';
import { Button, Input, Selector, Switch, TextArea, Toast } from 'antd-mobile';
import { type ReactNode, useId, useState } from 'react';
import { roomItemsPublic } from '../../../../api/room-items';
import { useLang } from '../../../../i18n';
import { PhotoPicker } from '../../components/PhotoPicker';
import { useRoomSend } from '../useRoomSend';

interface Props {
  roomId: string;
  phoneToken: string;
  onPosted(post: RoomPostView): void;
  onCancel(): void;
}

type Kind = 'lost' | 'found';

/** "2026-12-02T13:45" in the phone's own time, as <input type="datetime-local"> reads and writes it. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
/** A mainland mobile number written into a notice: contact goes through the room instead. */
const PHONE_NUMBER = /1[3-9]\d{9}/;

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div style={{ marginTop: 10 }}>
      <label htmlFor={id} className="jm-muted" style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <div className="jm-field">{children}</div>
    </div>
  );
}

export function ItemForm({ roomId, phoneToken, onPosted, onCancel }: Props) {
  const { t, label } = useLang();
  const ids = useId();
  const [kind, setKind] = useState<Kind>('lost');
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [at, setAt] = useState(() => localInput(new Date()));
  const [body, setBody] = useState('');
  const [acrossStation, setAcrossStation] = useState(false);
  const { photos, photosReady, send: sendOnce, sending } = useRoomSend(roomId, phoneToken);

  const send = async () => {
    if (!photosReady()) return;
    const when = new Date(at);
    const parsed = ItemPostInput.safeParse({
      kind,
      what: what.trim(),
      where: where.trim(),
      at: Number.isNaN(when.getTime()) ? '' : when.toISOString(),
      body: body.trim(),
      photoIds: photos.uploaded.map((p) => p.id),
      acrossStation,
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      const words: Record<string, string> = {
        what: t('请写明是什么东西', 'Say what it is'),
        where: t('请写明在哪里', 'Say where'),
        at: t('请选择时间', 'Choose when'),
      };
      return Toast.show({ content: words[field] ?? t('请检查填写的内容', 'Check what you entered') });
    }
    if (when.getTime() > Date.now() + 60_000)
      return Toast.show({ content: t('时间不能晚于现在', 'The time cannot be in the future') });
    if ([what, where, body].some((s) => PHONE_NUMBER.test(s.replace(/[\s-]/g, ''))))
      return Toast.show({ content: t('请勿留电话，联系请在群里回复', 'No phone numbers: people answer in the room') });
    const post = await sendOnce(parsed.data, (key) => roomItemsPublic.post(roomId, parsed.data, key, phoneToken));
    if (!post) return;
    onPosted(post);
    Toast.show(
      post.status === 'held'
        ? { content: t('已提交，群主审核后发出', 'Sent for review: a host will look at it first') }
        : { icon: 'success', content: t('已发布', 'Posted') },
    );
  };

  return (
    <section aria-label={t('发布启事', 'Post a notice')}>
      <strong style={{ display: 'block', fontSize: '1.1em' }}>{t('发布启事', 'Post a notice')}</strong>
      <div className="jm-muted jm-small" style={{ marginTop: 4, color: '#b45309' }}>
        {t('请勿留电话，联系请在群里回复', 'No phone numbers: people answer in the room')}
      </div>
      <Selector<Kind>
        style={{ marginTop: 8, '--checked-color': '#e8f0fb' }}
        columns={2}
        value={[kind]}
        onChange={(v) => v[0] && setKind(v[0])}
        options={(['lost', 'found'] as const).map((k) => ({
          value: k,
          label: (
            // One block, two lines: side by side they do not fit a half of a 320 px screen in elder mode.
            <span>
              <span style={{ display: 'block', fontWeight: 600 }}>{label(ROOM_POST_KIND_LABELS[k])}</span>
              <span className="jm-small">
                {k === 'lost' ? t('我丢了东西', 'I lost something') : t('我捡到东西', 'I found something')}
              </span>
            </span>
          ),
        }))}
      />
      <Field id={`${ids}-what`} label={t('什么东西', 'What')}>
        <Input
          id={`${ids}-what`}
          placeholder={t('如：黑色钱包、电动车钥匙', 'e.g. a black wallet')}
          value={what}
          onChange={setWhat}
          maxLength={50}
        />
      </Field>
      <Field
        id={`${ids}-where`}
        label={kind === 'lost' ? t('在哪里丢的', 'Where lost') : t('在哪里捡到', 'Where found')}
      >
        <Input
          id={`${ids}-where`}
          placeholder={t('如：村口小卖部附近', 'e.g. near the village shop')}
          value={where}
          onChange={setWhere}
          maxLength={100}
        />
      </Field>
      <Field
        id={`${ids}-at`}
        label={kind === 'lost' ? t('什么时候丢的', 'When lost') : t('什么时候捡到', 'When found')}
      >
        <input
          id={`${ids}-at`}
          type="datetime-local"
          value={at}
          max={localInput(new Date())}
          onChange={(e) => setAt(e.target.value)}
          style={{ width: '100%', minHeight: 32, border: 'none', font: 'inherit', background: 'transparent' }}
        />
      </Field>
      <Field id={`${ids}-body`} label={t('补充说明（可不填）', 'More (optional)')}>
        <TextArea
          id={`${ids}-body`}
          placeholder={t('颜色、特征、里面有什么', 'Colour, marks, what was inside')}
          value={body}
          onChange={setBody}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Field>
      <div style={{ marginTop: 10 }}>
        <div className="jm-muted" style={{ marginBottom: 4 }}>
          {t('照片（可不填）', 'Photos (optional)')}
        </div>
        <PhotoPicker queue={photos} />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 10, marginTop: 10, minHeight: 44 }}>
        <span style={{ flex: 1, minWidth: 0 }}>
          {t('全所可见', 'Whole station')}
          <span className="jm-muted jm-small" style={{ display: 'block' }}>
            {t('派出所其他群的群众也能看到', "Members of the station's other rooms see it too")}
          </span>
        </span>
        <Switch checked={acrossStation} onChange={setAcrossStation} aria-label={t('全所可见', 'Whole station')} />
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
        <Button color="primary" loading={sending} onClick={() => void send()} style={{ flex: 1 }}>
          {t('发布', 'Post')}
        </Button>
      </div>
    </section>
  );
}
