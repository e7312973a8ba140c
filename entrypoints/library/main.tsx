import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { openLibrary } from '@/utils/library/store';
import { libraryWrites } from './writes';
import './style.css';

const db = openLibrary();

/** The page marks 'library:rendered' once the table is on screen and measures 'library:filter' for each
 * filter change (performance.getEntriesByName): the bench reads them. */
performance.mark('library:start');
render(<LibraryApp db={db} writes={libraryWrites()} />, document.getElementById('app')!);
