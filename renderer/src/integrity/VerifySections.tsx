import { Card, Col, Row, Statistic, Tag } from 'antd';
import type { VerifySection } from '../../../shared/domain';

/** One card per DA/T 70 heading: what was checked and how many errors and warnings. */
export function VerifySections({ sections }: { sections: VerifySection[] }) {
  return (
    <Row gutter={12}>
      {sections.map((s) => (
        <Col span={6} key={s.check}>
          <Card size="small" data-testid={`verify-section-${s.check}`} title={`${s.label}检测`} extra={s.errors ? <Tag color="error">未通过</Tag> : <Tag color="success">通过</Tag>}>
            <Statistic title={`检测 ${s.checked} 项`} value={s.errors} suffix={`个错误 / ${s.warnings} 个提示`} valueStyle={{ fontSize: 18, color: s.errors ? '#cf1322' : undefined }} />
            <div style={{ fontSize: 12, color: '#888', marginTop: 6 }}>{s.scope}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
