import { mountDesk } from '../ui/mount-desk.tsx';
import { SidePanelApp } from './side-panel-app.tsx';

void mountDesk(<SidePanelApp />);
