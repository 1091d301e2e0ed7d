/** Every string of the app in this language: one chunk, loaded only when the language is in use. */
import base from '../en.json';
import { type Resource, withFeatureStrings } from '../merge.ts';

const features = import.meta.glob<Resource>('../../features/*/i18n/en.json', { eager: true, import: 'default' });

export default withFeatureStrings(base, features);
