// First: the storage reads start before the desk's code is evaluated.
import '../ui/first-screen-read.ts';
import { mountDesk } from '../ui/mount-desk.tsx';
import { SidePanelApp } from './side-panel-app.tsx';

void mountDesk(<SidePanelApp />);
