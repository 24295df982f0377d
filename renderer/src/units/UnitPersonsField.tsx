import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ResponsibleUnit } from '../../../shared/domain';

interface Props {
  unit: ResponsibleUnit;
  /** Save the whole list; resolves when the core has it. */
  onSave: (persons: string[]) => Promise<unknown>;
}

/**
 * A unit's persons as tags. The list is kept here while saves are under way: reading it from
 * the unit (reloaded only after each save) made a second person typed before the reload replace
 * the first. Saves run one after the other, each with the whole list as typed so far.
 */
export function UnitPersonsField({ unit, onSave }: Props) {
  const [persons, setPersons] = useState(unit.persons);
  const pending = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Take the saved list only when nothing typed is still on its way.
  useEffect(() => {
    if (pending.current === 0) setPersons(unit.persons);
  }, [unit.persons]);
  const change = (next: string[]) => {
    setPersons(next);
    pending.current += 1;
    queue.current = queue.current
      .then(() => onSave(next))
      .finally(() => {
        pending.current -= 1;
      });
  };
  return (
    <Select
      size="small"
      mode="tags"
      style={{ width: '100%' }}
      value={persons}
      aria-label={`${unit.name} 人员`}
      onChange={change}
      data-testid={`unit-persons-${unit.name}`}
    />
  );
}
