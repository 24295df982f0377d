// First: it starts loading the main screen's data (see startup.ts).
import { platform, startup } from './startup';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PlatformProvider } from './platformContext';
import './app.css';

dayjs.locale('zh-cn');

// index.html shows 正在打开档案库… until the main screen's data has arrived; React draws then, so
// the screen is drawn once, with its data, rather than empty first and again when it comes.
void startup.then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <PlatformProvider platform={platform}>
          <App />
        </PlatformProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
),
);
