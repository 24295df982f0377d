import { Collapse, Form, Input, Modal, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultPacketDefinition, type ArchivalCodeRule, type Dossier, type Packet, type PacketDefinition } from '../../../shared/domain';
import { errorFields } from '../common/errors';
import { useFieldErrors } from '../common/useFieldErrors';
import { useQuery } from '../common/useQuery';
import { useReportError } from '../common/useReportError';
import { useIndicators } from '../indicators/useIndicators';
import { usePlatform } from '../platformContext';
import { IndicatorPicker } from './IndicatorPicker';
import { LayoutOptions } from './LayoutOptions';
import { MaterialOrderList } from './MaterialOrderList';

// The fields of this form a refused save can name.
const fieldPaths = ['name', 'rule.pattern', 'rule.fondsNumber', 'rule.itemDigits', 'definition.layout.watermark'];

interface Props {
  dossier: Dossier;
  /** null: a new definition. */
  packet: Packet | null;
  open: boolean;
  onClose: () => void;
  onSaved: (packet: Packet) => void;
}

/** 迎检资料方案: which indicators and materials, in which order, with which cover and options. */
export function PacketEditor({ dossier, packet, open, onClose, onSaved }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const indicators = useIndicators(dossier.systemId);
  const loadMaterials = useCallback(() => api['materials.list']({ dossierId: dossier.id }), [api, dossier.id]);
  const materials = useQuery(`packet-materials:${dossier.id}`, open ? loadMaterials : null, '读取材料失败');
  const [name, setName] = useState('');
  const [def, setDef] = useState<PacketDefinition>(defaultPacketDefinition());
  const [saving, setSaving] = useState(false);
  const [panels, setPanels] = useState<string[]>(['indicators']);
  const errors = useFieldErrors(fieldPaths);
  // The dossier's 档号 rule, read fresh: another window may have changed it.
  const loadRule = useCallback(
    () => api['dossiers.list']({}).then((all) => all.find((d) => d.id === dossier.id)?.archivalRule ?? dossier.archivalRule),
    [api, dossier.id, dossier.archivalRule],
  );
  const savedRule = useQuery(`archival-rule:${dossier.id}`, open ? loadRule : null, '读取档号规则失败');
  const [rule, setRuleState] = useState<ArchivalCodeRule>(dossier.archivalRule);
  // Once the clerk has typed, the fresh read arriving late must not undo it.
  const ruleTouched = useRef(false);
  const setRule = (next: ArchivalCodeRule) => {
    ruleTouched.current = true;
    setRuleState(next);
  };

  useEffect(() => {
    if (!open) return;
    setName(packet?.name ?? '迎检资料方案');
    setDef(packet?.definition ?? defaultPacketDefinition());
    errors.clear();
    ruleTouched.current = false;
  }, [open, packet, errors.clear]);
  useEffect(() => {
    if (savedRule.data && !ruleTouched.current) setRuleState(savedRule.data);
  }, [savedRule.data]);

  const all = indicators.data ?? [];
  const chosen = def.indicatorIds === null ? all : all.filter((i) => def.indicatorIds!.includes(i.id));
  const save = async () => {
    setSaving(true);
    try {
      if (JSON.stringify(rule) !== JSON.stringify(savedRule.data ?? dossier.archivalRule)) {
        await api['dossiers.setArchivalRule']({ dossierId: dossier.id, rule });
      }
      const saved = packet
        ? await api['packets.update']({ packetId: packet.id, name, definition: def })
        : await api['packets.create']({ dossierId: dossier.id, name, definition: def });
      onSaved(saved);
    } catch (err) {
      if (errors.take(err)) {
        // The message is at its field: show the fold that holds it.
        const fields = errorFields(err).map((f) => f.path);
        if (fields.some((p) => p.startsWith('rule.') || p.startsWith('definition.layout.'))) setPanels((now) => [...new Set([...now, 'layout'])]);
      } else reportError(err, '保存迎检资料方案失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={packet ? `编辑迎检资料方案 — ${packet.name}` : '新建迎检资料方案'}
      open={open}
      onCancel={onClose}
      onOk={save}
      okText="保存方案"
      cancelText="取消"
      okButtonProps={{ loading: saving, disabled: def.indicatorIds !== null && def.indicatorIds.length === 0, ...{ 'data-testid': 'packet-save' } }}
      width={860}
      destroyOnHidden
    >
      {indicators.data === undefined ? (
        <Spin />
      ) : (
        <Form layout="vertical" data-testid="packet-editor">
          <Form.Item label="方案名称" htmlFor="packet-name" {...errors.item('name')}>
            <Input
              id="packet-name"
              data-testid="packet-name"
              value={name}
              onChange={(e) => {
                errors.clear('name');
                setName(e.target.value);
              }}
            />
          </Form.Item>
          <Form.Item label="封面" style={{ marginBottom: 8 }}>
            <Input
              data-testid="packet-cover-title"
              addonBefore="标题"
              placeholder="留空则为“年度 + 档案名称 + 迎检资料”"
              value={def.cover.title}
              onChange={(e) => setDef({ ...def, cover: { ...def.cover, title: e.target.value } })}
              style={{ marginBottom: 8 }}
            />
            <Input
              addonBefore="单位"
              placeholder={dossier.unit || '编制单位'}
              value={def.cover.unit}
              onChange={(e) => setDef({ ...def, cover: { ...def.cover, unit: e.target.value } })}
              style={{ marginBottom: 8 }}
            />
            <Input
              addonBefore="日期"
              placeholder="留空则为导出当天，例如 2024年5月20日"
              value={def.cover.date}
              onChange={(e) => setDef({ ...def, cover: { ...def.cover, date: e.target.value } })}
            />
          </Form.Item>
          <Collapse
            activeKey={panels}
            onChange={(keys) => setPanels(Array.isArray(keys) ? keys : [keys])}
            items={[
              {
                key: 'indicators',
                label: def.indicatorIds === null ? '指标：全部' : `指标：已选 ${def.indicatorIds.length} 项`,
                children: <IndicatorPicker indicators={all} value={def.indicatorIds} onChange={(ids) => setDef({ ...def, indicatorIds: ids })} />,
              },
              {
                key: 'materials',
                label: def.materialIds === null ? '材料与顺序：全部材料，按指标、日期排列（可拖动调整）' : `材料与顺序：已选 ${def.materialIds.length} 份（可拖动调整）`,
                children: (
                  <MaterialOrderList
                    indicators={chosen}
                    materials={materials.data ?? []}
                    included={def.materialIds}
                    order={def.materialOrder}
                    onChange={(materialIds, materialOrder) => setDef({ ...def, materialIds, materialOrder })}
                  />
                ),
              },
              {
                key: 'layout',
                label: '版式、档号与归档章',
                children: <LayoutOptions value={def} onChange={setDef} rule={rule} onRuleChange={setRule} errors={errors} />,
              },
            ]}
          />
        </Form>
      )}
    </Modal>
  );
}
