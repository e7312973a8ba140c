/** The model owns finding identity; re-exported here for the library's callers. */
export { findingKey } from '../report/finding';
