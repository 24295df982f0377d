import type { AppInfo } from '../domain';
import { noArgs, returns } from './define';

export const appApi = {
  'app.info': returns<AppInfo>()(noArgs),
} as const;
