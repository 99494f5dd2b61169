import { loadPopupData } from '../../components/popup/popup-data';

/** Started when this module is evaluated: main.tsx imports it before React, so storage answers sooner. */
export const firstRead = loadPopupData();
