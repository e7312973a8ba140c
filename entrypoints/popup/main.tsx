import { render } from 'preact';
render(<p>年报体检</p>, document.getElementById('app')!);
