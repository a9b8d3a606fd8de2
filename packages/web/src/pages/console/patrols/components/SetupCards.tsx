/**
 * The frame the patrol set-up tabs share (必巡线, 巡逻队): how many there are and the button for a new one, then a
 * card per item with its edit, re-enable and retire actions (retiring keeps the records), or an empty note.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';

interface Item {
  id: string;
  name: string;
  active: boolean;
}

export function SetupCards<T extends Item>(props: {
  items: T[];
  editable: boolean;
  /** 共 3 条必巡线 … */
  count: string;
  newLabel: string;
  emptyText: string;
  /** What retiring means for this kind, asked before it is done. */
  retireQuestion: string;
  retireLabel: string;
  retire(id: string): Promise<unknown>;
  onEdit(item: T | null): void;
  /** Tags beside the title (the team's kind). */
  tags?(item: T): ReactNode;
  children(item: T): ReactNode;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const retire = async (item: T) => {
    try {
      await props.retire(item.id);
      message.success(t(`已${props.retireLabel}`, 'Retired'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void client.invalidateQueries({ queryKey: ['patrol'] });
    }
  };
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{props.count}</Typography.Text>
        {props.editable && (
          <Button type="primary" onClick={() => props.onEdit(null)}>
            {props.newLabel}
          </Button>
        )}
      </Flex>
      {props.items.length === 0 ? (
        <Empty description={props.emptyText} />
      ) : (
        <Row gutter={[12, 12]}>
          {props.items.map((item) => (
            <Col key={item.id} xs={24} lg={12} xxl={8}>
              <Card
                size="small"
                title={item.name}
                extra={
                  <>
                    {props.tags?.(item)}
                    {!item.active && <Tag>{t(`已${props.retireLabel}`, 'Retired')}</Tag>}
                    {props.editable && (
                      <Button type="link" size="small" onClick={() => props.onEdit(item)}>
                        {item.active ? t('编辑', 'Edit') : t('重新启用', 'Re-enable')}
                      </Button>
                    )}
                    {props.editable && item.active && (
                      <Popconfirm title={props.retireQuestion} onConfirm={() => retire(item)}>
                        <Button type="link" size="small" danger>
                          {props.retireLabel}
                        </Button>
                      </Popconfirm>
                    )}
                  </>
                }
              >
                {props.children(item)}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
