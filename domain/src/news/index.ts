export { type AtomEntry, type AtomFeed, atomFeed, tagUri, xmlText } from './atom.ts';
export { type Visibility, mayRead } from './visibility.ts';
