// Everything the detail shows beyond its first screen, in one chunk loaded on demand
// (`import()` in use-evidence.ts), so the popup's first paint does not carry it.
import './evidence.css';

export { ActivitySection } from './activity-section.tsx';
export { BehaviourSection } from './behaviour.tsx';
export { DeviceNetwork } from './device-network.tsx';
export { EarlierInquiries } from './earlier-inquiries.tsx';
export { PhotoSection } from './photo-section.tsx';
export { ReportsSection } from './reports-section.tsx';
export { SavePdfButton } from './save-pdf-button.tsx';
