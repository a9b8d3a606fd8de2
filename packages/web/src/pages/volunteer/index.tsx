/**
 * /volunteer: a safety-alliance volunteer signs in with its phone and a one-time code (no password), then works
 * from the field pages. /volunteer/join?station=<id> (the QR the station prints): apply to the station.
 */
import { VOLUNTEER_DUTIES, VOLUNTEER_KINDS } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, NavBar, Picker, Result, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { allianceApi } from '../../api/alliance';
import { errorMessage } from '../../api/client';
import '../../components/mobileRender';
import { useLang } from '../../i18n';
import { RESIDENT_CSS } from '../resident/components/residentStyle';

export default function VolunteerPages() {
  return (
    <>
      <style>{RESIDENT_CSS}</style>
      <div className="jm-resident" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
        <Routes>
          <Route index element={<SignIn />} />
          <Route path="join" element={<Join />} />
        </Routes>
      </div>
    </>
  );
}

/** Phone → code → in. The code box opens once a code was asked for. */
function CodeFields({
  phone,
  setPhone,
  code,
  setCode,
  ask,
}: {
  phone: string;
  setPhone(v: string): void;
  code: string;
  setCode(v: string): void;
  ask(): Promise<unknown>;
}) {
  const { t } = useLang();
  const [wait, setWait] = useState(0);
  const send = async () => {
    try {
      await ask();
      Toast.show({ content: t('验证码已发送', 'Code sent') });
      setWait(60);
      const timer = setInterval(
        () =>
          setWait((w) => {
            if (w > 1) return w - 1;
            clearInterval(timer);
            return 0;
          }),
        1000,
      );
    } catch (err) {
      Toast.show({ content: errorMessage(err) });
    }
  };
  return (
    <>
      <Form.Item label={t('手机号', 'Mobile')}>
        <Input
          value={phone}
          onChange={setPhone}
          type="tel"
          maxLength={11}
          placeholder="13x xxxx xxxx"
          aria-label={t('手机号', 'Mobile')}
        />
      </Form.Item>
      <Form.Item
        label={t('验证码', 'Code')}
        extra={
          <Button size="small" disabled={!/^1\d{10}$/.test(phone) || wait > 0} onClick={() => void send()}>
            {wait > 0 ? t(`${wait} 秒后重发`, `Again in ${wait}s`) : t('获取验证码', 'Get a code')}
          </Button>
        }
      >
        <Input value={code} onChange={setCode} inputMode="numeric" maxLength={6} aria-label={t('验证码', 'Code')} />
      </Form.Item>
    </>
  );
}

function SignIn() {
  const { t } = useLang();
  const client = useQueryClient();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const login = useMutation({
    mutationFn: () => allianceApi.login(phone, code),
    onSuccess: () => {
      void client.invalidateQueries();
      // A full page load: the field pages start with this session.
      window.location.assign('/field');
    },
    onError: (err) => Toast.show({ content: errorMessage(err) }),
  });
  return (
    <>
      <NavBar back={null}>{t('平安志愿者登录', 'Volunteer sign-in')}</NavBar>
      <Form
        layout="vertical"
        footer={
          <Button
            block
            color="primary"
            size="large"
            loading={login.isPending}
            disabled={code.length !== 6}
            onClick={() => login.mutate()}
          >
            {t('登录', 'Sign in')}
          </Button>
        }
      >
        <CodeFields
          phone={phone}
          setPhone={setPhone}
          code={code}
          setCode={setCode}
          ask={() => allianceApi.requestCode(phone)}
        />
      </Form>
      <p style={{ padding: '0 16px', color: '#595959' }}>
        {t(
          '派出所审核通过后才能登录。还没有申请？请扫派出所公布的“平安联盟”二维码。',
          'You can sign in once the station approved you. To apply, scan the station’s 平安联盟 code.',
        )}
      </p>
    </>
  );
}

function Join() {
  const { t } = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const stationId = params.get('station') ?? '';
  const places = useQuery({
    queryKey: ['volunteer-places', stationId],
    queryFn: () => allianceApi.places(stationId),
    enabled: Boolean(stationId),
  });
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string[]>([]);
  const [duties, setDuties] = useState<string[]>([]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const apply = useMutation({
    mutationFn: () =>
      allianceApi.apply({
        phone,
        code,
        name: name.trim(),
        kind: kind[0] ?? '',
        unitId: unitId ?? '',
        duties: duties as (typeof VOLUNTEER_DUTIES)[number][],
      }),
    onError: (err) => Toast.show({ content: errorMessage(err) }),
  });
  if (apply.isSuccess)
    return (
      <Result
        status="success"
        title={t('申请已提交', 'Application sent')}
        description={t(
          '派出所审核通过后，用这个手机号和验证码登录。',
          'Once the station approves it, sign in with this phone and a code.',
        )}
      />
    );
  const place = places.data?.places.find((p) => p.id === unitId);
  return (
    <>
      <NavBar onBack={() => navigate('/volunteer')}>
        {t(`申请加入${places.data?.station.name ?? ''}平安联盟`, 'Join the safety alliance')}
      </NavBar>
      <Form
        layout="vertical"
        footer={
          <Button
            block
            color="primary"
            size="large"
            loading={apply.isPending}
            disabled={!name.trim() || !kind[0] || !unitId || code.length !== 6}
            onClick={() => apply.mutate()}
          >
            {t('提交申请', 'Apply')}
          </Button>
        }
      >
        <Form.Item label={t('姓名', 'Name')}>
          <Input value={name} onChange={setName} maxLength={20} aria-label={t('姓名', 'Name')} />
        </Form.Item>
        <Form.Item label={t('身份', 'Who you are')}>
          <Selector
            columns={3}
            value={kind}
            onChange={setKind}
            options={VOLUNTEER_KINDS.map((k) => ({ value: k, label: k }))}
          />
        </Form.Item>
        <Form.Item label={t('服务的村（社区）或网格', 'Your village or grid')} onClick={() => setPicking(true)}>
          <span>{place?.name ?? t('请选择', 'Choose')}</span>
        </Form.Item>
        <Form.Item label={t('愿意承担的职责（可多选）', 'Duties you take')}>
          <Selector
            multiple
            columns={2}
            value={duties}
            onChange={setDuties}
            options={VOLUNTEER_DUTIES.map((d) => ({ value: d, label: d }))}
          />
        </Form.Item>
        <CodeFields
          phone={phone}
          setPhone={setPhone}
          code={code}
          setCode={setCode}
          ask={() => allianceApi.requestApplyCode(phone)}
        />
      </Form>
      <Picker
        visible={picking}
        onClose={() => setPicking(false)}
        columns={[(places.data?.places ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        onConfirm={(v) => setUnitId((v[0] as string) ?? null)}
      />
    </>
  );
}
