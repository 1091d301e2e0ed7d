export * from './shifts.ts';
export * from './ical.ts';
