import { useState } from 'react';
import type { Material } from '../../../shared/domain';
import { usePlatform } from '../platformContext';
import { fileTypeOf } from './fileType';
import { FileTypeIcon } from './FileTypeIcon';

const SIZE = 24;

/** The photo's thumbnail, or an icon for the file type (also when the thumbnail cannot load). */
export function MaterialThumb({ material }: { material: Material }) {
  const { fileUrl } = usePlatform();
  const [broken, setBroken] = useState(false);
  const box = {
    width: SIZE,
    height: SIZE,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: 4,
    background: '#fafafa',
    border: '1px solid #f0f0f0',
    overflow: 'hidden',
  } as const;
  if (material.hasThumbnail && !broken) {
    return (
      <div style={box}>
        <img
          src={fileUrl(material.sha256, 'thumb')}
          alt={material.title}
          loading="lazy"
          data-testid="material-thumb"
          onError={() => setBroken(true)}
          style={{ width: '100%', height: '100%', objectFit: 'cover' }}
        />
      </div>
    );
  }
  return (
    <div style={box}>
      <FileTypeIcon type={fileTypeOf(material)} size={16} />
    </div>
  );
}
