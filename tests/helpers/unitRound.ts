// The start of every 成员单位报送 test: a lead archive with the sample dossier, its first leaf
// assigned to one unit, and that unit's own archive with the 报送档案 opened from its 任务包.
import path from 'node:path';
import { openTestArchive, sampleDossier, type TestArchive } from './tempArchive';

export interface UnitRound {
  lead: TestArchive;
  unit: TestArchive;
  leadDossierId: number;
  unitDossierId: number;
  /** The assigned indicator's code, and its id in the unit's archive. */
  code: string;
  unitLeafId: number;
}

export async function openUnitRound(work: string, unitName: string, deadline = '2030-06-30'): Promise<UnitRound> {
  const lead = openTestArchive(path.join(work, 'lead'));
  const { dossier, indicators } = await sampleDossier(lead.api);
  const code = indicators.filter((i) => !indicators.some((c) => c.parentId === i.id))[0].code;
  await lead.api['units.assign']({ dossierId: dossier.id, codes: [code], unit: unitName, deadline });
  const task = path.join(work, `${unitName}.dossier-task`);
  await lead.api['tasks.export']({ dossierId: dossier.id, unit: unitName, out: task });
  const unit = openTestArchive(path.join(work, 'unit'));
  const unitDossierId = (await unit.api['tasks.open']({ path: task })).dossierId;
  const systemId = (await unit.api['dossiers.list']({})).find((d) => d.id === unitDossierId)!.systemId!;
  const unitLeafId = (await unit.api['indicators.list']({ systemId })).find((i) => i.code === code)!.id;
  return { lead, unit, leadDossierId: dossier.id, unitDossierId, code, unitLeafId };
}
