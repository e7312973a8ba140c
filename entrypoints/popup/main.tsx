import { render } from 'preact';
import '@/components/shared/shared.css';
import './popup.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);
