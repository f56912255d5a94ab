import { mountDesk } from '../ui/mount-desk.tsx';
import { App } from './app.tsx';

void mountDesk(<App />);
