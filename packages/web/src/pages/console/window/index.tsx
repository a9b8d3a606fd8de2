/**
 * 窗口评价 (接待来访必评): the station's list of window services a resident
 * names after being served, and the window's printed QR — each scan opens a
 * fresh evaluation that can be answered once. The desk shows and prints the
 * QR; the chief edits the list and replaces the code.
 */
import { Col, Row } from 'antd';
import { useLang } from '../../../i18n';
import { StationPage } from '../matter/StationPicker';
import { QrCard } from './components/QrCard';
import { ServicesEditor } from './components/ServicesEditor';

export default function WindowPage() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('窗口评价', 'Window evaluations')}
      intro={t(
        '接待来访必评：群众在服务窗口办完事扫码，先选办理的业务（清单之外选“其他”），再评价窗口和值班民警/辅警。每扫一次生成一次新的评价，只能提交一次。',
        'After being served, a resident scans the window QR, names the service (or “Other”) and rates the window and the staff on duty. Each scan opens a fresh evaluation that can be answered once.',
      )}
    >
      {(stationId) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <QrCard stationId={stationId} />
          </Col>
          <Col xs={24} lg={12}>
            <ServicesEditor stationId={stationId} />
          </Col>
        </Row>
      )}
    </StationPage>
  );
}
