import { Upload, type UploadProps } from 'antd';

/**
 * antd hands over the files of one choice or drop one by one; the last one closes the batch.
 * Nothing is sent anywhere by antd itself (no action URL, nothing kept in its list).
 */
export function batchBeforeUpload(onFiles: (files: File[]) => void): UploadProps['beforeUpload'] {
  return (file, fileList) => {
    if (file === fileList[fileList.length - 1]) onFiles([...fileList]);
    return Upload.LIST_IGNORE;
  };
}
