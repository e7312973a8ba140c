import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LibraryDB } from '@/utils/library/store';
import { libraryWrites } from './writes';
import './style.css';

// Read-only here (every write goes through the background): Dexie's query cache would keep a second copy of
// every row and deep-clone each live query's result (10,000 rows: a tenth of #scores' first render, and GC).
const db = new LibraryDB(undefined, { cache: 'disabled' });

/** The page marks 'library:rendered' once the table is on screen and measures 'library:filter' for each
 * filter change (performance.getEntriesByName): the bench reads them. */
performance.mark('library:start');
render(<LibraryApp db={db} writes={libraryWrites()} />, document.getElementById('app')!);
