export * from './audit.js';
export * from './org.js';
export * from './staff.js';
export * from './matters.js';
