// Entry point of the MIS web UI (mis.html), served by ordo-mis: the shared stylesheet,
// the MIS's own, and <MisApp/>.
import { render } from 'preact';
import { MisApp } from './App';
import '../shared/styles.css';
import './mis.css';

const root = document.getElementById('app');
if (root) render(<MisApp />, root);
