import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PlatformProvider } from './platformContext';
import { detectPlatform } from './api/platform';
import './app.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <PlatformProvider platform={detectPlatform()}>
          <App />
        </PlatformProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
