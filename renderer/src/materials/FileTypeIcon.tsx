import {
  FileExcelTwoTone,
  FileImageTwoTone,
  FilePdfTwoTone,
  FileTextTwoTone,
  FileTwoTone,
  FileWordTwoTone,
  VideoCameraTwoTone,
} from '@ant-design/icons';
import type { FileType } from './fileType';

const labels: Record<FileType, string> = {
  pdf: 'PDF 文件',
  ofd: 'OFD 文档（电子公文）',
  word: 'Word 文档',
  excel: 'Excel 表格',
  image: '图片',
  video: '视频',
  text: '文本文件',
  other: '其他文件',
};

export function FileTypeIcon({ type, size = 28 }: { type: FileType; size?: number }) {
  const props = { style: { fontSize: size }, 'aria-label': labels[type], title: labels[type] };
  switch (type) {
    case 'pdf':
      return <FilePdfTwoTone twoToneColor="#d4380d" {...props} />;
    case 'ofd':
      return <FileTwoTone twoToneColor="#cf1322" {...props} />;
    case 'word':
      return <FileWordTwoTone twoToneColor="#1677ff" {...props} />;
    case 'excel':
      return <FileExcelTwoTone twoToneColor="#389e0d" {...props} />;
    case 'image':
      return <FileImageTwoTone twoToneColor="#13a8a8" {...props} />;
    case 'video':
      return <VideoCameraTwoTone twoToneColor="#722ed1" {...props} />;
    case 'text':
      return <FileTextTwoTone twoToneColor="#595959" {...props} />;
    default:
      return <FileTwoTone twoToneColor="#8c8c8c" {...props} />;
  }
}
