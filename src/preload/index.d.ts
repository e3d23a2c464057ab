import type { SorotBridge } from '../shared/api'

declare global {
  interface Window {
    /** Present only in the Electron app; the browser bridge uses HTTP instead. */
    sorot?: SorotBridge
  }
}
