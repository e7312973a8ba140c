import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { openLibrary } from '@/utils/library/store';
import './style.css';

const db = openLibrary();

/**
 * Benchmark hook: library.html?seed=10000 fills an EMPTY library with synthetic reports before the first
 * render (the code is a separate chunk, loaded only then). The page marks 'library:rendered' once the table
 * is on screen and measures 'library:filter' for each filter change (performance.getEntriesByName).
 */
async function start(): Promise<void> {
  const seed = Number(new URLSearchParams(location.search).get('seed'));
  if (seed > 0 && (await db.reports.count()) === 0) {
    const { seedSyntheticLibrary } = await import('@/utils/library/synthetic');
    const result = await seedSyntheticLibrary(db, Math.min(seed, 100_000));
    document.documentElement.dataset.seedInsertMs = String(Math.round(result.insertMs));
  }
  performance.mark('library:start');
  render(<LibraryApp db={db} />, document.getElementById('app')!);
}
void start();
