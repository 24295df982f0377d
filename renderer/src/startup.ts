// Evaluated first (main.tsx imports it before anything else): the main screen's data starts
// loading while React and antd are still being evaluated. Imports nothing heavy.
import { detectPlatform } from './api/platform';
import { preloadStartup } from './layout/startupData';

export const platform = detectPlatform();
export const startup = preloadStartup(platform.api);
