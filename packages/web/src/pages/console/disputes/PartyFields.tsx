/**
 * A party's particulars as form fields: kind, name, role, relation, phone and ID number, checked here in
 * Chinese first (the server checks them again). Used by 登记纠纷 (one block per party) and 添加当事人.
 */
import { idNumberProblem, PARTY_ROLE_LABELS, PARTY_ROLES, type PartyInput, type PartyKind } from '@jingmin/shared';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useLang } from '../../../i18n';

/** What the form holds: empty strings for what was left blank. */
export type PartyValues = Omit<PartyInput, 'relation' | 'phone' | 'idNumber'> & {
  relation?: string;
  phone?: string;
  idNumber?: string;
};

export const NEW_PARTY: Partial<PartyValues> = { kind: 'person', role: 'applicant' };

/** Blank optional fields are left out, as the contract wants them. */
export function toPartyInput(v: PartyValues): PartyInput {
  const opt = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return {
    kind: v.kind,
    name: v.name.trim(),
    role: v.role,
    relation: opt(v.relation),
    phone: opt(v.phone)?.replace(/[\s-]/g, ''),
    idNumber: v.kind === 'person' ? opt(v.idNumber)?.toUpperCase() : undefined,
  };
}

const ID_PROBLEM: Record<NonNullable<ReturnType<typeof idNumberProblem>>, [string, string]> = {
  format: ['身份证号码应为18位', 'An ID number has 18 characters'],
  region: ['身份证号码的地址码不对', 'The region code is unknown'],
  birth_date: ['身份证号码中的出生日期不对', 'The birth date in it is not a date'],
  check: ['身份证号码校验位不对，请核对', 'The check digit does not match'],
};

/** The fields of one party; `name` is the Form.List path prefix ([index]) or [] for a single party. */
export function PartyFields({ path = [] }: { path?: (string | number)[] }) {
  const { t, label } = useLang();
  const kindPath = [...path, 'kind'];
  const form = Form.useFormInstance();
  const kind: PartyKind | undefined = Form.useWatch(kindPath, form);
  const phoneRule: Rule = {
    validator: (_, v?: string) =>
      !v?.trim() || /^1[3-9]\d{9}$/.test(v.replace(/^(\+86|0086)/, '').replace(/[\s-]/g, ''))
        ? Promise.resolve()
        : Promise.reject(new Error(t('请填写11位手机号码', 'An 11-digit mobile number'))),
  };
  const idRule: Rule = {
    validator: (_, v?: string) => {
      if (!v?.trim()) return Promise.resolve();
      const s = v.trim().toUpperCase();
      const problem = s.length === 18 ? idNumberProblem(s) : 'format';
      return problem ? Promise.reject(new Error(t(...ID_PROBLEM[problem]))) : Promise.resolve();
    },
  };
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name={kindPath} label={t('类型', 'Kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('个人', 'Person') },
              { value: 'organisation', label: t('单位', 'Organisation') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[...path, 'role']} label={t('身份', 'Role')} rules={[{ required: true }]}>
          <Select options={PARTY_ROLES.map((r) => ({ value: r, label: label(PARTY_ROLE_LABELS[r]) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={[...path, 'name']}
          label={kind === 'organisation' ? t('单位名称', 'Name') : t('姓名', 'Name')}
          rules={[
            { required: true, whitespace: true, message: t('请填写当事人姓名或单位名称', 'Give the party’s name') },
            { max: 100, message: t('姓名不超过100字', 'At most 100 characters') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={[...path, 'relation']}
          label={t('与对方关系', 'Relation')}
          rules={[{ max: 20, message: t('关系不超过20字', 'At most 20 characters') }]}
        >
          <Input placeholder={t('邻居、夫妻、雇佣……', 'Neighbour, spouse, employer …')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[...path, 'phone']} label={t('手机号码', 'Mobile')} rules={[phoneRule]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      {kind !== 'organisation' && (
        <Col xs={24} sm={12}>
          <Form.Item name={[...path, 'idNumber']} label={t('身份证号码', 'ID number')} rules={[idRule]}>
            <Input autoComplete="off" maxLength={18} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
